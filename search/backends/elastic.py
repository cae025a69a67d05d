"""The Elasticsearch backend (elasticsearch-dsl, Elasticsearch 8), on when ELASTICSEARCH_URL
is set.

Documents are the database's `SearchEntry` rows with explicit mappings: title, summary and
body analysed three ways (standard, Indonesian, English), an edge-ngram subfield of the
title for autocomplete, keyword fields for facets. Queries, aggregations and highlighting
happen in Elasticsearch; hits load back from the database, so a stale document never
shows a page that is gone. The index sits behind an alias: a rebuild fills a new index and
swaps the alias in one atomic call, so searches never see a half-built index.
"""

from datetime import UTC, datetime
from functools import cache

import elastic_transport
import elasticsearch
from django.conf import settings
from django.utils.safestring import mark_safe
from elasticsearch.helpers import BulkIndexError, bulk
from elasticsearch_dsl import (
    A,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from ..models import SearchEntry
from ..query import FACETS, SearchResults

ERRORS = (elastic_transport.TransportError, elasticsearch.ApiError, BulkIndexError)
MAX_IDS = 2000
FACET_SIZE = 50
OWN_LANGUAGE_WEIGHT = 1000  # own-language hits rank before any other-language hit

autocomplete = analyzer(
    "citynet_autocomplete",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("citynet_edge_ngram", "edge_ngram", min_gram=2, max_gram=20),
    ],
)
autocomplete_search = analyzer(
    "citynet_autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"]
)


def analysed_text(**extra_fields):
    """Text searched as written, and stemmed as Indonesian and as English."""
    return Text(
        analyzer="standard",
        fields={
            "id": Text(analyzer="indonesian"),
            "en": Text(analyzer="english"),
            **extra_fields,
        },
    )


class PageDocument(Document):
    """One live, public page of a searchable kind, as the search holds it."""

    page_id = Integer()
    kind = Keyword()
    language = Keyword()
    title = analysed_text(
        autocomplete=Text(analyzer=autocomplete, search_analyzer=autocomplete_search)
    )
    summary = analysed_text()
    body = analysed_text()
    url = Keyword(index=False)
    city = Keyword()
    city_title = Keyword()
    province = Keyword()
    dimension = Keyword(multi=True)
    tag = Keyword(multi=True)
    year = Keyword()
    date = Date()

    @classmethod
    def prepare(cls, entry):
        """The document for a `SearchEntry` (its terms prefetched or fetched)."""
        facets = {facet: [] for facet in FACETS}
        for term in entry.terms.all():
            facets[term.facet].append(term.value)
        return cls(
            meta={"id": entry.pk},
            page_id=entry.pk,
            kind=entry.kind,
            language=entry.language,
            title=entry.title,
            summary=entry.summary,
            body=entry.body,
            url=entry.url,
            city=facets["city"][0] if facets["city"] else None,
            city_title=entry.city_title or None,
            province=facets["province"][0] if facets["province"] else None,
            dimension=facets["dimension"],
            tag=facets["tag"],
            year=facets["year"][0] if facets["year"] else None,
            date=entry.date,
        )


TITLE_FIELDS = ["title^4", "title.id^4", "title.en^4"]
TEXT_FIELDS = ["summary^2", "summary.id^2", "summary.en^2", "body", "body.id", "body.en"]
HIGHLIGHT_FIELDS = ["title", "title.id", "title.en", "summary", "summary.id", "summary.en"]
HIGHLIGHT_FIELDS += ["body", "body.id", "body.en"]


def alias_name():
    """`<prefix>-pages`: the prefix keeps environments sharing a cluster apart."""
    return f"{settings.SEARCH_INDEX_PREFIX}-pages"


def new_index_name(now=None):
    return f"{alias_name()}-{(now or datetime.now(UTC)).strftime('%Y%m%d%H%M%S%f')}"


def make_index(name):
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=settings.SEARCH_INDEX_REPLICAS)
    index.document(PageDocument)
    return index


def term_filters(filters):
    return [Q("terms", **{facet: values}) for facet, values in filters.items()]


