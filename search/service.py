"""The public search: one entry point for the search page, the practice listing's keyword
box, the suggest endpoint and the API. It picks the backend (Elasticsearch when
ELASTICSEARCH_URL is set, else the database) and falls back to the database when
Elasticsearch fails, logging why."""

import logging

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from citynet import facet_cache
from citynet.geography import PROVINCE_CHOICES

from . import spelling, text
from .backends.database import CACHE_NAMESPACE, DatabaseBackend, apply_filters, count_terms
from .limits import SearchTooSlow, time_limited
from .models import SearchEntry, SearchTerm
from .query import FACET_LABELS, FACETS, Facet, FacetValue, Hit, SearchRequest
from .registry import kinds

logger = logging.getLogger(__name__)
MAX_IDS = 2000
__all__ = [
    "SearchTooSlow",
    "count_facets",
    "filter_entries",
    "index_version",
    "keyword_entries",
    "matching_ids",
    "search",
    "suggest",
    "time_limited",
]


def elastic_backend():
    """The Elasticsearch backend when configured, else None."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from .backends.elastic import ElasticBackend

    return ElasticBackend.default()


def search(request: SearchRequest):
    """Results for `request`, from Elasticsearch when configured and answering, else from
    the database backend."""
    elastic = elastic_backend()
    results = None
    if elastic is not None:
        try:
            results = elastic.run(request, build_hits, label_facets)
        except elastic.errors as error:
            logger.warning("Elasticsearch failed (%s); answering from the database", error)
    fallback = elastic is not None and results is None
    with time_limited():
        if results is None:
            results = DatabaseBackend().run(request, build_hits, label_facets)
            results.fallback = fallback
        if not results.total and request.words:
            results.suggestion = spelling.did_you_mean(request.words)
    return results


def suggest(text_, language):
    """Up to eight {title, url, kind} for autocomplete."""
    elastic = elastic_backend()
    entries = None
    if elastic is not None:
        try:
            entries = elastic.suggest(text_, language)
        except elastic.errors as error:
            logger.warning("Elasticsearch suggest failed (%s); using the database", error)
    if entries is None:
        with time_limited():
            entries = list(DatabaseBackend().suggest(text_, language))
    return [{"title": e.title, "url": e.url, "kind": e.kind} for e in entries]


def matching_ids(text_, language=None, kinds_=(), ranked=True):
    """Page ids matching `text_`, at most MAX_IDS: for the API's `?search=`, which filters,
    orders and paginates itself (the practice listing uses `keyword_entries`). Only
    `language`'s pages when given. Best first when `ranked`; else newest first, which
    skips the ranking for a caller that sorts by its own order anyway."""
    filters = {"kind": list(kinds_)} if kinds_ else {}
    request = SearchRequest(text=text_, language=language or "", filters=filters, per_page=MAX_IDS)
    if not request.words:
        return []
    elastic = elastic_backend()
    if elastic is not None:
        try:
            return elastic.matching_ids(request)
        except elastic.errors as error:
            logger.warning("Elasticsearch failed (%s); answering from the database", error)
    base = SearchEntry.objects.all()
    if language:
        base = base.filter(language=language)
    if kinds_:
        base = base.filter(kind__in=kinds_)
    with time_limited():
        matched = DatabaseBackend().matching(base, request.words, ranked=ranked)
        return list(matched.values_list("pk", flat=True)[:MAX_IDS])


def keyword_entries(text_, language, kind):
    """The database index's entries of one kind and language matching every word of
    `text_` (unranked, unordered, no cap): for a listing that filters its pages with
    `pk__in` and counts its facets from the index (`count_facets`), so neither an id list
    nor a join over the page tables is needed. Lazy: evaluate it under `time_limited()`.
    Always the database index, also when Elasticsearch serves the search page: the counts
    and the matches must come from the same place."""
    words = text.query_words(text_)
    if not words:
        return SearchEntry.objects.none()
    base = SearchEntry.objects.filter(language=language, kind=kind)
    return DatabaseBackend().matching(base, words, ranked=False).order_by()


def count_facets(entries, filters, facets):
    """{facet: {value: count}} of these facets over `entries` having, for every facet in
    `filters` ({facet: [values]}), one of its values; grouped in the database."""
    counts = {facet: {} for facet in facets}
    for facet, value, n, _label in count_terms(apply_filters(entries, filters), facets):
        counts[facet][value] = n
    return counts


def filter_entries(entries, filters):
    """`entries` having, for every facet in `filters` ({facet: [values]}), one of its
    values."""
    return apply_filters(entries, filters)


def index_version():
    """Changes whenever the database index does: part of the cache key of counts that come
    from it."""
    return facet_cache.version(CACHE_NAMESPACE)


def build_hits(entries, request, highlights):
    """Hits for entries loaded from the database, in order. `highlights` maps a page id to
    {"title": html, "snippet": html} from a backend that highlights itself (already
    escaped); the others are highlighted here."""
    labels = {key: kind.label for key, kind in kinds().items()}
    hits = []
    for entry in entries:
        marked = highlights.get(entry.pk, {})
        hits.append(
            Hit(
                page_id=entry.pk,
                kind=entry.kind,
                kind_label=labels.get(entry.kind, entry.kind),
                title=marked.get("title") or text.highlight(entry.title, request.text),
                url=entry.url,
                city=entry.city_title,
                date=entry.date,
                snippet=marked.get("snippet")
                or text.snippet(f"{entry.summary} {entry.body}", request.text),
                language=entry.language,
            )
        )
    return hits


def label_facets(counts, request, labels=None):
    """[Facet] with translated labels, values by count, selected values always listed.
    `labels` ({(facet, value): label}) from a backend that counted them; else they are
    read from the stored terms."""
    kind_labels = {key: str(kind.label) for key, kind in kinds().items()}
    provinces = dict(PROVINCE_CHOICES)
    stored = dict(labels or {})
    wanted = [
        (facet, value)
        for facet in ("city", "tag", "dimension")
        for value in {*counts.get(facet, {}), *request.filters.get(facet, [])}
        if (facet, value) not in stored
    ]
    if wanted:
        condition = Q()
        for facet, value in wanted:
            condition |= Q(facet=facet, value=value)
        rows = (
            SearchTerm.objects.filter(condition)
            .values_list("facet", "value", "label")
            .order_by()
            .distinct()
        )
        stored = {(facet, value): label for facet, value, label in rows}
    dimension_labels = _dimension_labels() if counts.get("dimension") else {}
    facets = []
    for name in FACETS:
        values = dict(counts.get(name, {}))
        selected = request.filters.get(name, [])
        for value in selected:
            values.setdefault(value, 0)
        items = []
        for value, count in values.items():
            if name == "kind":
                label = kind_labels.get(value, value)
            elif name == "province":
                label = provinces.get(value, value)
            elif name == "dimension":
                label = dimension_labels.get(value) or stored.get((name, value), value)
            else:
                label = stored.get((name, value), value)
            items.append(FacetValue(value, str(label), count, value in selected))
        if name == "year":
            items.sort(key=lambda v: v.value, reverse=True)
        elif name == "kind":
            order = list(kind_labels)
            items.sort(key=lambda v: order.index(v.value) if v.value in order else 99)
        else:
            items.sort(key=lambda v: (-v.count, v.label))
        facets.append(Facet(name, str(FACET_LABELS[name]), items))
    return facets


def _dimension_labels():
    from citynet.models import Dimension

    return {d.slug: d.label for d in Dimension.objects.all()}


def no_results_tips():
    return [
        _("Check the spelling, or try fewer or more general words."),
        _("Remove a filter: each one narrows the results."),
        _("Search in the other language: practices are written in Indonesian or English."),
    ]
