"""Yearly progress: filing a report from the published plan, and what the published
reports add up to (planned against realised budget, KPIs from baseline to target,
programme statuses, the share of the plan carried out).

The figures here feed the plan page's implementation section, the secretariat's pre-filled
evaluation scores and the exports, so each is computed in one place.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from citynet.visibility import public_pages

from .models import (
    IndicatorAchievement,
    ProgrammeBudget,
    ProgrammeIndicator,
    ProgrammeProgress,
    ProgrammeStatus,
    ProgressReportPage,
)

HUNDRED = Decimal(100)


def report_title(plan, year):
    with translation.override(plan.locale.language_code):
        return _("Progress report %(year)s") % {"year": year}


def reported_years(plan):
    return set(ProgressReportPage.objects.child_of(plan).values_list("year", flat=True))


def open_years(plan, today_year):
    """Plan years without a report, up to this year (a year is reported once it has begun)."""
    taken = reported_years(plan)
    last = min(plan.end_year, today_year)
    return [year for year in range(plan.start_year, last + 1) if year not in taken]


@transaction.atomic
def file_report(plan, year, user):
    """A draft report for `year` with a row per programme of the published plan.

    Rows start from the latest earlier report (status, quick win, KPI values) so a city
    only changes what moved; KPIs never reported start at their baseline. Returns
    (report, created): a double submit finds the first request's report (the plan row is
    locked while the year is checked).
    """
    Page.objects.select_for_update().filter(pk=plan.pk).first()
    existing = ProgressReportPage.objects.child_of(plan).filter(year=year).first()
    if existing is not None:
        return existing, False
    previous = (
        ProgressReportPage.objects.child_of(plan).filter(year__lt=year).order_by("-year").first()
    )
    before = {}
    if previous is not None:
        latest = previous.get_latest_revision_as_object()
        before = {row.programme_id: row for row in latest.programme_progress.all()}
    report = ProgressReportPage(
        title=report_title(plan, year),
        slug=slugify(f"progress-{year}"),
        locale_id=plan.locale_id,
        year=year,
        live=False,
        owner=user,
    )
    programmes = plan.programmes.prefetch_related("indicators").order_by("sort_order", "pk")
    for programme in programmes:
        old = before.get(programme.pk)
        achieved = (
            {a.indicator_id: a.achieved for a in old.achievements.all()} if old is not None else {}
        )
        row = ProgrammeProgress(
            programme=programme,
            programme_title=programme.title,
            status=old.status if old is not None else ProgrammeStatus.NOT_STARTED,
            quick_win_delivered=bool(old and old.quick_win_delivered),
        )
        row.achievements = [
            IndicatorAchievement(
                indicator=kpi,
                indicator_name=kpi.indicator,
                achieved=achieved.get(kpi.pk, kpi.baseline or Decimal(0)),
            )
            for kpi in programme.indicators.all()
        ]
        report.programme_progress.add(row)
    plan.add_child(instance=report)
    log(instance=report, action="wagtail.create", user=user)
    report.save_revision(user=user, log_action=True)
    return report, True


# What the published reports add up to --------------------------------------------------


def published_reports(plan):
    return public_pages(ProgressReportPage.objects.child_of(plan)).order_by("year")


@dataclass
class IndicatorProgress:
    programme: str
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal
    target_year: int
    achieved: Decimal | None = None
    achieved_year: int | None = None
    previous: Decimal | None = None

    @property
    def percent(self):
        """How far from baseline to target the latest value is, 0-100."""
        return _share(self.achieved, self.baseline, self.target)

    @property
    def previous_percent(self):
        return _share(self.previous, self.baseline, self.target)


def _share(value, baseline, target):
    if value is None:
        return None
    start = baseline or Decimal(0)
    if target == start:
        return HUNDRED if value == target else Decimal(0)
    share = (Decimal(value) - start) / (target - start) * HUNDRED
    return max(Decimal(0), min(HUNDRED, share)).quantize(Decimal("0.1"))


@dataclass
class Implementation:
    """A plan's carried-out figures up to its latest published report."""

    years: list = field(default_factory=list)
    planned: dict = field(default_factory=dict)  # year -> planned budget
    realised: dict = field(default_factory=dict)  # year -> realised budget
    statuses: list = field(default_factory=list)  # (programme title, status, quick win)
    indicators: list = field(default_factory=list)
    latest_year: int | None = None
    programmes_total: int = 0
    programmes_done: int = 0
    quick_wins_total: int = 0
    quick_wins_delivered: int = 0

    @property
    def has_reports(self):
        return self.latest_year is not None

    @property
    def planned_to_date(self):
        return sum((v for y, v in self.planned.items() if y <= (self.latest_year or 0)), Decimal(0))

    @property
    def realised_to_date(self):
        return sum(self.realised.values(), Decimal(0))

    @property
    def budget_share(self):
        planned = self.planned_to_date
        if not planned:
            return None
        return min(HUNDRED, self.realised_to_date / planned * HUNDRED).quantize(Decimal("0.1"))

    @property
    def programme_share(self):
        if not self.programmes_total:
            return None
        return (Decimal(self.programmes_done) / self.programmes_total * HUNDRED).quantize(
            Decimal("0.1")
        )

    @property
    def carried_out(self):
        """The share of the plan carried out: the mean of programmes done and budget
        realised against budget planned to date (whichever are known)."""
        parts = [p for p in (self.programme_share, self.budget_share) if p is not None]
        if not parts:
            return None
        return (sum(parts) / len(parts)).quantize(Decimal("0.1"))

    @property
    def quick_win_share(self):
        if not self.quick_wins_total:
            return None
        return (Decimal(self.quick_wins_delivered) / self.quick_wins_total * HUNDRED).quantize(
            Decimal("0.1")
        )

    @property
    def indicators_improved_share(self):
        """Share of KPIs that moved toward their target since the previous report."""
        compared = [i for i in self.indicators if i.previous is not None and i.achieved is not None]
        if not compared:
            return None
        improved = sum(1 for i in compared if (i.percent or 0) > (i.previous_percent or 0))
        return (Decimal(improved) / len(compared) * HUNDRED).quantize(Decimal("0.1"))

    @property
    def budget_rows(self):
        return [
            {
                "year": y,
                "planned": self.planned.get(y, Decimal(0)),
                "realised": self.realised.get(y),
            }
            for y in self.years
        ]


