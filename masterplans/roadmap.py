"""The roadmap and budget tables, computed from a plan's programmes.

Pure functions over the programme list (database rows or a preview's in-memory objects),
laid out here so the templates only draw: the SVG needs coordinates, the tables need sums.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from practices.models import FundingSource

# SVG geometry, in px of the drawing's own coordinate system (it scales to the page).
LABEL_WIDTH = 300
YEAR_WIDTH = 44
ROW_HEIGHT = 22
GROUP_HEIGHT = 26
AXIS_HEIGHT = 28
BAR_INSET = 4


@dataclass
class Bar:
    programme: object
    x: int
    y: int
    width: int
    text_y: int


@dataclass
class Group:
    dimension: object
    y: int
    bars: list = field(default_factory=list)


@dataclass
class Roadmap:
    years: list
    groups: list
    width: int
    height: int
    year_ticks: list  # (year, x of the column's centre)
    label_width: int = LABEL_WIDTH
    bar_height: int = ROW_HEIGHT - 2 * BAR_INSET

    @property
    def empty(self):
        return not self.groups


def by_dimension(programmes):
    """Programmes grouped under their dimension, dimensions in the taxonomy's order."""
    groups = defaultdict(list)
    for programme in programmes:
        groups[programme.dimension].append(programme)
    return sorted(groups.items(), key=lambda item: (item[0].sort_order, item[0].name_en))


def build_roadmap(plan, programmes):
    years = plan.years
    first = years[0] if years else 0
    groups, y = [], AXIS_HEIGHT
    for dimension, members in by_dimension(programmes):
        group = Group(dimension, y)
        y += GROUP_HEIGHT
        for programme in sorted(members, key=lambda p: (p.start_year, p.end_year, p.title)):
            start = max(programme.start_year, first)
            end = min(programme.end_year, years[-1]) if years else programme.end_year
            group.bars.append(
                Bar(
                    programme,
                    x=LABEL_WIDTH + (start - first) * YEAR_WIDTH,
                    y=y + BAR_INSET,
                    width=max(end - start + 1, 1) * YEAR_WIDTH,
                    text_y=y + ROW_HEIGHT - 7,
                )
            )
            y += ROW_HEIGHT
        groups.append(group)
    ticks = [(year, LABEL_WIDTH + i * YEAR_WIDTH + YEAR_WIDTH // 2) for i, year in enumerate(years)]
    return Roadmap(years, groups, LABEL_WIDTH + len(years) * YEAR_WIDTH, y + 4, ticks)


@dataclass
class BudgetRow:
    label: str
    amounts: list  # one per year
    total: Decimal


@dataclass
class SourceRow:
    label: str
    total: Decimal
    share: float  # percent of the plan's total


@dataclass
class Budget:
    years: list
    by_dimension: list
    year_totals: list
    by_source: list
    total: Decimal

    @property
    def empty(self):
        return not self.total


def build_budget(plan, programmes):
    years = plan.years
    index = {year: i for i, year in enumerate(years)}
    per_dimension = {}
    per_source = defaultdict(Decimal)
    year_totals = [Decimal(0)] * len(years)
    for dimension, members in by_dimension(programmes):
        amounts = [Decimal(0)] * len(years)
        for programme in members:
            for line in programme.budget_lines.all():
                amount = line.amount or Decimal(0)
                if line.year in index:
                    amounts[index[line.year]] += amount
                    year_totals[index[line.year]] += amount
                per_source[line.funding_source] += amount
        per_dimension[dimension] = amounts
    total = sum(per_source.values(), Decimal(0))
    labels = dict(FundingSource.choices)
    sources = [
        SourceRow(
            str(labels.get(source, source)),
            amount,
            float(amount * 100 / total) if total else 0.0,
        )
        for source, amount in sorted(per_source.items(), key=lambda item: -item[1])
    ]
    rows = [
        BudgetRow(dimension.label, amounts, sum(amounts, Decimal(0)))
        for dimension, amounts in per_dimension.items()
    ]
    return Budget(years, rows, year_totals, sources, total)
