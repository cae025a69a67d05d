"""Filters, keyword search and sorting for the cross-city practice listing.

With a keyword, the listing asks the search index (search.service.keyword_entries) which
practices match and counts its facets from the index's facet values of those entries
(each practice's entry carries its city, province, dimension, elements, tags, SDGs and
status): one grouped query over the matched rows instead of one join over the page
tables per facet. All of it, and the page of results, runs under the search's time limit.
"""

from contextlib import nullcontext

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from citynet.filters import Facet, FacetedFilter
from citynet.geography import PROVINCE_CHOICES
from citynet.models import CityPage, Dimension, DimensionElement
from citynet.text import clean_search_text
from citynet.visibility import public_pages
from search import service as search_service

from .models import PracticeStatus, SustainableDevelopmentGoal
from .models.choices import YEAR_MAX, YEAR_MIN

SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "title": ("title", "pk"),
    "city": ("city__title", "title", "pk"),
}
# The same orders over the search index's entries (their date, title and city title are
# the practice's first publication, title and city title).
INDEX_SORTS = {
    "newest": ("-date", "-pk"),
    "title": ("title", "pk"),
    "city": ("city_title", "title", "pk"),
}
SORT_LABELS = [("newest", _("Newest")), ("title", _("Title")), ("city", _("City"))]
MAX_QUERY_LENGTH = 200


