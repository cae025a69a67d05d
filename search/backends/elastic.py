"""The Elasticsearch backend (elasticsearch-dsl, Elasticsearch 8), on when ELASTICSEARCH_URL
is set.

Documents are the database's `SearchEntry` rows with explicit mappings: title, summary and
body analysed three ways (standard, Indonesian, English), an edge-ngram subfield of the
title for autocomplete, keyword fields for facets. Queries, aggregations and highlighting
happen in Elasticsearch; hits load back from the database, so a stale document never
shows a page that is gone. The index sits behind an alias: a rebuild fills a new index,
replays what changed meanwhile and swaps the alias in one atomic call, so searches never
see a half-built index and no update made during the rebuild is lost.

Every document carries an external version (the `IndexUpdate` id it was written for,
`SearchEntry.version`): Elasticsearch refuses an older write over a newer one, whatever
order the workers run in.
"""

import logging
from datetime import UTC, datetime, timedelta
from functools import cache

import elastic_transport
import elasticsearch
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch.helpers import BulkIndexError, bulk, scan
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

logger = logging.getLogger(__name__)
ERRORS = (elastic_transport.TransportError, elasticsearch.ApiError, BulkIndexError)
MAX_IDS = 2000
FACET_SIZE = 1000  # every city and province of 500 member cities, not the first 50
REPLAY_MARGIN = timedelta(minutes=2)  # clock skew and transactions open when a pass starts
REPLAY_PASSES = 3
ORPHAN_AGE = timedelta(hours=1)  # younger unaliased indices may be a rebuild under way
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
            if term.facet in facets:  # a kind's own listing facets stay in the database
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


STAMP = "%Y%m%d%H%M%S%f"


def new_index_name(now=None):
    return f"{alias_name()}-{(now or datetime.now(UTC)).strftime(STAMP)}"


def first_index_name():
    """The index created behind the alias on the first write: a fixed name, so two
    processes writing first at once create it once (the second gets "already exists")."""
    return f"{alias_name()}-initial"


