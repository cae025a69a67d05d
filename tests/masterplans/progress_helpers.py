"""A published Kupang plan with budgeted, measured programmes, and helpers to file,
fill and publish its yearly progress reports in code or through the admin."""

from decimal import Decimal

from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from masterplans.models import (
    BudgetRealisation,
    ProgrammeStatus,
    ProgressReportPage,
)
from masterplans.progress import file_report

from .conftest import add_programme, complete_plan, publish


def published_plan(plan, user=None):
    """`plan` (2019-2029) with three programmes and published:

    - the quick win "Mal pelayanan publik" (from complete_plan): 1,000,000 in 2019;
    - "Wi-Fi publik": 2019 4,000,000 and 2020 5,000,000; KPI "Titik Wi-Fi" 10 -> 110 by 2021;
    - "Sampah terpilah" (environment): 2020 10,000,000; KPI "Sampah terpilah" 0 -> 50 by 2023.
    """
    page = complete_plan(plan, user)
    add_programme(
        page,
        "Wi-Fi publik",
        "smart-society",
        budget=[(2019, 4_000_000, "apbd"), (2020, 5_000_000, "csr")],
        kpis=[("Titik Wi-Fi", Decimal(10), Decimal(110), 2021)],
    )
    add_programme(
        page,
        "Sampah terpilah",
        "smart-environment",
        start=2020,
        end=2023,
        budget=[(2020, 10_000_000, "apbd")],
        kpis=[("Sampah terpilah", Decimal(0), Decimal(50), 2023)],
    )
    page.save_revision(user=user)
    return publish(plan)


def fill(report, rows, narrative="Tahun yang baik."):
    """Set a filed report's rows: {programme title: (status, delivered, [(source, amount)],
    {kpi name: achieved})}; returns the draft (saved as a revision)."""
    page = report.get_latest_revision_as_object()
    page.narrative = narrative
    for row in page.programme_progress.all():
        status, delivered, money, achieved = rows.get(
            row.programme_title, (ProgrammeStatus.NOT_STARTED, False, [], {})
        )
        row.status, row.quick_win_delivered = status, delivered
        row.realised_budget = [
            BudgetRealisation(funding_source=source, amount=Decimal(amount))
            for source, amount in money
        ]
        for achievement in row.achievements.all():
            if achievement.indicator_name in achieved:
                achievement.achieved = Decimal(achieved[achievement.indicator_name])
    page.save_revision()
    return page


def publish_report(report):
    report = ProgressReportPage.objects.get(pk=report.pk)
    report.get_latest_revision().publish()
    return ProgressReportPage.objects.get(pk=report.pk)


def two_years(plan, user):
    """Reports 2019 and 2020, both published, with known figures."""
    first, _ = file_report(plan, 2019, user)
    fill(
        first,
        {
            "Mal pelayanan publik": (ProgrammeStatus.DONE, True, [("apbd", 900_000)], {}),
            "Wi-Fi publik": (
                ProgrammeStatus.ON_TRACK,
                False,
                [("apbd", 3_000_000)],
                {"Titik Wi-Fi": 30},
            ),
        },
    )
    publish_report(first)
    second, _ = file_report(plan, 2020, user)
    fill(
        second,
        {
            "Mal pelayanan publik": (ProgrammeStatus.DONE, True, [], {}),
            "Wi-Fi publik": (
                ProgrammeStatus.DONE,
                False,
                [("apbd", 2_000_000), ("csr", 3_000_000)],
                {"Titik Wi-Fi": 110},
            ),
            "Sampah terpilah": (
                ProgrammeStatus.DELAYED,
                False,
                [("apbd", 1_000_000)],
                {"Sampah terpilah": 5},
            ),
        },
    )
    publish_report(second)
    return first, second


def report_form_data(report, **overrides):
    """What the admin edit view posts for `report`'s latest draft, as it stands."""
    page = report.get_latest_revision_as_object()
    rows = []
    for row in page.programme_progress.all():
        rows.append(
            {
                "id": str(row.pk or ""),
                "programme": str(row.programme_id or ""),
                "status": row.status,
                "quick_win_delivered": "on" if row.quick_win_delivered else "",
                "note": row.note,
                "realised_budget": inline_formset(
                    [
                        {"funding_source": line.funding_source, "amount": str(line.amount)}
                        for line in row.realised_budget.all()
                    ]
                ),
                "achievements": inline_formset(
                    [
                        {
                            "id": str(a.pk or ""),
                            "indicator": str(a.indicator_id or ""),
                            "achieved": str(a.achieved),
                        }
                        for a in row.achievements.all()
                    ],
                    initial=sum(1 for a in row.achievements.all() if a.pk),
                ),
            }
        )
    values = {
        "title": page.title,
        "slug": page.slug,
        "year": str(page.year),
        "narrative": page.narrative,
        "programme_progress": inline_formset(rows, initial=sum(1 for r in rows if r["id"])),
        "evidence": streamfield([]),
        "comments": inline_formset([]),
    }
    values.update(overrides)
    return nested_form_data(values)


def post_report(client, report, action=None, **overrides):
    data = report_form_data(report, **overrides)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data)


def workflow_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).first()
