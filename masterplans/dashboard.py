"""Who is behind: the reporting calendar, each plan's reporting status, and the dimensions
where the cities' programmes lag, for the secretariat's dashboard, the city editor's home
panel and the reminders.

A year's report is due once the year is over and must be published by the deadline in
`settings.PROGRESS_REPORT_DEADLINE` (month, day) of the next year; after that it is overdue.
Everything here takes many plans at once and costs a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from citynet.models import Dimension
from citynet.visibility import public_pages

from .models import CityEvaluation, ProgrammeProgress, ProgrammeStatus, ProgressReportPage
from .progress import latest_report_years


class ReportState:
    UP_TO_DATE = "up_to_date"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_YET = "not_yet"  # the plan's first year is not over

    LABELS = {
        UP_TO_DATE: _("Up to date"),
        DUE: _("Report due"),
        OVERDUE: _("Report overdue"),
        NOT_YET: _("No report due yet"),
    }


def deadline(year):
    """The date the report on `year` must be published by."""
    month, day = getattr(settings, "PROGRESS_REPORT_DEADLINE", (3, 31))
    return datetime.date(year + 1, month, day)


@dataclass
class PlanStatus:
    plan: object
    last_year: int | None  # latest published report
    draft_year: int | None  # latest report in any state
    state: str
    year_due: int | None  # the year whose report is wanted now
    deadline: datetime.date | None
    total: object = None  # latest evaluation total
    total_year: int | None = None

    @property
    def label(self):
        return ReportState.LABELS[self.state]


def status_for(plan, last_year, draft_year, today):
    """Where `plan` stands on `today`: the last finished year it should report on, and
    whether that report is published, due (before its deadline) or overdue."""
    wanted = min(today.year - 1, plan.end_year)
    if plan.start_year is None or wanted < plan.start_year:
        return PlanStatus(plan, last_year, draft_year, ReportState.NOT_YET, None, None)
    if last_year is not None and last_year >= wanted:
        return PlanStatus(plan, last_year, draft_year, ReportState.UP_TO_DATE, None, None)
    # The earliest finished year without a published report is the one to chase.
    year = plan.start_year if last_year is None else last_year + 1
    state = ReportState.OVERDUE if today > deadline(year) else ReportState.DUE
    return PlanStatus(plan, last_year, draft_year, state, year, deadline(year))


def plan_statuses(plans, today):
    """PlanStatus for each plan (a list of MasterPlanPage), in three queries."""
    ids = [p.pk for p in plans]
    published = latest_report_years(ids)
    filed = dict(
        ProgressReportPage.objects.filter(plan__in=ids)
        .values("plan_id")
        .order_by()
        .annotate(latest=Max("year"))
        .values_list("plan_id", "latest")
    )
    latest_score = (
        CityEvaluation.objects.filter(plan=OuterRef("plan"))
        .order_by("-evaluation_year__year")
        .values("pk")[:1]
    )
    scores = {
        e.plan_id: e
        for e in CityEvaluation.objects.filter(plan__in=ids, pk=Subquery(latest_score))
        .select_related("evaluation_year")
        .order_by()
    }
    statuses = []
    for plan in plans:
        status = status_for(plan, published.get(plan.pk), filed.get(plan.pk), today)
        evaluation = scores.get(plan.pk)
        if evaluation is not None:
            status.total, status.total_year = evaluation.total, evaluation.evaluation_year.year
        statuses.append(status)
    return statuses


def lagging_dimensions():
    """Per dimension, over the latest published report of every published plan: how many
    programmes are reported, how many are done and how many are delayed or not started;
    worst first. Three queries."""
    latest = {}
    reports = public_pages(ProgressReportPage.objects.all()).values_list("pk", "plan_id", "year")
    for pk, plan_id, year in reports:
        if plan_id not in latest or year > latest[plan_id][1]:
            latest[plan_id] = (pk, year)
    rows = (
        ProgrammeProgress.objects.filter(report__in=[pk for pk, _year in latest.values()])
        .exclude(status=ProgrammeStatus.CANCELLED)
        .exclude(programme=None)
        .values("programme__dimension")
        .order_by()
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=ProgrammeStatus.DONE)),
            behind=Count(
                "pk", filter=Q(status__in=[ProgrammeStatus.DELAYED, ProgrammeStatus.NOT_STARTED])
            ),
        )
    )
    counts = {r["programme__dimension"]: r for r in rows}
    result = []
    for dimension in Dimension.objects.order_by("sort_order"):
        row = counts.get(dimension.pk)
        if not row:
            continue
        result.append(
            {
                "dimension": dimension,
                "total": row["total"],
                "done": row["done"],
                "behind": row["behind"],
                "behind_share": round(100 * row["behind"] / row["total"], 1),
            }
        )
    return sorted(result, key=lambda r: -r["behind_share"])
