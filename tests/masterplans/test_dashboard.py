"""Who is behind: the reporting calendar, the secretariat's dashboard, the editor's home
panel, the city's public progress line and the reminders."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from masterplans.dashboard import ReportState, lagging_dimensions, plan_statuses, status_for
from masterplans.models import MasterPlanPage, ProgrammeStatus, ReportReminder
from masterplans.progress import file_report
from masterplans.reminders import enqueue_daily, send_due_reminders

from .progress_helpers import fill, publish_report, two_years


def on(day):
    return datetime.date.fromisoformat(day)


@pytest.mark.parametrize(
    "last, today, state, year",
    [
        (None, "2019-06-01", ReportState.NOT_YET, None),  # the first year is not over
        (None, "2020-02-01", ReportState.DUE, 2019),
        (None, "2020-04-01", ReportState.OVERDUE, 2019),
        (2019, "2020-04-01", ReportState.UP_TO_DATE, None),
        (2019, "2021-03-31", ReportState.DUE, 2020),
        (2019, "2021-04-01", ReportState.OVERDUE, 2020),
        (2029, "2040-01-01", ReportState.UP_TO_DATE, None),  # the plan has ended
    ],
)
def test_reporting_calendar(last, today, state, year):
    plan = MasterPlanPage(start_year=2019, horizon_years=10)
    status = status_for(plan, last, None, on(today))
    assert (status.state, status.year_due) == (state, year)


def test_statuses_read_published_reports_only(live_plan, editor_kupang):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    [status] = plan_statuses([live_plan], on("2020-05-01"))
    assert status.state == ReportState.OVERDUE and status.draft_year == 2019
    publish_report(fill(report, {}))
    [status] = plan_statuses([live_plan], on("2020-05-01"))
    assert status.state == ReportState.UP_TO_DATE and status.last_year == 2019


def test_lagging_dimensions_from_the_latest_reports(live_plan, editor_kupang):
    two_years(live_plan, editor_kupang)
    rows = {r["dimension"].slug: r for r in lagging_dimensions()}
    # 2020: the waste programme is delayed, Wi-Fi and the quick win are done.
    assert rows["smart-environment"]["behind"] == 1 and rows["smart-environment"]["total"] == 1
    assert rows["smart-society"]["done"] == 1 and rows["smart-society"]["behind"] == 0
    assert lagging_dimensions()[0]["dimension"].slug == "smart-environment"


@time_machine.travel("2021-05-01 08:00 +0800")
def test_secretariat_dashboard(live_plan, editor_kupang, secretariat_client):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    publish_report(fill(report, {"Sampah terpilah": (ProgrammeStatus.DELAYED, False, [], {})}))
    url = reverse("masterplans_progress")
    response = secretariat_client.get(url)
    [row] = response.context["rows"]
    assert row.state == ReportState.OVERDUE and row.year_due == 2020 and row.last_year == 2019
    html = response.content.decode()
    assert 'id="lagging-dimensions"' in html and "Smart Environment" in html
    assert secretariat_client.get(url, {"state": "up_to_date"}).context["rows"] == []
    # Unknown or hostile filter values show everything, never an error.
    for junk in ("nope", "' or 1=1", "x" * 5000):
        assert len(secretariat_client.get(url, {"state": junk}).context["rows"]) == 1
    assert secretariat_client.get(url, {"page": "999"}).status_code == 200


def test_dashboard_queries_do_not_grow_with_cities(
    site_tree, secretariat_client, django_assert_max_num_queries
):
    from masterplans.models import EvaluationYear

    from .test_evaluation import cities_with_scored_plans

    year = EvaluationYear.objects.create(
        year=2020,
        weight_baseline=20,
        weight_output=20,
        weight_outcome=20,
        weight_impact=20,
        weight_quick_win=20,
    )
    cities_with_scored_plans(site_tree, year, 2)
    url = reverse("masterplans_progress")
    secretariat_client.get(url)
    with django_assert_max_num_queries(60) as few:
        secretariat_client.get(url)
    baseline = len(few.captured_queries)
    cities_with_scored_plans(site_tree, year, 60, start=2)
    with django_assert_max_num_queries(baseline) as many:
        response = secretariat_client.get(url)
    assert len(many.captured_queries) <= baseline
    assert response.context["total"] == 62
    with django_assert_max_num_queries(baseline + 20) as home:
        secretariat_client.get(reverse("wagtailadmin_home"))
    home_count = len(home.captured_queries)
    cities_with_scored_plans(site_tree, year, 10, start=62)
    with django_assert_max_num_queries(home_count):
        secretariat_client.get(reverse("wagtailadmin_home"))


def test_city_editors_cannot_open_the_dashboard(live_plan, kupang_client):
    assert kupang_client.get(reverse("masterplans_progress")).status_code in (302, 403)


@time_machine.travel("2020-02-01 08:00 +0800")
def test_editor_home_panel_shows_own_plans_and_what_is_due(
    live_plan, kupang_client, client, editor_sidoarjo
):
    html = kupang_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Laporan jatuh tempo" in html or "Report due" in html
    assert reverse("masterplans_file_report", args=[live_plan.pk]) in html
    client.force_login(editor_sidoarjo)
    other = client.get(reverse("wagtailadmin_home")).content.decode()
    assert live_plan.title not in other
    assert reverse("masterplans_file_report", args=[live_plan.pk]) not in other


def test_city_page_links_to_published_progress(live_plan, editor_kupang, client):
    city_url = live_plan.get_parent().url
    assert "Belum ada laporan kemajuan" in client.get(city_url).content.decode()
    two_years(live_plan, editor_kupang)
    html = client.get(city_url).content.decode()
    assert "Kemajuan sampai 2020" in html and "#implementation" in html


# Reminders --------------------------------------------------------------------------------------


def test_editors_get_one_reminder_per_state_in_their_language(
    live_plan, editor_kupang, site_tree, settings
):
    from tests.conftest import make_user

    english = make_user("kupang_en", site_tree.kupang_id.editors_group)
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    make_user("no_mail", site_tree.kupang_id.editors_group).__class__.objects.filter(
        username="no_mail"
    ).update(email="")
    profile = UserProfile.get_for_user(editor_kupang)
    profile.preferred_language = "id"
    profile.save()
    assert send_due_reminders(on("2020-02-01")) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {editor_kupang.email, english.email}
    assert "jatuh tempo" in by_address[editor_kupang.email].subject
    assert "is due" in by_address[english.email].subject
    link = f"http://testserver{reverse('masterplans_file_report', args=[live_plan.pk])}"
    assert link in by_address[english.email].body
    # The same day again, or another worker: nothing new.
    assert send_due_reminders(on("2020-02-02")) == 0
    # After the deadline: one overdue reminder each.
    assert send_due_reminders(on("2020-04-02")) == 2
    assert "overdue" in mail.outbox[-1].subject or "terlambat" in mail.outbox[-1].subject
    assert ReportReminder.objects.count() == 4


def test_no_reminder_for_reported_or_other_cities(live_plan, editor_kupang, editor_sidoarjo):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    publish_report(fill(report, {}))
    assert send_due_reminders(on("2020-04-02")) == 0
    assert send_due_reminders(on("2021-02-01")) == 1  # 2020 now due, Kupang's editor only
    assert mail.outbox[0].to == [editor_kupang.email]


def test_the_daily_check_runs_once_a_day(live_plan, editor_kupang, settings):
    settings.REPORT_REMINDERS_DAILY = True
    with time_machine.travel("2020-02-01 08:00 +0800"):
        enqueue_daily()  # the immediate task backend runs it now
        enqueue_daily()
    assert len(mail.outbox) == 1
    with time_machine.travel("2020-04-02 08:00 +0800"):
        enqueue_daily()
    assert len(mail.outbox) == 2
    settings.REPORT_REMINDERS_DAILY = False
    with time_machine.travel("2021-02-02 08:00 +0800"):
        enqueue_daily()
    assert len(mail.outbox) == 2