class ElasticBackend:
    name = "elasticsearch"
    errors = ERRORS

    def __init__(self, client):
        self.client = client

    @classmethod
    def default(cls):
        return cls(_client(settings.ELASTICSEARCH_URL))

    # Queries -------------------------------------------------------------------------

    def text_query(self, words):
        """Every word must match in some field, with typo tolerance; titles weigh most."""
        if not words:
            return Q("match_all")
        return Q(
            "bool",
            must=[
                Q(
                    "multi_match",
                    query=word,
                    fields=TITLE_FIELDS + TEXT_FIELDS,
                    fuzziness="AUTO",
                    prefix_length=1,
                )
                for word in words
            ],
        )

    def ranked(self, query, language, by_score=True):
        """Own language first, then relevance (or, without `by_score`, equal scores for a
        sort by date)."""
        if not by_score:
            query = Q("constant_score", filter=query)
        return Q(
            "function_score",
            query=query,
            functions=[{"filter": {"term": {"language": language}}, "weight": OWN_LANGUAGE_WEIGHT}],
            boost_mode="sum",
        )

    def build(self, request):
        """The Search for a request: filters as post_filter so each facet's aggregation can
        leave out its own filter, highlighting with escaped text and <mark>."""
        by_score = request.sort == "relevance" and bool(request.words)
        query = self.ranked(self.text_query(request.words), request.language, by_score)
        s = Search(index=alias_name()).query(query)
        if request.filters:
            s = s.post_filter(Q("bool", filter=term_filters(request.filters)))
        for facet in FACETS:
            others = term_filters(request.without(facet))
            terms = A("terms", field=facet, size=FACET_SIZE)
            agg = (
                A("filter", filter=Q("bool", filter=others))
                if others
                else A("filter", filter=Q("match_all"))
            )
            agg.bucket("values", terms)
            s.aggs.bucket(f"facet_{facet}", agg)
        if not by_score:
            s = s.sort({"_score": "desc"}, {"date": {"order": "desc", "missing": "_last"}})
        s = s.highlight(*HIGHLIGHT_FIELDS, fragment_size=200, number_of_fragments=1)
        s = s.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], require_field_match=False
        )
        s = s.source(False).extra(track_total_hits=True)
        return s[request.offset : request.offset + request.per_page]

    def run(self, request, build_hits, label_facets):
        response = self.build(request).using(self.client).execute()
        return self.parse(response.to_dict(), request, build_hits, label_facets)

    def parse(self, body, request, build_hits, label_facets):
        """SearchResults from a raw response body: entries from the database in the
        response's order, Elasticsearch's highlights, facet counts from aggregations."""
        hits = body.get("hits", {}).get("hits", [])
        ids = [int(hit["_id"]) for hit in hits]
        highlights = {int(hit["_id"]): self.highlights(hit.get("highlight", {})) for hit in hits}
        entries = SearchEntry.objects.in_bulk(ids)
        counts = {}
        for facet in FACETS:
            buckets = (
                body.get("aggregations", {})
                .get(f"facet_{facet}", {})
                .get("values", {})
                .get("buckets", [])
            )
            counts[facet] = {str(b["key"]): b["doc_count"] for b in buckets}
        total = body.get("hits", {}).get("total", {}).get("value", 0)
        return SearchResults(
            request=request,
            total=total,
            hits=build_hits([entries[i] for i in ids if i in entries], request, highlights),
            facets=label_facets(counts, request),
            backend=self.name,
        )

    @staticmethod
    def highlights(found):
        """{"title", "snippet"} from a hit's highlight section; Elasticsearch escaped the
        text (encoder html) and added only <mark> tags."""
        out = {}
        for key in ("title", "title.id", "title.en"):
            if found.get(key):
                out["title"] = mark_safe(found[key][0])  # noqa: S308 - escaped by ES
                break
        for key in ("summary", "summary.id", "summary.en", "body", "body.id", "body.en"):
            if found.get(key):
                out["snippet"] = mark_safe(f"… {found[key][0]} …")  # noqa: S308
                break
        return out

    def matching_ids(self, request):
        s = Search(index=alias_name()).query(self.text_query(request.words))
        filters = term_filters(request.filters)
        if request.language:
            filters.append(Q("term", language=request.language))
        if filters:
            s = s.filter(Q("bool", filter=filters))
        s = s.source(False)[:MAX_IDS]
        response = s.using(self.client).execute()
        return [int(hit.meta.id) for hit in response]

    def suggest_search(self, text_, language):
        query = Q("match", **{"title.autocomplete": {"query": text_[:100], "operator": "and"}})
        return Search(index=alias_name()).query(self.ranked(query, language)).source(False)[:8]

    def suggest(self, text_, language):
        if not text_.strip():
            return []
        response = self.suggest_search(text_, language).using(self.client).execute()
        ids = [int(hit.meta.id) for hit in response]
        entries = SearchEntry.objects.in_bulk(ids)
        return [entries[i] for i in ids if i in entries]

    # Index maintenance ---------------------------------------------------------------

    def write(self, entries, removed_ids):
        """Index these entries and delete these page ids, in one bulk request."""
        actions = [
            {**PageDocument.prepare(e).to_dict(include_meta=True), "_index": alias_name()}
            for e in entries
        ]
        actions += [{"_op_type": "delete", "_index": alias_name(), "_id": pk} for pk in removed_ids]
        if not actions:
            return
        self.ensure_index()
        _ok, errors = bulk(self.client, actions, raise_on_error=False, refresh="wait_for")
        errors = [e for e in errors if e.get("delete", {}).get("status") != 404]
        if errors:
            raise BulkIndexError(f"{len(errors)} documents failed", errors)

    def ensure_index(self):
        """An empty index behind the alias when there is none yet, so a first update never
        lets Elasticsearch create an index with guessed mappings under the alias's name."""
        if not self.client.indices.exists_alias(name=alias_name()):
            name = new_index_name()
            make_index(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=alias_name())

    def current_indices(self):
        if not self.client.indices.exists_alias(name=alias_name()):
            return []
        return sorted(self.client.indices.get_alias(name=alias_name()))

    def rebuild(self, progress=None, chunk_size=500):
        """Fill a new index from the database's entries, then point the alias at it and
        drop the old indices; returns the new index's name."""
        name = new_index_name()
        make_index(name).create(using=self.client)
        queryset = SearchEntry.objects.prefetch_related("terms").order_by("pk")

        def actions():
            for entry in queryset.iterator(chunk_size=chunk_size):
                if progress:
                    progress()
                yield {**PageDocument.prepare(entry).to_dict(include_meta=True), "_index": name}

        bulk(self.client, actions(), chunk_size=chunk_size)
        self.client.indices.refresh(index=name)
        old = self.current_indices()
        if not old and self.client.indices.exists(index=alias_name()):
            self.client.indices.delete(index=alias_name())  # a plain index in the alias's way
        swap = [{"remove": {"index": o, "alias": alias_name()}} for o in old]
        swap.append({"add": {"index": name, "alias": alias_name()}})
        self.client.indices.update_aliases(actions=swap)
        for o in old:
            self.client.indices.delete(index=o)
        return name

    def count(self):
        if not self.current_indices():
            return None
        return self.client.count(index=alias_name())["count"]


@cache
def _client(url):
    return elasticsearch.Elasticsearch(url, request_timeout=5, max_retries=1)
