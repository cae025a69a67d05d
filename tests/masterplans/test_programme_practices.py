"""The practice chooser's widget on plan programmes and event sessions, through the real
admin edit views: only the chosen practices are rendered, bad ids are form errors, and the
editor's queries do not grow with the links or the number of cities."""

from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import EventPage, EventSession
from masterplans.models import MasterPlanPage
from practices.models import PracticePage
from tests.practices.test_chooser import CHOOSE
from tests.practices.test_chooser import drafts as drafts  # the fixture

from .conftest import plan_form_data, programme_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest(plan):
    return MasterPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object()


def link_practices(plan, client, *lists):
    """Post the plan with one programme per list of practices, keeping the programmes it
    already has (their ids), so only the links change between two posts."""
    existing = latest(plan).programme_list
    programmes = [
        programme_form(f"Programme {i}", practices=practices) for i, practices in enumerate(lists)
    ]
    data = plan_form_data(plan, programmes=programmes)
    for i, programme in enumerate(existing[: len(lists)]):
        data[f"programmes-{i}-id"] = str(programme.pk)
    data["programmes-INITIAL_FORMS"] = str(min(len(existing), len(lists)))
    response = client.post(edit_url(plan), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return latest(plan)


def test_plan_editor_shows_only_the_chosen_practices(kupang_plan, kupang_client, practice_tree):
    link_practices(kupang_plan, kupang_client, [practice_tree.permits])
    html = kupang_client.get(edit_url(kupang_plan)).content.decode()
    assert f'name="programmes-0-practices" value="{practice_tree.permits.pk}" checked' in html
    assert "Online permits (Kabupaten Sidoarjo)" in html
    assert "Digital library" not in html and "Public Wi-Fi" not in html
    assert "Add practices" in html and reverse(CHOOSE) in html
    assert "practices/js/practices-chooser.js" in html


def test_unticking_every_practice_removes_the_links(kupang_plan, kupang_client, practice_tree):
    plan = link_practices(
        kupang_plan, kupang_client, [practice_tree.permits, practice_tree.library]
    )
    (programme,) = plan.programme_list
    assert len(programme.practices.all()) == 2
    plan = link_practices(kupang_plan, kupang_client, [])  # nothing ticked: nothing posted
    assert [p.pk for p in plan.programme_list] == [programme.pk]
    assert list(plan.programme_list[0].practices.all()) == []


@pytest.mark.parametrize("bad", ["abc", "999999", "draft", "-1", "9" * 30, "1.5", ""])
def test_a_bad_practice_id_is_a_form_error(kupang_plan, kupang_client, practice_tree, drafts, bad):
    if bad == "draft":
        bad = str(drafts[0].pk)
    before = kupang_plan.revisions.count()
    values, _ids = programme_form("Programme")
    response = kupang_client.post(
        edit_url(kupang_plan), plan_form_data(kupang_plan, programmes=[(values, [bad])])
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["programmes"].forms[0].errors
    assert "practices" in errors
    assert kupang_plan.revisions.count() == before


def test_plan_editor_queries_do_not_grow_with_links_or_cities(
    kupang_plan, kupang_client, practice_tree, django_assert_max_num_queries
):
    link_practices(kupang_plan, kupang_client, [practice_tree.permits], [practice_tree.wifi])
    kupang_client.get(edit_url(kupang_plan))
    with django_assert_max_num_queries(200) as few:
        kupang_client.get(edit_url(kupang_plan))
    baseline = len(few.captured_queries)
    call_command("generate_volume_data", cities=500, practices=1000, stderr=None)
    many = list(PracticePage.objects.live().filter(slug__startswith="volume-practice-")[:16])
    link_practices(kupang_plan, kupang_client, many[:8], many[8:])
    with django_assert_max_num_queries(baseline):
        html = kupang_client.get(edit_url(kupang_plan)).content.decode()
    assert all(f'value="{p.pk}" checked' in html for p in many)
    assert html.count('type="checkbox" name="programmes-0-practices"') == 8
    assert len(latest(kupang_plan).programme_list) == 2


# The widget on event sessions -----------------------------------------------------------------


def test_event_session_editor_uses_the_chooser(secretariat_client, site_tree, practice_tree):
    from tests.events.conftest import build_event_tree

    event = build_event_tree(site_tree).past
    session = EventSession(
        day=date(2019, 10, 17),
        starts_at=datetime(2019, 1, 1, 9).time(),
        ends_at=datetime(2019, 1, 1, 12).time(),
        title="Best-practice sharing",
    )
    session.practices = [practice_tree.wifi]
    event.sessions = [session]
    event.save_revision().publish()
    html = secretariat_client.get(edit_url(event)).content.decode()
    assert f'name="sessions-0-practices" value="{practice_tree.wifi.pk}" checked' in html
    assert "Public Wi-Fi (Kota Kupang)" in html
    assert "Online permits" not in html


def test_session_links_are_saved_and_a_draft_practice_is_refused(
    secretariat_client, site_tree, practice_tree, drafts
):
    from tests.events.conftest import build_event_tree
    from tests.events.test_admin import add_url, event_form

    index = build_event_tree(site_tree).index
    draft, _hidden = drafts
    refused = secretariat_client.post(
        add_url(index), {**event_form(), "sessions-0-practices": [str(draft.pk)]}
    )
    assert refused.status_code == 200
    assert "practices" in refused.context["form"].formsets["sessions"].forms[0].errors
    assert not EventPage.objects.filter(slug="workshop").exists()
    data = {**event_form(), "sessions-0-practices": [str(practice_tree.wifi.pk)]}
    assert secretariat_client.post(add_url(index), data).status_code == 302
    event = EventPage.objects.get(slug="workshop").get_latest_revision_as_object()
    assert [p.pk for p in event.sessions.get().practices.all()] == [practice_tree.wifi.pk]
