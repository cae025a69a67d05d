"""The wrong city's editor, and the public, are refused everywhere a draft plan lives."""

from django.urls import reverse

from masterplans.models import MasterPlanPage

from .conftest import plan_form_data


def test_wrong_city_editor_cannot_start_a_plan(site_tree, client, editor_sidoarjo, id_template):
    client.force_login(editor_sidoarjo)
    url = reverse("masterplans_start", args=[site_tree.kupang_id.pk])
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"template": id_template.pk, "start_year": "2020"})
    assert not MasterPlanPage.objects.exists()


def test_start_for_a_missing_city_is_404(kupang_client):
    assert kupang_client.get(reverse("masterplans_start", args=[999999])).status_code == 404


def test_wrong_city_editor_cannot_view_or_edit_the_draft(kupang_plan, client, editor_sidoarjo):
    client.force_login(editor_sidoarjo)
    edit = reverse("wagtailadmin_pages:edit", args=[kupang_plan.pk])
    response = client.get(edit)
    assert response.status_code in (302, 403)
    assert "Analisis kesiapan" not in response.content.decode()
    before = kupang_plan.revisions.count()
    client.post(edit, plan_form_data(kupang_plan, title="Forged"))
    assert kupang_plan.revisions.count() == before
    for name in ("wagtailadmin_pages:view_draft", "wagtailadmin_pages:history"):
        response = client.get(reverse(name, args=[kupang_plan.pk]))
        assert response.status_code in (302, 403, 404)
    for name in ("masterplans_draft_pdf", "masterplans_add_sections"):
        assert client.get(reverse(name, args=[kupang_plan.pk])).status_code == 404
        assert client.post(reverse(name, args=[kupang_plan.pk])).status_code == 404


def test_plan_listing_shows_only_plans_the_user_may_edit(
    kupang_plan, client, editor_sidoarjo, kupang_client
):
    response = kupang_client.get(reverse("masterplans_list"))
    assert [row["plan"] for row in response.context["rows"]] == [kupang_plan]
    assert "0/14" in response.content.decode()
    client.force_login(editor_sidoarjo)
    response = client.get(reverse("masterplans_list"))
    assert response.context["rows"] == []
    assert "No master plans you can edit yet" in response.content.decode()


def test_start_button_appears_only_on_cities_the_user_edits(site_tree, kupang_client):
    own = kupang_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.kupang_id.pk]))
    assert reverse("masterplans_start", args=[site_tree.kupang_id.pk]) in own.content.decode()
    explore = kupang_client.get(reverse("wagtailadmin_explore", args=[site_tree.cities_id.pk]))
    html = explore.content.decode()
    assert reverse("masterplans_start", args=[site_tree.sidoarjo_id.pk]) not in html


def test_anonymous_users_get_the_login_page(kupang_plan, client, site_tree):
    for url in (
        reverse("masterplans_start", args=[site_tree.kupang_id.pk]),
        reverse("masterplans_draft_pdf", args=[kupang_plan.pk]),
        reverse("masterplans_list"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
