"""The one request shape and the one result shape every search backend speaks."""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from citynet.text import clean_search_text

from . import text

PER_PAGE = 10
MAX_PAGE = 100  # deeper pages are refused: nobody reads them, crawlers and attackers do
FACETS = ("kind", "city", "province", "dimension", "tag", "year")
FACET_LABELS = {
    "kind": _("Kind"),
    "city": _("City"),
    "province": _("Province"),
    "dimension": _("Dimension"),
    "tag": _("Tag"),
    "year": _("Year"),
}
SORTS = {"relevance": _("Relevance"), "date": _("Newest first")}
MAX_FILTER_VALUE = 100


@dataclass
class SearchRequest:
    """What a visitor asked for. Build it with `from_params` from a query string; values
    it cannot use are dropped and listed in `ignored` rather than raising."""

    text: str = ""
    language: str = "en"
    filters: dict = field(default_factory=dict)  # facet -> [values]; "kind" among them
    page: int = 1
    sort: str = "relevance"
    per_page: int = PER_PAGE
    ignored: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params, language, known_kinds=()):
        ignored = []
        text_ = clean_search_text(params.get("q", ""), text.MAX_QUERY_LENGTH)
        filters = {}
        for facet in FACETS:
            values = []
            for raw in params.getlist(facet) if hasattr(params, "getlist") else []:
                value = clean_search_text(raw, MAX_FILTER_VALUE + 1)
                if not value:
                    continue
                if len(value) > MAX_FILTER_VALUE or (
                    facet == "kind" and known_kinds and value not in known_kinds
                ):
                    ignored.append((facet, raw[:MAX_FILTER_VALUE]))
                    continue
                if facet == "year" and not (value.isdigit() and len(value) == 4):
                    ignored.append((facet, raw[:MAX_FILTER_VALUE]))
                    continue
                if value not in values:
                    values.append(value)
            if values:
                filters[facet] = values[:10]
        sort = params.get("sort") or "relevance"
        if sort not in SORTS:
            ignored.append(("sort", sort[:MAX_FILTER_VALUE]))
            sort = "relevance"
        try:
            page = int(params.get("page") or 1)
        except (TypeError, ValueError):
            page = 1
        page = min(max(page, 1), MAX_PAGE)
        return cls(
            text=text_, language=language, filters=filters, page=page, sort=sort, ignored=ignored
        )

    @property
    def words(self):
        return text.query_words(self.text)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def without(self, facet):
        """The filters minus one facet's: what that facet's counts are computed against."""
        return {f: v for f, v in self.filters.items() if f != facet}


@dataclass
class Hit:
    page_id: int
    kind: str
    kind_label: str
    title: str  # highlighted, escaped (SafeString)
    url: str
    city: str
    date: object
    snippet: str  # highlighted, escaped (SafeString)
    language: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list

    # The names citynet/includes/facet_select.html reads.
    @property
    def key(self):
        return self.name

    @property
    def options(self):
        return self.values


@dataclass
class SearchResults:
    request: SearchRequest
    total: int
    hits: list
    facets: list  # [Facet], in FACETS order
    backend: str  # "database" or "elasticsearch"
    suggestion: str = ""  # did you mean
    fallback: bool = False  # Elasticsearch failed and the database answered

    @property
    def num_pages(self):
        return min(MAX_PAGE, max(1, math.ceil(self.total / self.request.per_page)))

    def facet(self, name):
        return next((f for f in self.facets if f.name == name), None)
