"""Faceted filtering for public listings: narrow a queryset from the query string and count
each facet's values.

Every value arrives from the query string, so anything unknown or malformed is dropped
with a note for the visitor instead of failing: a shared link with a stale filter still
shows a useful page. Counts for a facet honour the other facets' selections but not its
own, so a visitor sees how many results each alternative would give.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from citynet.facet_cache import cached_counts
from citynet.geography import PROVINCE_CHOICES
from citynet.models.cities import COHORT_CHOICES, CityKind, Membership
from citynet.page_cache import shared_fragment

MAX_VALUE_LENGTH = 100


@dataclass
class Facet:
    """One filter: its query-string key, the lookup it filters on, and its choices.

    `choices` is a list of (value, label) pairs, or a callable returning one (evaluated
    once, for choices that come from the data such as cities or tags). `max_options`
    limits how many options are shown (the most frequent first), never which are valid.
    """

    key: str
    field: str
    label: str
    choices: object
    coerce: type = str
    max_options: int | None = None
    many: bool = False  # a many-to-many lookup: a result may match several values
    selected: object = None
    options: list = field(default_factory=list)
    remove_query: str = ""

    def resolve_choices(self):
        if callable(self.choices):
            self.choices = list(self.choices())
        return self.choices

    def parse(self, raw):
        """The chosen value, or None; raises ValueError for a value that is not a choice."""
        if raw in (None, ""):
            return None
        value = self.coerce(raw)
        if value not in {choice for choice, _label in self.resolve_choices()}:
            raise ValueError(raw)
        return value


class FacetedFilter:
    """Base for a listing's filters. Subclasses define `get_facets()` and may `narrow()` the
    queryset by parameters that are not facets (a keyword, a year range) and list those in
    `kept_params()` so "remove this filter" links keep them.

    With `cache_namespace` set, facet counts are cached (citynet.facet_cache) per
    `cache_scope()` and filter state; the namespace's version must be bumped whenever the
    counted content changes.
    """

    cache_namespace = None
    # Parameters that change the order of results but never their counts.
    order_params = ("sort", "page")

    def __init__(self, data, queryset):
        self.data = data
        self.ignored = []
        self.facets = self.get_facets()
        for facet in self.facets:
            raw = data.get(facet.key)
            try:
                facet.selected = facet.parse(raw)
            except (TypeError, ValueError, OverflowError):
                self.ignore(facet.label, raw)
        self.base = self.narrow(queryset)
        self.results = self._filtered(self.base)
        self.kept = self.kept_params()
        for facet in self.facets:
            facet.options = self._options(facet)
            facet.remove_query = urlencode(
                self.kept + [(f.key, f.selected) for f in self.active if f is not facet]
            )

    def get_facets(self):
        raise NotImplementedError

    def narrow(self, queryset):
        return queryset

    def kept_params(self):
        return []

    def cache_scope(self):
        """What besides the query string decides the base queryset (a locale, an index)."""
        return ""

    def ignore(self, label, raw):
        self.ignored.append((label, str(raw)[:MAX_VALUE_LENGTH]))

    @property
    def active(self):
        return [facet for facet in self.facets if facet.selected is not None]

    def _filtered(self, queryset, skip=None):
        for facet in self.facets:
            if facet is not skip and facet.selected is not None:
                queryset = queryset.filter(**{facet.field: facet.selected})
        return queryset

    def _count(self, facet):
        rows = (
            self._filtered(self.base, skip=facet)
            .prefetch_related(None)
            .order_by()
            .values_list(facet.field)
            .annotate(n=Count("pk", distinct=facet.many))
        )
        return {value: n for value, n in rows if value is not None}

    def _counts(self, facet):
        others = sorted((f.key, str(f.selected)) for f in self.active if f is not facet)
        narrowing = sorted((k, str(v)) for k, v in self.kept if k not in self.order_params)
        if not self.cache_namespace:
            # Kept until the next publish anywhere (the page cache's generation); the base
            # query's SQL stands for its scope (language, index, time window).
            try:
                scope = str(self.base.query)
            except EmptyResultSet:  # a narrowing that matches nothing (an impossible year)
                scope = "nothing"
            state = repr((scope, facet.key, others, narrowing))
            return shared_fragment(
                f"facet-counts:{type(self).__name__}", state, lambda: self._count(facet)
            )
        state = repr((self.cache_scope(), facet.key, others, narrowing))
        return cached_counts(self.cache_namespace, state, lambda: self._count(facet))

    def _options(self, facet):
        counts = self._counts(facet)
        options = [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == facet.selected,
            }
            for value, label in facet.resolve_choices()
        ]
        if facet.max_options:
            shown = sorted(options, key=lambda o: (not o["selected"], -o["count"]))
            options = [o for o in shown[: facet.max_options] if o["count"] or o["selected"]]
        return options


class CityFilter(FacetedFilter):
    """The member-cities listing: province, kind, smart-city cohort and membership."""

    cache_namespace = "cities"

    def __init__(self, data, queryset, scope=""):
        self.scope = scope
        super().__init__(data, queryset)

    def cache_scope(self):
        return self.scope

    def get_facets(self):
        return [
            Facet("province", "province", _("Province"), PROVINCE_CHOICES),
            Facet("kind", "kind", _("Kind"), CityKind.choices),
            Facet("cohort", "smart_city_cohort", _("Smart-city cohort"), COHORT_CHOICES, int),
            Facet("membership", "membership", _("Membership"), Membership.choices),
        ]