def implementation(plan, up_to_year=None, reports=None):
    """The plan's figures from its published reports (up to `up_to_year`): five queries
    however many programmes, KPIs and reports."""
    if reports is None:
        reports = published_reports(plan)
        if up_to_year is not None:
            reports = reports.filter(year__lte=up_to_year)
        reports = list(reports)
    result = Implementation(years=plan.years)
    planned = (
        ProgrammeBudget.objects.filter(programme__plan=plan)
        .values("year")
        .annotate(total=Sum("amount"))
    )
    result.planned = {row["year"]: row["total"] for row in planned}
    report_ids = [r.pk for r in reports]
    rows = list(
        ProgrammeProgress.objects.filter(report__in=report_ids)
        .order_by("report__year", "sort_order", "pk")
        .values(
            "pk",
            "report__year",
            "programme_id",
            "programme_title",
            "status",
            "quick_win_delivered",
            "programme__quick_win",
        )
        .annotate(realised=Sum("realised_budget__amount"))
    )
    for row in rows:
        if row["realised"] is not None:
            year = row["report__year"]
            result.realised[year] = result.realised.get(year, Decimal(0)) + row["realised"]
    latest_rows = {}
    for row in rows:  # later years overwrite earlier ones
        latest_rows[row["programme_id"] or row["programme_title"]] = row
    result.latest_year = reports[-1].year if reports else None
    live = [r for r in latest_rows.values() if r["status"] != ProgrammeStatus.CANCELLED]
    result.programmes_total = len(live)
    result.programmes_done = sum(1 for r in live if r["status"] == ProgrammeStatus.DONE)
    quick = [r for r in live if r["programme__quick_win"]]
    result.quick_wins_total = len(quick)
    result.quick_wins_delivered = sum(1 for r in quick if r["quick_win_delivered"])
    labels = dict(ProgrammeStatus.choices)
    result.statuses = [
        {
            "title": r["programme_title"],
            "status": r["status"],
            "label": labels.get(r["status"], r["status"]),
            "quick_win": r["programme__quick_win"],
            "delivered": r["quick_win_delivered"],
        }
        for r in latest_rows.values()
        if r["report__year"] == result.latest_year
    ]
    achieved = defaultdict(list)
    for row in (
        IndicatorAchievement.objects.filter(progress__report__in=report_ids)
        .order_by("progress__report__year")
        .values("indicator_id", "achieved", "progress__report__year")
    ):
        achieved[row["indicator_id"]].append((row["progress__report__year"], row["achieved"]))
    for kpi in (
        ProgrammeIndicator.objects.filter(programme__plan=plan)
        .select_related("programme")
        .order_by("programme__sort_order", "sort_order", "pk")
    ):
        values = achieved.get(kpi.pk, [])
        item = IndicatorProgress(
            programme=kpi.programme.title,
            name=kpi.indicator,
            unit=kpi.unit,
            baseline=kpi.baseline,
            target=kpi.target,
            target_year=kpi.target_year,
        )
        if values:
            item.achieved_year, item.achieved = values[-1]
            if len(values) > 1:
                item.previous = values[-2][1]
        result.indicators.append(item)
    return result


def latest_report_years(plans):
    """{plan pk: latest published report year} for many plans, in one query."""
    rows = (
        public_pages(ProgressReportPage.objects.filter(plan__in=plans)).values("plan_id").order_by()
    )
    return {r["plan_id"]: r["latest"] for r in rows.annotate(latest=Max("year"))}
