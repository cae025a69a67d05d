"""Filters, keyword search and sorting for the cross-city practice listing."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from citynet.filters import Facet, FacetedFilter
from citynet.geography import PROVINCE_CHOICES
from citynet.models import CityPage, Dimension, DimensionElement
from citynet.text import clean_search_text
from citynet.visibility import public_pages
from search import service as search_service

from .models import PracticeStatus, SustainableDevelopmentGoal
from .models.practice import YEAR_MAX, YEAR_MIN

SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "title": ("title", "pk"),
    "city": ("city__title", "title", "pk"),
}
SORT_LABELS = [("newest", _("Newest")), ("title", _("Title")), ("city", _("City"))]
MAX_QUERY_LENGTH = 200


class PracticeFilter(FacetedFilter):
    """Facets (city, province, dimension, element, tag, SDG, status), a start-year range,
    a keyword and a sort order, all from the query string."""

    cache_namespace = "practices"

    def __init__(self, data, queryset, locale):
        self.locale = locale
        self.too_slow = False  # the keyword search hit its time limit (search.limits)
        super().__init__(data, queryset)
        self.sort = self._sort()
        self.results = self.results.order_by(*SORTS[self.sort])

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
        self.query = clean_search_text(self.data.get("q", ""), MAX_QUERY_LENGTH)
        if self.query:
            # The public search service (search app), within this locale, so other
            # languages' matches cannot crowd out the cap; ids only, since the listing
            # loads and orders its page of results itself: unranked (newest first, as
            # the listing's default order), which spares the ranking's cost.
            try:
                ids = search_service.matching_ids(
                    self.query, self.locale.language_code, kinds_=["practice"], ranked=False
                )
            except search_service.SearchTooSlow:
                self.too_slow, ids = True, []
            queryset = queryset.filter(pk__in=ids)
        return queryset

    def kept_params(self):
        params = [("q", self.query)] if self.query else []
        params += [(k, getattr(self, k)) for k in ("year_from", "year_to") if getattr(self, k)]
        if self.data.get("sort") in SORTS:
            params.append(("sort", self.data["sort"]))
        return params

    def cache_scope(self):
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