class CountedPaginator(Paginator):
    """A paginator told its count (the index has counted already)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class PracticeFilter(FacetedFilter):
    """Facets (city, province, dimension, element, tag, SDG, status), a start-year range,
    a keyword and a sort order, all from the query string."""

    cache_namespace = "practices"

    def __init__(self, data, queryset, locale):
        self.locale = locale
        self.too_slow = False  # the keyword search hit its time limit (search.limits)
        self.query = clean_search_text(data.get("q", ""), MAX_QUERY_LENGTH)
        self._index_counts = {}
        self._keyword_entries = None
        try:
            with self.time_limit():
                super().__init__(data, queryset)
        except search_service.SearchTooSlow:
            self.too_slow = True
            super().__init__(data, queryset.none())
        self.sort = self._sort()
        self.results = self.results.order_by(*SORTS[self.sort])

    def time_limit(self):
        """The search's time limit around work that depends on the keyword."""
        keyword = self.query and not self.too_slow
        return search_service.time_limited() if keyword else nullcontext()

    def page(self, number, per_page):
        """The page of results asked for, evaluated (under the time limit with a keyword;
        when that is hit, an empty page and `too_slow`)."""
        try:
            with self.time_limit():
                if self.query and not self.too_slow:
                    return self._page_from_index(number, per_page)
                page_obj = Paginator(self.results, per_page).get_page(number)
                page_obj.object_list = list(page_obj.object_list)
        except search_service.SearchTooSlow:
            self.too_slow = True
            page_obj = Paginator(self.results.none(), per_page).get_page(1)
        return page_obj

    def _page_from_index(self, number, per_page):
        """With a keyword, the index counts, orders and pages the matches; only the page's
        practices are loaded, by id, from the filtered results (so a page the index has
        not caught up with yet is left out rather than shown)."""
        entries = search_service.filter_entries(
            self.keyword_entries(), self._index_filters(self.active)
        )
        ids = entries.order_by(*INDEX_SORTS[self.sort]).values_list("pk", flat=True)
        page_obj = CountedPaginator(ids, per_page, self._index_total()).get_page(number)
        wanted = list(page_obj.object_list)
        found = self.results.filter(pk__in=wanted).in_bulk()
        page_obj.object_list = [found[pk] for pk in wanted if pk in found]
        return page_obj

    def _index_total(self):
        """How many practices match, from the status counts already made (every practice
        has exactly one status): no counting query of its own."""
        status = next(f for f in self.facets if f.key == "status")
        counts = self._counts(status)
        if status.selected is None:
            return sum(counts.values())
        return counts.get(status.selected, 0)

    def get_facets(self):
        locale = self.locale
        return [
            Facet(
                "city",
                "city__slug",
                _("City"),
                lambda: (
                    public_pages(CityPage.objects.filter(locale=locale))
                    .order_by("title")
                    .values_list("slug", "title")
                ),
            ),
            Facet("province", "city__province", _("Province"), PROVINCE_CHOICES),
            Facet(
                "dimension",
                "dimension__slug",
                _("Dimension"),
                lambda: [(d.slug, d.label) for d in Dimension.objects.all()],
            ),
            Facet(
                "element",
                "elements__slug",
                _("Element"),
                lambda: [
                    (e.slug, e.label)
                    for e in DimensionElement.objects.order_by(
                        "dimension__sort_order", "sort_order"
                    )
                ],
                many=True,
            ),
            Facet(
                "tag",
                "tags__slug",
                _("Tag"),
                # Any tag is a valid choice; only tags with results are shown.
                lambda: Tag.objects.order_by("name").values_list("slug", "name"),
                max_options=25,
                many=True,
            ),
            Facet(
                "sdg",
                "sdgs__number",
                _("Sustainable Development Goal"),
                lambda: [(g.number, str(g)) for g in SustainableDevelopmentGoal.objects.all()],
                int,
                many=True,
            ),
            Facet("status", "status", _("Status"), PracticeStatus.choices),
        ]

    def narrow(self, queryset):
        self.year_from = self._year("year_from", _("Started from"))
        self.year_to = self._year("year_to", _("Started until"))
        if self.year_from is not None:
            queryset = queryset.filter(start_year__gte=self.year_from)
        if self.year_to is not None:
            queryset = queryset.filter(start_year__lte=self.year_to)
        if self.query and not self.too_slow:
            queryset = queryset.filter(pk__in=self.keyword_entries().values("pk"))
        return queryset

    def keyword_entries(self):
        """The index's practices matching the keyword (built once: it parses the query)."""
        if self._keyword_entries is None:
            self._keyword_entries = search_service.keyword_entries(
                self.query, self.locale.language_code, kind="practice"
            )
        return self._keyword_entries

    def _count(self, facet):
        if not self.query:
            return super()._count(facet)
        if self.too_slow:
            return {}
        # Facets without a selection share the same filters (every selection): counted
        # together, once; a selected facet is counted without its own selection.
        others = [f for f in self.active if f is not facet]
        key = tuple(f.key for f in others)
        if key not in self._index_counts:
            wanted = [facet.key] if facet.selected is not None else self._unselected()
            self._index_counts[key] = search_service.count_facets(
                self.keyword_entries(), self._index_filters(others), wanted
            )
        counts = self._index_counts[key].get(facet.key, {})
        return {facet.coerce(value): n for value, n in counts.items()}

    def _index_filters(self, facets):
        """These facets' selections and the year range, as the index's filters."""
        filters = {f.key: [str(f.selected)] for f in facets}
        if self.year_from is not None or self.year_to is not None:
            low = self.year_from if self.year_from is not None else YEAR_MIN
            high = self.year_to if self.year_to is not None else YEAR_MAX
            filters["year"] = [str(year) for year in range(low, high + 1)]
        return filters

    def _unselected(self):
        return [f.key for f in self.facets if f.selected is None]

    def kept_params(self):
        params = [("q", self.query)] if self.query else []
        params += [(k, getattr(self, k)) for k in ("year_from", "year_to") if getattr(self, k)]
        if self.data.get("sort") in SORTS:
            params.append(("sort", self.data["sort"]))
        return params

    def cache_scope(self):
        # Keyword counts come from the search index, which the worker writes after the
        # publish that bumped the listing's own version: its version is part of the key.
        if self.query:
            return (self.locale.pk, search_service.index_version())
        return self.locale.pk

    @property
    def is_filtered(self):
        return bool(self.active or self.query or self.year_from or self.year_to)

    def _year(self, key, label):
        raw = self.data.get(key)
        if raw in (None, ""):
            return None
        try:
            year = int(raw)
        except (TypeError, ValueError):
            year = None
        if year is None or not YEAR_MIN <= year <= YEAR_MAX:
            self.ignore(label, raw)
            return None
        return year

    def _sort(self):
        raw = self.data.get("sort")
        if raw in (None, ""):
            return "newest"
        if raw not in SORTS:
            self.ignore(_("Sort"), raw)
            return "newest"
        return raw
