"""Creating practices in the admin: where they may live, what is required, who reviews them."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from citynet.models import CityIndexPage, CityPage, Dimension, HomePage
from practices.models import PracticeIndexPage, PracticePage

from ..conftest import build_site_tree, make_user
from .conftest import build_practice_tree, element


def practice_form(**overrides):
    values = {
        "title": "Smart parking",
        "slug": "smart-parking",
        "summary": "Sensors show free parking spaces.",
        "dimension": Dimension.objects.get(slug="smart-living").pk,
        "elements": [element("mobility").pk],
        "sdgs": [],
        "tags": "parkir, mobility",
        "status": "pilot",
        "start_year": "2021",
        "end_year": "",
        "budget_amount": "150000000",
        "budget_currency": "IDR",
        "funding_source": "apbd",
        "problem": rich_text("<p>Drivers circle for parking.</p>"),
        "solution": rich_text(""),
        "results": rich_text(""),
        "obstacles": rich_text(""),
        "lessons": rich_text(""),
        "transferability": rich_text(""),
        "stakeholders": rich_text(""),
        "adapted_from": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "video_url": "",
        "indicators": inline_formset(
            [
                {
                    "name": "Minutes to find parking",
                    "unit": "min",
                    "baseline": "12",
                    "achieved": "4",
                    "year": "2022",
                }
            ]
        ),
        "gallery_images": inline_formset([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
    }
    values.update(overrides)
    # nested_form_data turns lists into numbered keys; multi-value fields stay lists.
    multi = {key: values.pop(key) for key in ("elements", "sdgs")}
    return {**nested_form_data(values), **multi}


class PracticeAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = build_site_tree()
        self.practices = build_practice_tree(self.tree)

    def test_practices_live_only_under_cities(self):
        self.assertAllowedParentPageTypes(PracticePage, {CityPage})
        self.assertAllowedSubpageTypes(PracticePage, {})
        self.assertCanCreateAt(CityPage, PracticePage)
        self.assertCanNotCreateAt(HomePage, PracticePage)
        self.assertCanNotCreateAt(CityIndexPage, PracticePage)
        self.assertCanCreateAt(HomePage, PracticeIndexPage)

    def test_secretariat_creates_a_practice_with_indicators(self):
        self.login()  # superuser
        self.assertCanCreate(self.tree.kupang, PracticePage, practice_form())
        practice = PracticePage.objects.get(slug="smart-parking")
        assert practice.city_id == self.tree.kupang.pk
        assert [i.name for i in practice.indicators.all()] == ["Minutes to find parking"]
        assert sorted(t.name for t in practice.tags.all()) == ["mobility", "parkir"]
        assert list(practice.elements.values_list("slug", flat=True)) == ["mobility"]

    def test_required_fields_and_clear_errors(self):
        self.login()
        add = reverse(
            "wagtailadmin_pages:add", args=["practices", "practicepage", self.tree.kupang.pk]
        )
        # A draft may leave prose empty, but never a value the database needs.
        response = self.client.post(add, practice_form(summary="", dimension=""))
        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"dimension"}
        # Submitting or publishing needs every required field.
        data = practice_form(summary="", budget_amount="-1")
        response = self.client.post(add, {**data, "action-publish": "publish"})
        assert response.status_code == 200
        assert {"summary", "budget_amount"} <= set(response.context["form"].errors)
        assert not PracticePage.objects.filter(slug="smart-parking").exists()

        data = practice_form(end_year="2020", elements=[element("waste").pk])
        response = self.client.post(add, data)
        errors = response.context["form"].errors
        assert {"end_year", "elements"} <= set(errors)
        assert not PracticePage.objects.filter(slug="smart-parking").exists()

    def test_adapting_from_the_same_city_is_a_form_error(self):
        self.login()
        add = reverse(
            "wagtailadmin_pages:add", args=["practices", "practicepage", self.tree.kupang.pk]
        )
        same_city = practice_form(adapted_from=self.practices.wifi.pk)  # Kupang's own
        response = self.client.post(add, same_city)
        assert "adapted_from" in response.context["form"].errors
        other_city = practice_form(adapted_from=self.practices.library.pk)  # Sidoarjo's
        assert self.client.post(add, other_city).status_code == 302
        assert PracticePage.objects.get(slug="smart-parking").adapted_from == self.practices.library

    def test_huge_and_wrong_type_values_are_form_errors(self):
        self.login()
        add = reverse(
            "wagtailadmin_pages:add", args=["practices", "practicepage", self.tree.kupang.pk]
        )
        data = practice_form(
            summary="x" * 5000,
            start_year="twenty",
            budget_amount="9" * 40,
            dimension="999999",
        )
        response = self.client.post(add, data)
        assert response.status_code == 200
        assert {"summary", "start_year", "budget_amount", "dimension"} <= set(
            response.context["form"].errors
        )


@pytest.mark.django_db
def test_editor_drafts_and_submits_under_own_city_only(client, site_tree, practice_tree):
    editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    client.force_login(editor)
    add_own = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.kupang.pk]
    )
    response = client.post(add_own, {**practice_form(), "action-submit": "submit"})
    assert response.status_code == 302
    practice = PracticePage.objects.get(slug="smart-parking")
    assert not practice.live, "editors cannot publish"
    state = WorkflowState.objects.get(object_id=str(practice.pk))
    assert state.current_task_state.task.name == "Secretariat review"
    assert client.get(practice.url or "/en/cities/kupang/smart-parking/").status_code == 404

    add_other = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.sidoarjo.pk]
    )
    response = client.post(add_other, {**practice_form(slug="sneaky"), "action-publish": "1"})
    assert response.status_code in (302, 403)
    assert not PracticePage.objects.filter(slug="sneaky").exists()


@pytest.mark.django_db
def test_secretariat_publishes_after_review(client, site_tree, practice_tree, secretariat_user):
    editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.kupang.pk])
    client.post(add, {**practice_form(), "action-submit": "submit"})
    practice = PracticePage.objects.get(slug="smart-parking")
    task_state = WorkflowState.objects.get(object_id=str(practice.pk)).current_task_state
    client.force_login(secretariat_user)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk]
    )
    client.post(approve)
    practice.refresh_from_db()
    assert practice.live
    assert client.get("/en/practices/").context["page_obj"].paginator.count == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "view", ["edit", "preview_on_edit", "view_draft", "delete", "move", "copy", "history"]
)
def test_other_citys_practice_drafts_are_refused(client, site_tree, practice_tree, view):
    practice = practice_tree.wifi  # Kupang's
    practice.title = "Kupang secret draft"
    practice.save_revision()
    sidoarjo_editor = make_user("editor.sidoarjo", site_tree.sidoarjo.editors_group)
    client.force_login(sidoarjo_editor)
    response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[practice.pk]), follow=True)
    assert "Kupang secret draft" not in response.content.decode()
    assert response.redirect_chain and response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_home"
    )


@pytest.mark.django_db
def test_own_editors_and_secretariat_see_the_draft(
    client, site_tree, practice_tree, secretariat_user
):
    practice = practice_tree.wifi  # Kupang's
    practice.title = "Kupang draft in progress"
    practice.save_revision()
    kupang_editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    for user in (kupang_editor, secretariat_user):
        client.force_login(user)
        for view in ("edit", "view_draft"):
            response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[practice.pk]))
            assert response.status_code == 200, (user, view)
            assert "Kupang draft in progress" in response.content.decode()
    client.logout()
    assert "Kupang draft in progress" not in client.get(practice.url).content.decode()
