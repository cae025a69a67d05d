"""Peer suggestions: where a plan is thin or behind, published practices of other cities
in that dimension, closest to the plan's own programmes first.

A dimension is *thin* when the plan has fewer than THIN_PROGRAMMES programmes in it, or
its share of the plan's budget is below half the median share across all published plans
(the cohort); it is *behind* when its latest published progress report has a programme
delayed. Candidates are other cities' published practices in the plan's language and the
dimension. Closeness is the search index's own rank (the stems the public search stores
for each practice, PostgreSQL `ts_rank`) against the words of the plan's programmes in
that dimension; cities like the plan's (same province, same smart-city cohort, same kind)
come first among equally close ones. On SQLite (the demo) only the likeness orders them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from citynet.models import Dimension
from citynet.visibility import public_pages
from practices.models import PracticePage

from .models import MasterPlanPage, Programme, ProgrammeProgress, ProgrammeStatus

THIN_PROGRAMMES = 2
BELOW_MEDIAN = Decimal("0.5")
SUGGESTIONS_PER_DIMENSION = 3
MAX_WORDS = 30


@dataclass
class DimensionNeed:
    dimension: object
    programmes: int
    share: Decimal  # of the plan's budget, 0-100
    cohort_median: Decimal
    reasons: list = field(default_factory=list)
    practices: list = field(default_factory=list)


def _shares(plan_ids):
    """{plan id: {dimension id: (programmes, budget)}} in one grouped query."""
    out = defaultdict(dict)
    rows = (
        Programme.objects.filter(plan__in=plan_ids)
        .values("plan_id", "dimension_id")
        .order_by()
        .annotate(n=Count("pk"), budget=Sum("total_budget"))
    )
    for row in rows:
        out[row["plan_id"]][row["dimension_id"]] = (row["n"], row["budget"] or Decimal(0))
    return out


def _percent(part, whole):
    return (Decimal(part) / whole * 100).quantize(Decimal("0.1")) if whole else Decimal(0)


def cohort_medians(dimensions):
    """Median budget share (0-100) of each dimension across published plans with budget."""
    plans = public_pages(MasterPlanPage.objects.all()).values("pk")
    shares = _shares(plans)
    medians = {}
    for dimension in dimensions:
        values = []
        for by_dimension in shares.values():
            total = sum((b for _n, b in by_dimension.values()), Decimal(0))
            if total:
                values.append(_percent(by_dimension.get(dimension.pk, (0, 0))[1], total))
        medians[dimension.pk] = Decimal(median(values)) if values else Decimal(0)
    return medians


def delayed_dimensions(plan):
    """Dimensions with a delayed programme in the plan's latest published report."""
    from .progress import published_reports

    latest = published_reports(plan).order_by("-year").first()
    if latest is None:
        return set()
    return set(
        ProgrammeProgress.objects.filter(report=latest, status=ProgrammeStatus.DELAYED)
        .exclude(programme=None)
        .values_list("programme__dimension_id", flat=True)
    )


def needs(plan):
    """The dimensions where `plan` (a saved plan: its published programmes) is thin or
    behind, each with the reasons."""
    dimensions = list(Dimension.objects.order_by("sort_order"))
    own = _shares([plan.pk]).get(plan.pk, {})
    total = sum((b for _n, b in own.values()), Decimal(0))
    medians = cohort_medians(dimensions)
    delayed = delayed_dimensions(plan)
    result = []
    for dimension in dimensions:
        count, budget = own.get(dimension.pk, (0, Decimal(0)))
        need = DimensionNeed(dimension, count, _percent(budget, total), medians[dimension.pk])
        if count < THIN_PROGRAMMES:
            need.reasons.append(_("few programmes"))
        elif need.cohort_median and need.share < need.cohort_median * BELOW_MEDIAN:
            need.reasons.append(_("budget share well below the cohort's median"))
        if dimension.pk in delayed:
            need.reasons.append(_("behind its targets"))
        if need.reasons:
            result.append(need)
    return result


def plan_words(plan):
    """{dimension id: the words of the plan's programmes in it}, in one query."""
    from search import text

    words = defaultdict(list)
    rows = plan.programmes.order_by("sort_order", "pk").values_list(
        "dimension_id", "title", "description"
    )
    for dimension_id, title, description in rows:
        for word in text.query_words(f"{title} {description}"):
            if word not in words[dimension_id]:
                words[dimension_id].append(word)
    return words


def _words_for(plan, dimension, words=None):
    from search import text

    found = (words if words is not None else plan_words(plan)).get(dimension.pk)
    return (found or text.query_words(f"{dimension.name_en} {dimension.name_id}"))[:MAX_WORDS]


def _closeness(words):
    """The search index's rank of a practice against any stem of any of `words`."""
    from search import text
    from search.models import SearchEntry

    stems = sorted({stem for word in words for stem in text.stems(word)})
    if connection.vendor != "postgresql" or not stems:
        return Value(0.0, output_field=FloatField())
    # Only placeholders are joined into the SQL; the stems are parameters.
    query = " || ".join(["plainto_tsquery('simple', %s)"] * len(stems))
    rank = RawSQL(f"ts_rank(search_vector, ({query}))", stems, output_field=FloatField())  # noqa: S611
    return Subquery(
        SearchEntry.objects.filter(page_id=OuterRef("pk")).annotate(rank=rank).values("rank")[:1],
        output_field=FloatField(),
    )


def _likeness(city):
    if city is None:
        return Value(0, output_field=IntegerField())
    parts = [
        Case(When(city__province=city.province, then=2), default=0),
        Case(When(city__smart_city_cohort=city.smart_city_cohort, then=1), default=0),
        Case(When(city__kind=city.kind, then=1), default=0),
    ]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def suggest(plan, dimension, limit=SUGGESTIONS_PER_DIMENSION, words=None):
    """Other cities' published practices in `dimension`, closest and likest first (one
    query; `words` from plan_words() saves another)."""
    city = plan.city
    candidates = public_pages(PracticePage.objects.filter(dimension=dimension)).filter(
        locale_id=plan.locale_id
    )
    if city is not None:
        candidates = candidates.exclude(city__translation_key=city.translation_key)
    return list(
        candidates.annotate(
            closeness=_closeness(_words_for(plan, dimension, words)),
            likeness=_likeness(city),
        )
        .select_related("city")
        .order_by(F("closeness").desc(nulls_last=True), "-likeness", "title", "pk")[:limit]
    )


def suggestions(plan, limit=SUGGESTIONS_PER_DIMENSION):
    """needs(plan), each with its suggested practices; dimensions without any are left out."""
    out = []
    found = needs(plan)
    words = plan_words(plan) if found else {}
    for need in found:
        need.practices = suggest(plan, need.dimension, limit, words)
        if need.practices:
            out.append(need)
    return out
