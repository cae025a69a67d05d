"""Exports read back with their libraries, cell by cell; the wrong city and bad requests;
the API's published progress."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from masterplans.evaluation import start_evaluation
from masterplans.models import EvaluationYear, ProgrammeStatus
from masterplans.progress import file_report

from .progress_helpers import fill, publish_report, two_years


def export(client, **params):
    return client.get(reverse("masterplans_export"), params)


def sheets(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in workbook}


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def reported(live_plan, editor_kupang):
    two_years(live_plan, editor_kupang)
    return live_plan


def test_xlsx_holds_every_table_cell_by_cell(reported, secretariat_client):
    year = EvaluationYear.objects.create(
        year=2020, weight_baseline=20, weight_output=20, weight_outcome=20, weight_impact=20,
        weight_quick_win=20,
    )  # fmt: skip
    evaluation, _ = start_evaluation(year, reported)
    evaluation.score_output = evaluation.score_impact = Decimal(50)
    evaluation.save()
    response = export(secretariat_client, format="xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="citynet-plans-')
    book = sheets(response)
    assert list(book) == ["Plans", "Programmes", "Budget", "Progress", "KPIs", "Scores"]
    assert book["Plans"][0][:3] == ["City", "Province", "Master plan"]
    assert book["Plans"][1] == [
        "Kota Kupang", "Nusa Tenggara Timur", reported.title, 2019, 2029, 3, 20_000_000, 2020,
    ]  # fmt: skip
    programmes = {row[2]: row for row in book["Programmes"][1:]}
    assert programmes["Wi-Fi publik"][3] == "Smart Society"
    assert programmes["Wi-Fi publik"][9] == 9_000_000
    assert programmes["Mal pelayanan publik"][5] == "Yes"
    budget = book["Budget"][1:]
    planned = [r for r in budget if r[4] == "Planned"]
    realised = [r for r in budget if r[4] == "Realised"]
    assert sum(r[6] for r in planned) == 20_000_000
    assert sum(r[6] for r in realised) == 9_900_000
    assert ["Kota Kupang", reported.title, "Wi-Fi publik", 2020, "Realised",
            "CSR (corporate social responsibility)", 3_000_000] in realised  # fmt: skip
    progress = {(r[2], r[3]): r for r in book["Progress"][1:]}
    assert progress[(2020, "Sampah terpilah")][4] == "Delayed"
    assert progress[(2019, "Wi-Fi publik")][6] == 3_000_000
    kpis = {(r[2], r[4]): r for r in book["KPIs"][1:]}
    assert kpis[(2020, "Titik Wi-Fi")][5:] == ["%", 10, 110, 110, 2021]
    scores = book["Scores"]
    assert scores[0][3:8] == ["Baseline", "Output", "Outcome", "Impact", "Quick win"]
    # 20% of each: (100 + 50 + 58.1 + 50 + 100) / 5
    assert scores[1][2:9] == [2020, 100, 50, 58.1, 50, 100, 71.62]


def test_csv_table_reads_back(reported, secretariat_client):
    rows = csv_rows(export(secretariat_client, format="csv", table="progress"))
    assert rows[0][:4] == ["City", "Master plan", "Report year", "Programme"]
    assert len(rows) == 1 + 3 + 3  # 2019 and 2020 reports, three programmes each
    assert [
        "Kota Kupang",
        reported.title,
        "2020",
        "Wi-Fi publik",
        "Done",
        "No",
        "5000000",
        "",
    ] in rows


def test_exports_follow_the_editors_language(reported, kupang_client, editor_kupang):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor_kupang)
    profile.preferred_language = "id"
    profile.save()
    rows = csv_rows(export(kupang_client, format="csv", table="progress"))
    assert rows[0][:3] == ["Daerah", "Masterplan", "Tahun laporan"]
    assert "Terlambat" in {row[4] for row in rows}


def test_formulas_are_written_as_text(live_plan, editor_kupang, secretariat_client):
    report, _ = file_report(live_plan, 2019, editor_kupang)
    fill(report, {"Wi-Fi publik": (ProgrammeStatus.ON_TRACK, False, [], {})})
    page = report.get_latest_revision_as_object()
    row = [r for r in page.programme_progress.all() if r.programme_title == "Wi-Fi publik"][0]
    row.note = '=HYPERLINK("http://evil","x")'
    page.save_revision()
    publish_report(report)
    book = load_workbook(io.BytesIO(export(secretariat_client, format="xlsx").content))
    notes = [c for c in book["Progress"]["H"] if c.value and "HYPERLINK" in str(c.value)]
    assert notes and notes[0].data_type == "s"
    rows = csv_rows(export(secretariat_client, format="csv", table="progress"))
    assert any(r[7].startswith("'=HYPERLINK") for r in rows)


def test_city_editor_exports_only_their_city(
    reported, kupang_client, client, editor_sidoarjo, site_tree
):
    own = sheets(export(kupang_client, format="xlsx"))
    assert "Scores" not in own and len(own["Plans"]) == 2
    city = export(kupang_client, format="xlsx", city=site_tree.kupang_id.pk)
    assert len(sheets(city)["Programmes"]) == 4
    # Another city's editor: their own (empty) export, and a 404 for Kupang's.
    client.force_login(editor_sidoarjo)
    theirs = sheets(export(client, format="xlsx"))
    assert len(theirs["Plans"]) == 1 and len(theirs["Progress"]) == 1  # headers only
    assert export(client, format="xlsx", city=site_tree.kupang_id.pk).status_code == 404
    assert export(client, format="csv", table="scores").status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"format": "pdf"},
        {"format": "csv", "table": "secrets"},
        {"format": "csv", "table": ""},
        {"format": "xlsx", "city": "abc"},
        {"format": "xlsx", "city": "9" * 30},
        {"format": "xlsx", "city": "999999"},
        {"format": "xlsx", "city": "-1"},
    ],
)
def test_bad_export_requests(reported, secretariat_client, params):
    assert export(secretariat_client, **params).status_code in (400, 404)


def test_anonymous_export_is_refused(reported, client):
    response = export(client, format="xlsx")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_export_queries_do_not_grow_with_plans(
    reported, secretariat_client, editor_kupang, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as one:
        export(secretariat_client, format="xlsx")
    count = len(one.captured_queries)
    extra, _ = file_report(reported, 2021, editor_kupang)
    publish_report(fill(extra, {"Wi-Fi publik": (ProgrammeStatus.DONE, False, [("apbd", 1)], {})}))
    with django_assert_max_num_queries(count):
        export(secretariat_client, format="xlsx")


# The API ----------------------------------------------------------------------------------------


def test_api_serves_published_progress_only(live_plan, editor_kupang, client):
    first, second = two_years(live_plan, editor_kupang)
    draft, _ = file_report(live_plan, 2021, editor_kupang)
    url = "/api/v2/pages/?type=masterplans.ProgressReportPage&fields=year,programme_progress"
    data = client.get(url).json()
    assert sorted(item["year"] for item in data["items"]) == [2019, 2020]
    item = next(i for i in data["items"] if i["year"] == 2020)
    rows = {r["programme_title"]: r for r in item["programme_progress"]}
    assert rows["Sampah terpilah"]["status"] == "delayed"
    assert rows["Wi-Fi publik"]["achievements"][0]["achieved"] == "110.00"
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
