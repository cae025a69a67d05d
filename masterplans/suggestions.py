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
    BooleanField,
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
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
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


def cohort_shares():
    """_shares() of every published plan (the cohort)."""
    return _shares(public_pages(MasterPlanPage.objects.all()).values("pk"))


def cohort_medians(dimensions, shares=None):
    """Median budget share (0-100) of each dimension across published plans with budget."""
    shares = cohort_shares() if shares is None else shares
    medians = {}
    for dimension in dimensions:
        values = []
        for by_dimension in shares.values():
            total = sum((b for _n, b in by_dimension.values()), Decimal(0))
            if total:
                values.append(_percent(by_dimension.get(dimension.pk, (0, 0))[1], total))
        medians[dimension.pk] = Decimal(median(values)) if values else Decimal(0)
    return medians


def delayed_dimensions(plan, reports=None):
    """Dimensions with a delayed programme in the plan's latest published report
    (`reports`: the plan's published reports, oldest first, when already loaded)."""
    from .progress import published_reports

    if reports is None:
        latest = published_reports(plan).order_by("-year").first()
    else:
        latest = reports[-1] if reports else None
    if latest is None:
        return set()
    return set(
        ProgrammeProgress.objects.filter(report=latest, status=ProgrammeStatus.DELAYED)
        .exclude(programme=None)
        .values_list("programme__dimension_id", flat=True)
    )


def needs(plan, reports=None):
    """The dimensions where `plan` (a saved plan: its published programmes) is thin or
    behind, each with the reasons."""
    dimensions = list(Dimension.objects.order_by("sort_order"))
    shares = cohort_shares()
    own = shares[plan.pk] if plan.pk in shares else _shares([plan.pk]).get(plan.pk, {})
    total = sum((b for _n, b in own.values()), Decimal(0))
    medians = cohort_medians(dimensions, shares)
    delayed = delayed_dimensions(plan, reports)
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
    # The plan page has loaded its programmes already (MasterPlanPage.programme_list).
    rows = [(p.dimension_id, p.title, p.description) for p in plan.programme_list]
    for dimension_id, title, description in rows:
        for word in text.query_words(f"{title} {description}"):
            if word not in words[dimension_id]:
                words[dimension_id].append(word)
    return words


def _words_for(plan, dimension, words=None):
    from search import text

    found = (words if words is not None else plan_words(plan)).get(dimension.pk)
    return (found or text.query_words(f"{dimension.name_en} {dimension.name_id}"))[:MAX_WORDS]


def _stems(words):
    from search import text

    return sorted({stem for word in words for stem in text.stems(word)})


def _tsquery(stems):
    """SQL for "any of these stems" and its parameters. Only placeholders are joined into
    the SQL; the stems are parameters."""
    return " || ".join(["plainto_tsquery('simple', %s)"] * len(stems)), stems


def _closeness(words):
    """The search index's rank of a practice against any stem of any of `words`."""
    from search.models import SearchEntry

    stems = _stems(words)
    if connection.vendor != "postgresql" or not stems:
        return Value(0.0, output_field=FloatField())
    query, params = _tsquery(stems)
    rank = RawSQL(f"ts_rank(search_vector, ({query}))", params, output_field=FloatField())  # noqa: S611
    return Subquery(
        SearchEntry.objects.filter(page_id=OuterRef("pk")).annotate(rank=rank).values("rank")[:1],
        output_field=FloatField(),
    )


def _matching_entries(words):
    """Ids of the practices whose index entry has any stem of `words` (the GIN index
    answers this without reading every practice), or None where ranking is not possible."""
    from search.models import SearchEntry

    stems = _stems(words)
    if connection.vendor != "postgresql" or not stems:
        return None
    query, params = _tsquery(stems)
    match = RawSQL(f"search_vector @@ ({query})", params, output_field=BooleanField())  # noqa: S611
    return SearchEntry.objects.filter(kind="practice").filter(match).values("page_id")


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


def _candidates(plan):
    """Other cities' published practices in the plan's language."""
    candidates = public_pages(PracticePage.objects.all()).filter(locale_id=plan.locale_id)
    if plan.city is not None:
        candidates = candidates.exclude(city__translation_key=plan.city.translation_key)
    return candidates


def suggest(plan, dimension, limit=SUGGESTIONS_PER_DIMENSION, words=None):
    """Other cities' published practices in `dimension`, closest and likest first."""
    return suggest_many(plan, [dimension], limit, words).get(dimension.pk, [])


def _best_per_dimension(queryset, closeness, likeness, limit):
    order = [F("closeness").desc(nulls_last=True), F("likeness").desc(), "title", "pk"]
    return (
        queryset.annotate(closeness=closeness, likeness=likeness)
        .annotate(place=Window(RowNumber(), partition_by=[F("dimension_id")], order_by=order))
        .filter(place__lte=limit)
        .select_related("city")
        .order_by("dimension_id", "place")
    )


def suggest_many(plan, dimensions, limit=SUGGESTIONS_PER_DIMENSION, words=None):
    """{dimension pk: practices} for several dimensions in two queries, whatever their
    number: first the practices sharing words with the plan's programmes in their
    dimension, ranked (only those get a rank computed: the index finds them); then, where a
    dimension has fewer than `limit`, the likest cities' other practices."""
    if not dimensions:
        return {}
    words = plan_words(plan) if words is None else words
    per_dimension = {d.pk: _words_for(plan, d, words) for d in dimensions}
    candidates = _candidates(plan).filter(dimension__in=list(per_dimension))
    likeness = _likeness(plan.city)
    out = defaultdict(list)
    matching = _matching_entries([w for ws in per_dimension.values() for w in ws])
    if matching is not None:
        closeness = Case(
            *[When(dimension_id=pk, then=_closeness(ws)) for pk, ws in per_dimension.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
        close = candidates.filter(pk__in=matching)
        for practice in _best_per_dimension(close, closeness, likeness, limit):
            if practice.closeness:
                out[practice.dimension_id].append(practice)
    short = [pk for pk in per_dimension if len(out[pk]) < limit]
    if short:
        taken = [p.pk for ps in out.values() for p in ps]
        rest = candidates.filter(dimension__in=short).exclude(pk__in=taken)
        zero = Value(0.0, output_field=FloatField())
        for practice in _best_per_dimension(rest, zero, likeness, limit):
            if len(out[practice.dimension_id]) < limit:
                out[practice.dimension_id].append(practice)
    return out


def suggestions(plan, limit=SUGGESTIONS_PER_DIMENSION, reports=None):
    """needs(plan), each with its suggested practices; dimensions without any are left out."""
    found = needs(plan, reports)
    practices = suggest_many(plan, [need.dimension for need in found], limit)
    for need in found:
        need.practices = practices.get(need.dimension.pk, [])
    return [need for need in found if need.practices]
