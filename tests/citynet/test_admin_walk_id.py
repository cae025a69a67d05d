"""A city editor set to Bahasa Indonesia walks their paths through the admin and meets no
English interface text; so does the secretariat on the registration list.

Rendered by the real Wagtail admin views; what JavaScript draws is walked in a real browser
(tests/e2e/test_admin_indonesian_journey.py). The detector is tests/citynet/english_text.py.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from masterplans.drafting import start_plan
from masterplans.models import MasterPlanTemplate
from tests.events.conftest import add_registration, build_event_tree
from tests.masterplans.conftest import add_programme
from tests.practices.test_admin import practice_form as english_practice_form

from .english_text import content_names, english_pieces, visible_text

pytestmark = pytest.mark.django_db


def in_indonesian(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()
    return user


def english_on(response, names):
    """English interface text of one admin response (a page, or a modal's JSON)."""
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        content = json.loads(content).get("html", "")
    pieces = visible_text(content)
    assert pieces, "nothing rendered"
    found = english_pieces(pieces, names)
    return {response.request["PATH_INFO"]: found} if found else {}


def assert_indonesian(response, names):
    assert english_on(response, names) == {}


def practice_form(**overrides):
    """The practice form with Indonesian content (English content is not interface text)."""
    return english_practice_form(
        title="Parkir pintar",
        summary="Sensor menunjukkan tempat parkir yang kosong.",
        problem=rich_text("<p>Pengemudi berputar-putar mencari parkir.</p>"),
        **overrides,
    )


@pytest.fixture
def editor_client(client, editor_kupang):
    client.force_login(in_indonesian(editor_kupang))
    return client


@pytest.fixture
def kupang_plan(site_tree, editor_kupang):
    """Kupang's draft plan with a quick-win programme, its budget line and indicator."""
    template = MasterPlanTemplate.objects.get(locale__language_code="id")
    plan = start_plan(site_tree.kupang_id, template, 2019, editor_kupang)
    draft = plan.get_latest_revision_as_object()
    add_programme(
        draft,
        quick_win=True,
        budget=[(2019, 1_000_000_000, "apbd")],
        kpis=[("Titik Wi-Fi aktif", 10, 60, 2023)],
    )
    draft.save_revision(user=editor_kupang)
    return plan


def test_the_detector_finds_english(site_tree):
    names = content_names()
    pieces = visible_text(
        '<h1>Dasbor</h1><button title="Save draft">Simpan</button><p lang="en">English text</p>'
        "<p>Kota Kupang</p><p>Delete this page</p><script>var the = 1;</script>"
    )
    assert english_pieces(pieces, names) == ["Save draft", "Delete this page"]


def test_editor_paths_through_the_admin_are_indonesian(editor_client, site_tree, kupang_plan):
    names = content_names()
    kupang = site_tree.kupang
    walk = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[kupang.pk]),
        reverse("wagtailadmin_pages:add", args=["practices", "practicepage", kupang.pk]),
        reverse("wagtailadmin_pages:edit", args=[kupang_plan.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("practice_chooser:choose") + "?multiple=1",
    ]
    found = {}
    for url in walk:
        found.update(english_on(editor_client.get(url), names))
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)

    # Create a practice, then submit it for the secretariat's review.
    add = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", kupang.pk])
    response = editor_client.post(add, practice_form(), follow=True)
    assert_indonesian(response, content_names())
    practice = Page.objects.get(title="Parkir pintar")
    edit = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    data = {**practice_form(), "action-submit": "submit"}
    response = editor_client.post(edit, data, follow=True)
    assert_indonesian(response, content_names())
    assert practice.specific.workflow_in_progress
    assert_indonesian(editor_client.get(edit), content_names())
    assert_indonesian(
        editor_client.get(reverse("wagtailadmin_pages:history", args=[practice.pk])),
        content_names(),
    )


def test_secretariat_registration_list_is_indonesian(client, site_tree, secretariat_user):
    events = build_event_tree(site_tree)
    add_registration(events.past, "ina@kupangkota.go.id", city=site_tree.kupang)
    client.force_login(in_indonesian(secretariat_user))
    names = content_names()
    for url in (
        reverse("events_registration:index"),
        reverse("events_attendance", args=[events.past.pk]),
    ):
        assert_indonesian(client.get(url), names)


def test_without_the_completion_editors_meet_english(editor_client, site_tree, settings):
    """The walk can fail: Wagtail's own Indonesian alone leaves English on these screens."""
    settings.LOCALE_PATHS = [settings.BASE_DIR / "locale"]
    names = content_names()
    found = {}
    for url in (reverse("wagtailadmin_home"), reverse("wagtailimages:index")):
        found.update(english_on(editor_client.get(url), names))
    assert found, "expected English without locale_upstream/"


def test_progress_reports_and_evaluation_are_indonesian(
    client, site_tree, editor_kupang, secretariat_user
):
    """The editor files and fills a progress report; the secretariat's dashboard, scores,
    ranking and exports page, all in Indonesian."""
    from masterplans.evaluation import start_evaluation
    from masterplans.models import EvaluationYear, ProgressReportPage
    from tests.masterplans.progress_helpers import post_report, published_plan

    plan = published_plan(start_plan(site_tree.kupang_id, _template(), 2019, editor_kupang))
    names = content_names()
    client.force_login(in_indonesian(editor_kupang))
    file_url = reverse("masterplans_file_report", args=[plan.pk])
    assert_indonesian(client.get(file_url), names)
    response = client.post(file_url, {"year": "2019"}, follow=True)
    assert_indonesian(response, content_names())
    report = ProgressReportPage.objects.get()
    assert_indonesian(post_report(client, report, "action-submit", narrative=""), names)
    assert_indonesian(client.get(reverse("wagtailadmin_home")), names)

    year = EvaluationYear.objects.create(
        year=2019, weight_baseline=20, weight_output=20, weight_outcome=20, weight_impact=20,
        weight_quick_win=20,
    )  # fmt: skip
    evaluation, _ = start_evaluation(year, plan)
    client.force_login(in_indonesian(secretariat_user))
    names = content_names()
    for url in (
        reverse("wagtailadmin_home"),
        reverse("masterplans_progress"),
        reverse("masterplans_evaluations"),
        reverse("masterplans_evaluation_year", args=[2019]),
        reverse("masterplans_evaluation_history", args=[plan.city_id]),
        reverse("wagtailsnippets_masterplans_cityevaluation:edit", args=[evaluation.pk]),
        reverse("wagtailsnippets_masterplans_evaluationyear:add"),
    ):
        assert_indonesian(client.get(url), names)


def _template():
    return MasterPlanTemplate.objects.get(locale__language_code="id")
