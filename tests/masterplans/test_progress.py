"""Yearly progress reports: filing from the published plan, editing through the admin,
the secretariat's review, the wrong city, and the figures the plan page shows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from masterplans.models import (
    MasterPlanPage,
    ProgrammeIndicator,
    ProgrammeStatus,
    ProgressReportPage,
)
from masterplans.progress import file_report, implementation

from .conftest import add_programme, complete_plan, publish
from .progress_helpers import (
    fill,
    post_report,
    publish_report,
    report_form_data,
    two_years,
    workflow_state,
)

# Filing -------------------------------------------------------------------------------------


def test_filing_starts_a_draft_with_every_programme_and_kpi(live_plan, kupang_client):
    url = reverse("masterplans_file_report", args=[live_plan.pk])
    page = kupang_client.get(url).content.decode()
    assert 'value="2019"' in page and 'value="2030"' not in page
    response = kupang_client.post(url, {"year": "2019"})
    report = ProgressReportPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[report.pk])
    assert not report.live and report.plan_id == live_plan.pk and report.year == 2019
    assert report.city_id == live_plan.city_id
    assert report.title == "Laporan kemajuan 2019"
    rows = {row.programme_title: row for row in report.programme_progress.all()}
    assert set(rows) == {"Mal pelayanan publik", "Wi-Fi publik", "Sampah terpilah"}
    assert all(row.status == ProgrammeStatus.NOT_STARTED for row in rows.values())
    wifi = rows["Wi-Fi publik"].achievements.get()
    assert wifi.indicator_name == "Titik Wi-Fi" and wifi.achieved == Decimal(10)  # baseline
    # The edit view opens with the rows, in Indonesian.
    edit = kupang_client.get(response["Location"]).content.decode()
    assert "Titik Wi-Fi" in edit and "Sampah terpilah" in edit


def test_a_second_report_starts_from_the_previous_one(live_plan, editor_kupang):
    first, _ = file_report(live_plan, 2019, editor_kupang)
    fill(first, {"Wi-Fi publik": (ProgrammeStatus.ON_TRACK, False, [], {"Titik Wi-Fi": 42})})
    second, created = file_report(live_plan, 2020, editor_kupang)
    assert created
    row = second.programme_progress.get(programme_title="Wi-Fi publik")
    assert row.status == ProgrammeStatus.ON_TRACK and row.achievements.get().achieved == 42


def test_double_submit_files_one_report(live_plan, kupang_client):
    url = reverse("masterplans_file_report", args=[live_plan.pk])
    kupang_client.post(url, {"year": "2019"})
    response = kupang_client.post(url, {"year": "2019"})
    # The year is no longer offered: the form says so and nothing is added.
    assert response.status_code == 200 and response.context["form"].errors["year"]
    assert ProgressReportPage.objects.count() == 1
    report, created = file_report(live_plan, 2019, None)
    assert not created and ProgressReportPage.objects.count() == 1


@pytest.mark.parametrize("year", ["2018", "2031", "abc", "", "9" * 40])
def test_years_outside_the_plan_are_refused(live_plan, kupang_client, year):
    response = kupang_client.post(
        reverse("masterplans_file_report", args=[live_plan.pk]), {"year": year}
    )
    assert response.status_code == 200 and response.context["form"].errors["year"]
    assert not ProgressReportPage.objects.exists()


def test_an_unpublished_plan_takes_no_report(kupang_plan, kupang_client):
    url = reverse("masterplans_file_report", args=[kupang_plan.pk])
    assert "not published yet" in kupang_client.get(url).content.decode().replace("\n", " ") or (
        "belum diterbitkan" in kupang_client.get(url).content.decode()
    )
    response = kupang_client.post(url, {"year": "2019"}, follow=True)
    assert not ProgressReportPage.objects.exists()
    assert len(list(response.context["messages"])) == 1


def test_file_button_only_on_published_plans_the_user_edits(
    live_plan, kupang_client, client, editor_sidoarjo
):
    url = reverse("masterplans_file_report", args=[live_plan.pk])
    own = kupang_client.get(reverse("wagtailadmin_pages:edit", args=[live_plan.pk]))
    assert url in own.content.decode()
    client.force_login(editor_sidoarjo)
    city = client.get(reverse("wagtailadmin_explore", args=[live_plan.get_parent().pk]))
    assert url not in city.content.decode()


# The wrong user --------------------------------------------------------------------------------


def test_wrong_city_editor_cannot_file_see_or_change_a_report(
    live_plan, editor_kupang, client, editor_sidoarjo
):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    client.force_login(editor_sidoarjo)
    url = reverse("masterplans_file_report", args=[live_plan.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"year": "2020"}).status_code == 404
    assert ProgressReportPage.objects.count() == 1
    edit = reverse("wagtailadmin_pages:edit", args=[report.pk])
    response = client.get(edit)
    assert response.status_code in (302, 403) and "Titik Wi-Fi" not in response.content.decode()
    before = report.revisions.count()
    post_report(client, report, narrative="Forged")
    assert report.revisions.count() == before
    for name in ("wagtailadmin_pages:view_draft", "wagtailadmin_pages:history"):
        assert client.get(reverse(name, args=[report.pk])).status_code in (302, 403, 404)


def test_public_never_sees_a_draft_report(live_plan, editor_kupang, client):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    fill(report, {"Wi-Fi publik": (ProgrammeStatus.DONE, False, [("apbd", 777_000)], {})})
    assert client.get(report.url or "/nowhere/").status_code == 404
    page = client.get(live_plan.url).content.decode()
    assert "777" not in page
    assert "Belum ada laporan kemajuan" in page


def test_anonymous_user_gets_the_login_page(live_plan, client):
    response = client.get(reverse("masterplans_file_report", args=[live_plan.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_missing_plan_is_404(kupang_client):
    assert kupang_client.get(reverse("masterplans_file_report", args=[999999])).status_code == 404


# Editing through the admin -----------------------------------------------------------------------


def test_editor_saves_submits_and_the_secretariat_publishes(
    live_plan, kupang_client, editor_kupang, client, secretariat_user
):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    data = report_form_data(report, narrative="Wi-Fi di 20 taman.")
    data["programme_progress-1-status"] = ProgrammeStatus.ON_TRACK
    data["programme_progress-1-achievements-0-achieved"] = "60"
    data["programme_progress-1-realised_budget-TOTAL_FORMS"] = "1"
    data["programme_progress-1-realised_budget-0-funding_source"] = "apbd"
    data["programme_progress-1-realised_budget-0-amount"] = "2500000"
    data["programme_progress-1-realised_budget-0-ORDER"] = "1"
    data["programme_progress-1-realised_budget-0-DELETE"] = ""
    data["programme_progress-1-realised_budget-0-id"] = ""
    data["action-submit"] = "1"
    response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    state = workflow_state(report)
    assert state.status == "in_progress"
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[report.pk, "approve", state.current_task_state.pk],
    )
    kupang_client.post(approve)  # editors cannot approve their own city's report
    assert not ProgressReportPage.objects.get(pk=report.pk).live
    client.force_login(secretariat_user)
    assert client.post(approve).status_code == 302
    report = ProgressReportPage.objects.get(pk=report.pk)
    assert report.live
    row = report.programme_progress.get(programme_title="Wi-Fi publik")
    assert row.status == ProgrammeStatus.ON_TRACK
    assert row.realised_budget.get().amount == 2_500_000
    assert row.achievements.get().achieved == 60
    page = client.get(live_plan.url).content.decode()
    assert 'id="implementation"' in page and "Rp" not in page.split('id="implementation"')[0][-5:]
    assert "2.500.000" in page and "<svg" in page and 'id="kpi-table"' in page


def test_submitting_without_a_narrative_is_refused(live_plan, kupang_client, editor_kupang):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    response = post_report(kupang_client, report, "action-submit", narrative="")
    assert response.status_code == 200 and response.context["form"].errors["narrative"]
    assert workflow_state(report) is None
    # A draft may wait for its narrative.
    assert post_report(kupang_client, report, narrative="").status_code == 302


def test_another_plans_programme_or_kpi_is_refused(
    live_plan, kupang_client, editor_kupang, site_tree, id_template, editor_sidoarjo
):
    from masterplans.drafting import start_plan

    other = start_plan(site_tree.sidoarjo_id, id_template, 2019, editor_sidoarjo)
    other_page = complete_plan(other)
    add_programme(other_page, "Perizinan daring", kpis=[("Izin", 1, 2, 2020)])
    other_page.save_revision()
    other = publish(other)
    foreign = other.programmes.get(title="Perizinan daring")
    foreign_kpi = ProgrammeIndicator.objects.get(programme=foreign)
    report, _ = file_report(live_plan, 2019, editor_kupang)
    before = report.revisions.count()
    data = report_form_data(report)
    data["programme_progress-0-programme"] = str(foreign.pk)
    response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)
    assert response.status_code == 200
    assert "Perizinan daring" not in response.content.decode()
    data = report_form_data(report)
    data["programme_progress-1-achievements-0-indicator"] = str(foreign_kpi.pk)
    response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)
    assert response.status_code == 200
    assert report.revisions.count() == before


def test_a_kpi_of_another_programme_in_the_plan_is_refused(live_plan, kupang_client, editor_kupang):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    waste = ProgrammeIndicator.objects.get(indicator="Sampah terpilah")
    data = report_form_data(report)
    rows = report.get_latest_revision_as_object().programme_progress.all()
    wifi = [row.programme_title for row in rows].index("Wi-Fi publik")  # the rows' order
    data[f"programme_progress-{wifi}-achievements-0-indicator"] = str(waste.pk)
    response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)
    assert response.status_code == 200
    assert "another programme" in response.content.decode() or "program lain" in (
        response.content.decode()
    )


def test_duplicate_rows_wrong_years_and_huge_amounts_are_refused(
    live_plan, kupang_client, editor_kupang
):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    other, _ = file_report(live_plan, 2020, editor_kupang)
    before = report.revisions.count()
    first_programme = report_form_data(report)["programme_progress-0-programme"]
    cases = [
        {"programme_progress-1-programme": first_programme},
        {"year": "2020"},  # the plan has a 2020 report
        {"year": "2040"},
        {"year": "tahun"},
        {"programme_progress-1-achievements-0-achieved": "1" * 30},
        {"programme_progress-0-status": "finished"},
    ]
    for change in cases:
        data = report_form_data(report)
        data.update(change)
        response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)
        assert response.status_code == 200, change
    assert report.revisions.count() == before
    assert other.revisions.count() == 1


# The figures -----------------------------------------------------------------------------------


def test_implementation_figures_on_known_data(live_plan, editor_kupang):
    two_years(live_plan, editor_kupang)
    figures = implementation(live_plan)
    assert figures.latest_year == 2020
    assert figures.planned == {2019: 5_000_000, 2020: 15_000_000}
    assert figures.realised == {2019: 3_900_000, 2020: 6_000_000}
    # 9.9 million realised of 20 million planned to date; 2 of 3 programmes done.
    assert figures.budget_share == Decimal("49.5")
    assert figures.programme_share == Decimal("66.7")
    assert figures.carried_out == Decimal("58.1")
    assert (figures.quick_wins_total, figures.quick_wins_delivered) == (1, 1)
    wifi, waste = figures.indicators
    assert (wifi.previous, wifi.achieved, wifi.percent) == (30, 110, Decimal("100.0"))
    assert (waste.previous, waste.achieved, waste.percent) == (0, 5, Decimal("10.0"))
    assert figures.indicators_improved_share == Decimal("100.0")
    assert implementation(live_plan, up_to_year=2019).programme_share == Decimal("33.3")


def test_cancelled_programmes_leave_the_share(live_plan, editor_kupang):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    fill(
        report,
        {
            "Mal pelayanan publik": (ProgrammeStatus.DONE, True, [], {}),
            "Sampah terpilah": (ProgrammeStatus.CANCELLED, False, [], {}),
        },
    )
    publish_report(report)
    assert implementation(live_plan).programme_share == Decimal("50.0")


def test_plan_page_shows_charts_with_their_tables(live_plan, editor_kupang, client):
    two_years(live_plan, editor_kupang)
    html = client.get(live_plan.url).content.decode()
    section = html.split('id="implementation"')[1]
    assert section.count("<svg") == 2
    assert 'aria-describedby="budget-realised-table"' in section
    assert 'id="budget-realised-table"' in section and "3.900.000" in section
    assert "58,1%" in section  # carried out, in Indonesian
    assert "Terlambat" in section  # the waste programme is delayed
    assert "<script" not in section


def test_plan_page_queries_do_not_grow_with_reports(
    live_plan, editor_kupang, client, django_assert_max_num_queries
):
    from django.core.cache import caches

    report, _ = file_report(live_plan, 2019, editor_kupang)
    publish_report(report)
    for cache in caches.all():
        cache.clear()
    client.get(live_plan.url)
    with django_assert_max_num_queries(100) as one:
        client.get(live_plan.url)
    count_one = len(one.captured_queries)
    for year in range(2020, 2026):
        extra, _ = file_report(live_plan, year, editor_kupang)
        fill(extra, {"Wi-Fi publik": (ProgrammeStatus.ON_TRACK, False, [("apbd", 1)], {})})
        publish_report(extra)
    for cache in caches.all():
        cache.clear()
    client.get(live_plan.url)
    with django_assert_max_num_queries(count_one) as many:
        client.get(live_plan.url)
    assert len(many.captured_queries) <= count_one


def test_published_report_page_reads_in_its_language(live_plan, editor_kupang, client):
    first, _ = two_years(live_plan, editor_kupang)
    html = client.get(first.url).content.decode()
    assert "Laporan kemajuan 2019" in html and "Selesai" in html and "900.000" in html


def test_plan_rows_survive_a_programme_dropped_from_the_plan(live_plan, editor_kupang):
    first, _ = two_years(live_plan, editor_kupang)
    page = live_plan.get_latest_revision_as_object()
    page.programmes = [p for p in page.programmes.all() if p.title != "Sampah terpilah"]
    page.save_revision().publish()
    assert MasterPlanPage.objects.get(pk=live_plan.pk).programmes.count() == 2
    second = ProgressReportPage.objects.get(year=2020)
    row = second.programme_progress.get(programme_title="Sampah terpilah")
    assert row.programme is None and row.title_shown == "Sampah terpilah"
