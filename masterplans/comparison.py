"""Where peers invest: programmes, quick wins and budget per plan and dimension.

Counted in one query over the programme rows, which for a published plan are its live
version (drafts live in revisions), with budgets kept as a per-programme total.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from citynet.models import Dimension


@dataclass
class Cell:
    programmes: int = 0
    quick_wins: int = 0
    budget: Decimal = Decimal(0)


@dataclass
class Row:
    plan: object
    cells: list = field(default_factory=list)
    total: Cell = field(default_factory=Cell)


@dataclass
class Comparison:
    dimensions: list
    rows: list


def compare(plans):
    from .models import Programme

    dimensions = list(Dimension.objects.order_by("sort_order", "name_en"))
    if not plans:
        return Comparison(dimensions, [])
    figures = {
        (r["plan_id"], r["dimension_id"]): Cell(r["n"], r["quick"], r["budget"] or Decimal(0))
        for r in Programme.objects.filter(plan_id__in=[p.pk for p in plans])
        .values("plan_id", "dimension_id")
        .annotate(
            n=Count("pk"), quick=Count("pk", filter=Q(quick_win=True)), budget=Sum("total_budget")
        )
        .order_by()
    }
    rows = []
    for plan in plans:
        row = Row(plan)
        for dimension in dimensions:
            cell = figures.get((plan.pk, dimension.pk), Cell())
            row.cells.append(cell)
            row.total.programmes += cell.programmes
            row.total.quick_wins += cell.quick_wins
            row.total.budget += cell.budget
        rows.append(row)
    return Comparison(dimensions, rows)
