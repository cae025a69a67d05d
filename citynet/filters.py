"""Filters for the member-cities listing, with counts per value (facets).

Every value arrives from the query string, so anything unknown or malformed is dropped
with a note for the visitor instead of failing: a shared link with a stale filter still
shows a useful page.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from citynet.geography import PROVINCE_CHOICES
from citynet.models.cities import COHORT_CHOICES, CityKind, Membership

MAX_VALUE_LENGTH = 100


@dataclass
class Facet:
    """One filter: its query-string key, label, the allowed values and their counts."""

    key: str
    field: str
    label: str
    choices: list
    coerce: type = str
    selected: object = None
    options: list = field(default_factory=list)
    remove_query: str = ""

    def parse(self, raw):
        """The chosen value, or None; raises ValueError for a value that is not a choice."""
        if raw in (None, ""):
            return None
        value = self.coerce(raw)
        if value not in {choice for choice, _label in self.choices}:
            raise ValueError(raw)
        return value


class CityFilter:
    """Narrows a queryset of CityPages by the query string and counts each facet's values.

    Counts for a facet honour the other facets' selections but not its own, so a visitor
    sees how many cities each alternative would give.
    """

    def __init__(self, data, queryset):
        self.facets = [
            Facet("province", "province", _("Province"), PROVINCE_CHOICES),
            Facet("kind", "kind", _("Kind"), CityKind.choices),
            Facet("cohort", "smart_city_cohort", _("Smart-city cohort"), COHORT_CHOICES, int),
            Facet("membership", "membership", _("Membership"), Membership.choices),
        ]
        self.ignored = []
        for facet in self.facets:
            raw = data.get(facet.key)
            try:
                facet.selected = facet.parse(raw)
            except (TypeError, ValueError):
                self.ignored.append((facet.label, str(raw)[:MAX_VALUE_LENGTH]))
        self.base = queryset
        self.results = self._filtered(queryset)
        for facet in self.facets:
            facet.options = self._options(facet)
            # The current filters minus this one, for its "remove" link.
            facet.remove_query = urlencode(
                [(f.key, f.selected) for f in self.active if f is not facet]
            )

    @property
    def active(self):
        return [facet for facet in self.facets if facet.selected is not None]

    def _filtered(self, queryset, skip=None):
        for facet in self.facets:
            if facet is not skip and facet.selected is not None:
                queryset = queryset.filter(**{facet.field: facet.selected})
        return queryset

    def _options(self, facet):
        rows = (
            self._filtered(self.base, skip=facet)
            .prefetch_related(None)
            .order_by()
            .values_list(facet.field)
            .annotate(n=Count("pk"))
        )
        counts = dict(rows)
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == facet.selected,
            }
            for value, label in facet.choices
        ]
