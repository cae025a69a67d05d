"""Template to draft: the seeded templates, "Start a master plan", the snapshot, and
template changes after a plan was started."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masterplans.drafting import add_template_sections, new_template_sections
from masterplans.models import MasterPlanPage, MasterPlanTemplate, TemplateSection


def test_seeded_templates_follow_the_official_outlines(id_template, en_template):
    id_sections = list(id_template.sections.all())
    assert id_template.horizon_years == 10
    assert [s.key for s in id_sections][:4] == [
        "pendahuluan",
        "profil-daerah",
        "analisis-kesiapan",
        "visi-misi",
    ]
    strategies = [s for s in id_sections if s.kind == "dimension_strategy"]
    assert len(strategies) == 6 and all(s.dimension_id for s in strategies)
    kinds = {s.kind for s in id_sections}
    assert {
        "readiness",
        "vision",
        "programmes",
        "quick_wins",
        "roadmap_budget",
        "monitoring",
    } <= kinds
    assert en_template.locale.language_code == "en"
    assert any(s.kind == "quick_wins" for s in en_template.sections.all())


def test_start_form_offers_templates_of_the_citys_language(site_tree, kupang_client, id_template):
    response = kupang_client.get(reverse("masterplans_start", args=[site_tree.kupang_id.pk]))
    assert response.status_code == 200
    options = list(response.context["form"].fields["template"].queryset)
    assert options == [id_template]


def test_start_creates_a_draft_in_template_order_with_guidance_in_the_editor(
    site_tree, kupang_client, id_template
):
    city = site_tree.kupang_id
    response = kupang_client.post(
        reverse("masterplans_start", args=[city.pk]),
        {"template": id_template.pk, "start_year": "2019"},
    )
    plan = MasterPlanPage.objects.child_of(city).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[plan.pk])
    assert not plan.live and plan.latest_revision_id
    assert plan.city_id == city.pk and plan.locale_id == city.locale_id
    assert (plan.start_year, plan.end_year) == (2019, 2029)
    keys = [child.value["key"] for child in plan.sections]
    assert keys == [s.key for s in id_template.sections.all()]
    assert [child.block_type for child in plan.sections] == [
        s.kind for s in id_template.sections.all()
    ]
    readiness = next(c for c in plan.sections if c.block_type == "readiness")
    assert readiness.value["guidance"].startswith("Nilai kesiapan struktur")
    # The dimension strategy starts with one entry per element of its dimension.
    governance = next(c for c in plan.sections if c.value["key"] == "strategi-governance")
    assert [e["element"] for e in governance.value["elements"]] == [
        "public-service",
        "bureaucracy",
        "policy",
    ]
    assert plan.template_snapshot["sections"][2]["title"] == "Analisis kesiapan daerah"

    editor = kupang_client.get(response["Location"]).content.decode()
    assert "Nilai kesiapan struktur" in editor  # guidance shown to the writer
    assert "0 of 14 required sections filled" in editor


def test_guidance_never_reaches_the_public_page(kupang_plan, secretariat_client):
    response = secretariat_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[kupang_plan.pk])
    )
    html = response.content.decode()
    assert "Analisis kesiapan daerah" in html
    assert "Nilai kesiapan struktur" not in html


def test_start_rejects_bad_input_and_saves_nothing(site_tree, kupang_client, en_template):
    url = reverse("masterplans_start", args=[site_tree.kupang_id.pk])
    for data in (
        {"template": en_template.pk, "start_year": "2019"},  # another language's template
        {"template": "999999", "start_year": "2019"},
        {"template": "x", "start_year": "abc"},
        {"template": "", "start_year": "99999999999999999999"},
    ):
        response = kupang_client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not MasterPlanPage.objects.exists()


def test_template_changes_never_change_a_started_plan(kupang_plan, id_template):
    section = id_template.sections.get(key="pendahuluan")
    section.title = "Bab I Pendahuluan"
    section.guidance = "Baru"
    section.save()
    id_template.sections.filter(key="penutup").delete()
    plan = MasterPlanPage.objects.get(pk=kupang_plan.pk).get_latest_revision_as_object()
    assert plan.sections[0].value["title"] == "Pendahuluan"
    assert plan.snapshot_sections[-1]["key"] == "penutup"
    assert plan.completeness().required_total == 14
    assert new_template_sections(plan) == []


def test_template_gained_sections_are_shown_and_added(kupang_plan, id_template, kupang_client):
    TemplateSection.objects.create(
        template=id_template,
        key="smart-tourism",
        title="Pariwisata cerdas",
        kind="narrative",
        guidance="Tulis rencana pariwisata.",
        sort_order=99,
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[kupang_plan.pk])
    editor = kupang_client.get(edit_url).content.decode()
    assert "The template gained 1 section" in editor and "Pariwisata cerdas" in editor

    add_url = reverse("masterplans_add_sections", args=[kupang_plan.pk])
    assert "Tulis rencana pariwisata." in kupang_client.get(add_url).content.decode()
    response = kupang_client.post(add_url)
    assert response.status_code == 302
    plan = MasterPlanPage.objects.get(pk=kupang_plan.pk).get_latest_revision_as_object()
    assert plan.sections[-1].value["key"] == "smart-tourism"
    assert plan.snapshot_sections[-1]["title"] == "Pariwisata cerdas"
    assert plan.completeness().required_total == 15
    # A second post (double submit) adds nothing more.
    kupang_client.post(add_url)
    plan = MasterPlanPage.objects.get(pk=kupang_plan.pk).get_latest_revision_as_object()
    assert [c.value["key"] for c in plan.sections].count("smart-tourism") == 1
    assert add_template_sections(plan, None) == []


def template_form_data(template, sections):
    return nested_form_data(
        {
            "name": template.name,
            "locale": template.locale_id,
            "horizon_years": "10",
            "description": "",
            "sections": inline_formset(sections, initial=0),
        }
    )


def test_secretariat_edits_templates_with_revisions(secretariat_client, id_template):
    url = reverse("wagtailsnippets_masterplans_masterplantemplate:edit", args=[id_template.pk])
    assert secretariat_client.get(url).status_code == 200
    section = {
        "key": "intro",
        "title": "Intro",
        "guidance": "",
        "kind": "narrative",
        "dimension": "",
        "required": "on",
    }
    response = secretariat_client.post(url, template_form_data(id_template, [section]))
    assert response.status_code == 302
    id_template.refresh_from_db()
    assert "intro" in [s.key for s in id_template.sections.all()]
    assert id_template.revisions.count() == 1
    history = reverse(
        "wagtailsnippets_masterplans_masterplantemplate:history", args=[id_template.pk]
    )
    assert secretariat_client.get(history).status_code == 200


def test_template_form_refuses_duplicate_keys_and_strategy_without_dimension(
    secretariat_client, id_template
):
    url = reverse("wagtailsnippets_masterplans_masterplantemplate:edit", args=[id_template.pk])
    base = {"title": "A", "guidance": "", "dimension": "", "required": "on"}
    response = secretariat_client.post(
        url,
        template_form_data(
            id_template,
            [
                {**base, "key": "same", "kind": "narrative"},
                {**base, "key": "same", "kind": "dimension_strategy"},
            ],
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["sections"].forms[1].errors
    assert "key" in errors and "dimension" in errors
    assert id_template.sections.count() == 16


@pytest.mark.parametrize("user_fixture", ["editor_kupang", "editor_sidoarjo"])
def test_city_editors_cannot_change_templates(request, client, user_fixture, id_template):
    client.force_login(request.getfixturevalue(user_fixture))
    url = reverse("wagtailsnippets_masterplans_masterplantemplate:edit", args=[id_template.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert MasterPlanTemplate.objects.get(pk=id_template.pk).name == id_template.name