def index_created(name):
    """When a rebuild's index was created, from its name; None for the first index."""
    try:
        return datetime.strptime(name.rsplit("-", 1)[-1], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def document_action(entry, index):
    """A bulk action that writes `entry` unless the index holds a newer version of it."""
    return {
        **PageDocument.prepare(entry).to_dict(include_meta=True),
        "_index": index,
        "version": entry.version,
        "version_type": "external_gte",
    }


def delete_action(page_id, version, index):
    action = {"_op_type": "delete", "_index": index, "_id": page_id}
    if version is not None:
        action.update(version=version, version_type="external_gte")
    return action


def real_errors(errors):
    """Bulk item errors that matter: not a delete of a missing document, not a version
    conflict (a newer write is already there, which is what the version is for)."""
    out = []
    for error in errors:
        (result,) = error.values()
        if result.get("status") == 409:
            continue
        if "delete" in error and result.get("status") == 404:
            continue
        out.append(error)
    return out


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

    @property
    def searching(self):
        """The client for a visitor's search: it waits SEARCH_ELASTIC_TIMEOUT at most and does
        not retry, then the database answers."""
        if not hasattr(self.client, "options"):
            return self.client
        return self.client.options(
            request_timeout=settings.SEARCH_ELASTIC_TIMEOUT, max_retries=0, retry_on_timeout=False
        )

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
        response = self.build(request).using(self.searching).execute()
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
        response = s.using(self.searching).execute()
        return [int(hit.meta.id) for hit in response]

    def suggest_search(self, text_, language):
        query = Q("match", **{"title.autocomplete": {"query": text_[:100], "operator": "and"}})
        return Search(index=alias_name()).query(self.ranked(query, language)).source(False)[:8]

    def suggest(self, text_, language):
        if not text_.strip():
            return []
        response = self.suggest_search(text_, language).using(self.searching).execute()
        ids = [int(hit.meta.id) for hit in response]
        entries = SearchEntry.objects.in_bulk(ids)
        return [entries[i] for i in ids if i in entries]

    # Index maintenance ---------------------------------------------------------------

    def write(self, entries, removed_versions, index=None):
        """Index these entries and delete these pages ({page id: version or None}), in one
        bulk request, each at its version: an older write than what the index holds is
        skipped, never applied."""
        index = index or alias_name()
        actions = [document_action(e, index) for e in entries]
        actions += [delete_action(pk, v, index) for pk, v in dict(removed_versions).items()]
        if not actions:
            return
        if index == alias_name():
            self.ensure_index()
        _ok, errors = bulk(self.client, actions, raise_on_error=False, refresh="wait_for")
        errors = real_errors(errors)
        if errors:
            raise BulkIndexError(f"{len(errors)} documents failed", errors)

    def ensure_index(self):
        """An empty index behind the alias when there is none yet, so a first update never
        lets Elasticsearch create an index with guessed mappings under the alias's name.
        Safe when several processes do it at once: one fixed name, created once, and
        adding an alias that is already there changes nothing."""
        if self.client.indices.exists_alias(name=alias_name()):
            return
        name = first_index_name()
        try:
            make_index(name).create(using=self.client)
        except elasticsearch.BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise
        self.client.indices.update_aliases(
            actions=[{"add": {"index": name, "alias": alias_name()}}]
        )

    def current_indices(self):
        if not self.client.indices.exists_alias(name=alias_name()):
            return []
        return sorted(self.client.indices.get_alias(name=alias_name()))

    def all_indices(self):
        """Every index of this environment (`<alias>-*`), aliased or not."""
        return sorted(self.client.indices.get(index=f"{alias_name()}-*", expand_wildcards="all"))

    def orphans(self):
        """[(name, created)]: this environment's indices not behind the alias, e.g. left by
        a rebuild that failed and could not clean up."""
        current = set(self.current_indices())
        return [(n, index_created(n)) for n in self.all_indices() if n not in current]

    def clean(self, now=None):
        """Delete orphan indices older than ORPHAN_AGE (a younger one may be a rebuild
        still filling). Returns the names deleted."""
        cutoff = (now or datetime.now(UTC)) - ORPHAN_AGE
        gone = [n for n, created in self.orphans() if created is None or created < cutoff]
        for name in gone:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        return gone

    def load(self, name, entries, progress=None, chunk_size=500):
        def actions():
            for entry in entries:
                if progress:
                    progress()
                yield document_action(entry, name)

        _ok, errors = bulk(self.client, actions(), chunk_size=chunk_size, raise_on_error=False)
        errors = real_errors(errors)
        if errors:
            raise BulkIndexError(f"{len(errors)} documents failed", errors)

    def replay(self, name, since):
        """Bring index `name` up to date with the database index's changes since `since`:
        entries written since are sent again (their versions let a newer document stand),
        documents whose entry is gone are deleted. Returns how many changed."""
        changed = list(
            SearchEntry.objects.filter(indexed_at__gte=since - REPLAY_MARGIN)
            .prefetch_related("terms")
            .order_by("pk")
        )
        self.load(name, changed)
        in_index = {
            int(hit["_id"])
            for hit in scan(self.client, index=name, query={"_source": False}, size=1000)
        }
        gone = in_index - set(
            SearchEntry.objects.filter(pk__in=in_index).values_list("pk", flat=True)
        )
        if gone:
            bulk(
                self.client,
                [delete_action(pk, None, name) for pk in sorted(gone)],
                raise_on_error=False,
            )
        self.client.indices.refresh(index=name)
        return len(changed) + len(gone)

    def rebuild(self, progress=None, chunk_size=500):
        """Fill a new index from the database's entries, replay what changed while it
        filled, point the alias at it (one atomic call), replay once more for what reached
        the old index during the swap, then drop the old indices. A failure deletes the
        new index (or `search_index status` lists it and `clean` removes it) and leaves the
        alias as it was. Returns the new index's name."""
        started = timezone.now()
        name = new_index_name()
        make_index(name).create(using=self.client)
        try:
            queryset = SearchEntry.objects.prefetch_related("terms").order_by("pk")
            self.load(name, queryset.iterator(chunk_size=chunk_size), progress, chunk_size)
            self.client.indices.refresh(index=name)
            since = started
            for _ in range(REPLAY_PASSES):
                mark = timezone.now()
                if not self.replay(name, since):
                    break
                since = mark
            old = self.current_indices()
            if not old and self.client.indices.exists(index=alias_name()):
                self.client.indices.delete(index=alias_name())  # a plain index in the way
            self.client.indices.update_aliases(
                actions=[
                    {
                        "remove": {
                            "index": f"{alias_name()}-*",
                            "alias": alias_name(),
                            "must_exist": False,
                        }
                    },
                    {"add": {"index": name, "alias": alias_name()}},
                ]
            )
            self.replay(name, since)
        except BaseException:
            try:
                self.client.indices.delete(index=name, ignore_unavailable=True)
            except ERRORS:
                logger.warning("could not delete the unfinished index %s", name)
            raise
        for o in old:
            if o != name:
                self.client.indices.delete(index=o, ignore_unavailable=True)
        return name

    def count(self):
        if not self.current_indices():
            return None
        return self.client.count(index=alias_name())["count"]


def configured():
    """Elasticsearch is on: ELASTICSEARCH_URL (or ELASTICSEARCH_CLOUD_ID) is set."""
    return bool(settings.ELASTICSEARCH_URL)


def client_options(url):
    """Keyword arguments for the client: the nodes (or the Elastic Cloud id) and
    ELASTICSEARCH_OPTIONS (API key, CA certificate, verification, timeout, retries)."""
    options = dict(settings.ELASTICSEARCH_OPTIONS)
    if "cloud_id" not in options:
        options["hosts"] = [u.strip() for u in url.split(",") if u.strip()]
    return options


@cache
def _client(url):
    return elasticsearch.Elasticsearch(**client_options(url))
