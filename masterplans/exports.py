"""Plans, programmes, budgets, progress and scores as spreadsheets, for one city or all.

What goes out is what the public may see (published plans, published progress reports)
plus, for the secretariat, the evaluation scores. XLSX (openpyxl, already Wagtail's own
spreadsheet writer) holds one sheet per table; CSV holds one table. Numbers stay numbers;
text that a spreadsheet would run as a formula is written as text in both formats.
"""

import csv
import io
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from citynet.text import spreadsheet_safe
from citynet.visibility import public_pages

from .models import (
    Aspect,
    CityEvaluation,
    ProgrammeProgress,
    ProgressReportPage,
)


def _number(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _city(plan):
    return plan.city.title if plan.city else ""


def _plans_sheet(plans, reports):
    latest = {}
    for report in reports:
        latest[report.plan_id] = max(latest.get(report.plan_id, 0), report.year)
    yield [
        _("City"),
        _("Province"),
        _("Master plan"),
        _("Start year"),
        _("End year"),
        _("Programmes"),
        _("Budget planned (IDR)"),
        _("Last published report"),
    ]
    for plan in plans:
        programmes = plan.programmes.all()
        yield [
            _city(plan),
            plan.city.province if plan.city else "",
            plan.title,
            plan.start_year,
            plan.end_year,
            len(programmes),
            _number(sum((p.total_budget for p in programmes), Decimal(0))),
            latest.get(plan.pk),
        ]


def _programmes_sheet(plans):
    yield [
        _("City"),
        _("Master plan"),
        _("Programme"),
        _("Dimension"),
        _("Element"),
        _("Quick win"),
        _("Start year"),
        _("End year"),
        _("Lead agency (OPD)"),
        _("Budget planned (IDR)"),
    ]
    for plan in plans:
        for p in plan.programmes.all():
            yield [
                _city(plan),
                plan.title,
                p.title,
                p.dimension.label,
                p.element.label if p.element else "",
                _("Yes") if p.quick_win else _("No"),
                p.start_year,
                p.end_year,
                p.lead_agency,
                _number(p.total_budget),
            ]


def _budget_sheet(plans, progress_rows):
    yield [
        _("City"),
        _("Master plan"),
        _("Programme"),
        _("Year"),
        _("Planned or realised"),
        _("Funding source"),
        _("Amount (IDR)"),
    ]
    for plan in plans:
        for p in plan.programmes.all():
            for line in p.budget_lines.all():
                yield [
                    _city(plan),
                    plan.title,
                    p.title,
                    line.year,
                    _("Planned"),
                    line.get_funding_source_display(),
                    _number(line.amount),
                ]
    for row in progress_rows:
        plan = row.report.plan
        for line in row.realised_budget.all():
            yield [
                _city(plan),
                plan.title,
                row.programme_title,
                row.report.year,
                _("Realised"),
                line.get_funding_source_display(),
                _number(line.amount),
            ]


def _progress_sheet(progress_rows):
    yield [
        _("City"),
        _("Master plan"),
        _("Report year"),
        _("Programme"),
        _("Status"),
        _("Quick win delivered"),
        _("Budget realised (IDR)"),
        _("Note"),
    ]
    for row in progress_rows:
        plan = row.report.plan
        yield [
            _city(plan),
            plan.title,
            row.report.year,
            row.programme_title,
            row.get_status_display(),
            _("Yes") if row.quick_win_delivered else _("No"),
            _number(sum((line.amount for line in row.realised_budget.all()), Decimal(0))),
            row.note,
        ]


def _indicators_sheet(progress_rows):
    yield [
        _("City"),
        _("Master plan"),
        _("Report year"),
        _("Programme"),
        _("KPI"),
        _("Unit"),
        _("Baseline"),
        _("Achieved"),
        _("Target"),
        _("Target year"),
    ]
    for row in progress_rows:
        plan = row.report.plan
        for a in row.achievements.all():
            kpi = a.indicator
            yield [
                _city(plan),
                plan.title,
                row.report.year,
                row.programme_title,
                a.indicator_name,
                kpi.unit if kpi else "",
                _number(kpi.baseline) if kpi else None,
                _number(a.achieved),
                _number(kpi.target) if kpi else None,
                kpi.target_year if kpi else None,
            ]


def _scores_sheet(evaluations):
    yield [
        _("City"),
        _("Master plan"),
        _("Evaluation year"),
        *[label for _v, label in Aspect.choices],
        _("Total"),
        _("Notes"),
    ]
    for e in evaluations:
        yield [
            _city(e.plan),
            e.plan.title,
            e.evaluation_year.year,
            *[_number(e.scores()[a]) for a in Aspect.values],
            _number(e.total),
            e.notes,
        ]


TABLES = ("plans", "programmes", "budget", "progress", "indicators", "scores")


def export_data(plans_queryset, with_scores):
    """{table: rows (header first)} for the given plans (published ones only); a fixed
    number of queries however many plans."""
    plans = list(
        public_pages(plans_queryset)
        .select_related("city")
        .prefetch_related(
            "programmes__dimension", "programmes__element", "programmes__budget_lines"
        )
        .order_by("city__title", "title", "pk")
    )
    plan_ids = [p.pk for p in plans]
    reports = list(
        public_pages(ProgressReportPage.objects.filter(plan__in=plan_ids)).order_by("year")
    )
    by_pk = {p.pk: p for p in plans}
    progress_rows = list(
        ProgrammeProgress.objects.filter(report__in=[r.pk for r in reports])
        .select_related("report")
        .prefetch_related("realised_budget", "achievements__indicator")
        .order_by("report__plan__city__title", "report__plan_id", "report__year", "sort_order")
    )
    for row in progress_rows:
        row.report.plan = by_pk[row.report.plan_id]
    tables = {
        "plans": _plans_sheet(plans, reports),
        "programmes": _programmes_sheet(plans),
        "budget": _budget_sheet(plans, progress_rows),
        "progress": _progress_sheet(progress_rows),
        "indicators": _indicators_sheet(progress_rows),
    }
    if with_scores:
        evaluations = (
            CityEvaluation.objects.filter(plan__in=plan_ids)
            .select_related("evaluation_year")
            .order_by("evaluation_year__year", "plan_id")
        )
        for e in evaluations:
            e.plan = by_pk[e.plan_id]
        tables["scores"] = _scores_sheet(evaluations)
    return {name: list(rows) for name, rows in tables.items()}


def sheet_title(name):
    return {
        "plans": _("Plans"),
        "programmes": _("Programmes"),
        "budget": _("Budget"),
        "progress": _("Progress"),
        "indicators": _("KPIs"),
        "scores": _("Scores"),
    }[name][:31]


def to_xlsx(tables):
    workbook = Workbook(write_only=True)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(sheet_title(name))
        for row in rows:
            cells = []
            for value in row:
                value = str(value) if isinstance(value, Promise) else value
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
                cells.append(cell)
            sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([spreadsheet_safe("" if v is None else v) for v in row])
    return out.getvalue()
