"""The default backend over `SearchEntry`. On PostgreSQL it matches and ranks through each
entry's stored, weighted search vector and its GIN index (title above summary above text);
on SQLite (the demo) through Wagtail's own search (modelsearch, FTS5). Stems come from
`search.text`, facets are counted from `SearchTerm` in the database, snippets highlighted
in Python for the page shown."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText

from citynet import facet_cache

from .. import text
from ..models import SearchEntry, SearchTerm
from ..query import FACETS, SearchResults

AUTOCOMPLETE_LIMIT = 8
CACHE_NAMESPACE = "search"


def apply_filters(queryset, filters):
    """Entries having, for every filtered facet, one of its values."""
    for facet, values in filters.items():
        queryset = queryset.filter(
            pk__in=SearchTerm.objects.filter(facet=facet, value__in=values).values("entry_id")
        )
    return queryset


def build_query(words):
    """Every word must match, through any of its stems: And(Or(stems of word) per word)."""
    parts = []
    for word in words:
        variants = [PlainText(stem) for stem in sorted(text.stems(word))]
        parts.append(variants[0] if len(variants) == 1 else Or(variants))
    return parts[0] if len(parts) == 1 else And(parts)


class ParsedQuery(SearchQuery):
    """A tsquery already parsed by PostgreSQL, passed as a constant (`'…'::tsquery`): the
    planner evaluates it once, where an expression of plainto_tsquery calls (only "stable")
    would be parsed again for every row the ranking reads."""

    def __init__(self, parsed):
        super().__init__(parsed)
        self.parsed = parsed

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.parsed]


def vector_query(words):
    """(query, title query): the same logic as `build_query` as PostgreSQL tsqueries over
    the stored stems: every word, through any of its stems; and any stem of any word in
    the title (weight A of the rank vector), which ranks title matches first. PostgreSQL
    parses both (plainto_tsquery and to_tsvector quote each stem, so a visitor's `!`, `|`
    or `&` are text, never operators), once per search."""
    groups, params, stems = [], [], []
    for word in words:
        variants = sorted(text.stems(word))
        groups.append("(" + " || ".join(["plainto_tsquery('simple', %s)"] * len(variants)) + ")")
        params += variants
        stems += variants
    with connection.cursor() as cursor:
        # Only placeholders are joined into the SQL; the stems are parameters.
        query_sql = "(" + " && ".join(groups) + ")::text"
        cursor.execute(
            f"SELECT {query_sql},"  # noqa: S608
            " (SELECT string_agg(quote_literal(lexeme) || ':A', ' | ')"
            " FROM unnest(tsvector_to_array(to_tsvector('simple', %s))) AS lexeme)",
            [*params, " ".join(stems)],
        )
        query, in_title = cursor.fetchone()
    return ParsedQuery(query), in_title


def title_hit(words):
    """1 when a stem of any query word is in the title, so title matches come first."""
    padded = Concat(Value(" "), "title_terms", Value(" "), output_field=TextField())
    condition = Q()
    for word in words:
        for stem in text.stems(word):
            condition |= Q(_padded_title__contains=f" {stem} ")
    return padded, Case(When(condition, then=1), default=0, output_field=IntegerField())


def count_terms(entries, facets):
    """[(facet, value, count, label)] of these facets over the entries of a queryset, grouped
    in the database. PostgreSQL reads each matched row's facet lines (no join: a common
    word matches half the index); SQLite groups its `SearchTerm` rows."""
    if connection.vendor != "postgresql":
        rows = (
            SearchTerm.objects.filter(facet__in=facets, entry__in=entries.values("pk"))
            .values_list("facet", "value")
            .annotate(n=Count("entry"), label=Max("label"))
            .order_by()
        )
        return list(rows)
    columns = []
    if set(facets) & set(FACETS):
        columns.append("facet_lines")
    if set(facets) - set(FACETS):
        columns.append("extra_facet_lines")
    try:
        sql, params = entries.values(*columns).order_by().query.sql_with_params()
    except EmptyResultSet:  # entries.none(): a query without a word
        return []
    lines = " || E'\\n' || ".join(f"m.{column}" for column in columns)
    # No filter on the facet in SQL: the planner would guess a handful of rows and sort
    # (on disk) instead of hashing; the few unwanted values are dropped below.
    with connection.cursor() as cursor:
        # Django's compiled queryset: its values are parameters.
        cursor.execute(
            f"SELECT line, count(*) FROM (SELECT unnest(string_to_array({lines}, E'\\n'))"  # noqa: S608
            f" AS line FROM ({sql}) m) lines GROUP BY line",
            params,
        )
        found = {}
        # One line per (facet, value, label): a value labelled differently in two
        # languages (a city's title) is summed, keeping one of its labels.
        for line, n in cursor.fetchall():
            facet, value, label = (line.split("\t") + ["", ""])[:3]
            if facet not in facets:
                continue  # another facet of the same column, or an empty column
            _n, kept = found.get((facet, value), (0, label))
            found[facet, value] = (_n + n, max(kept, label))
    return [(facet, value, n, label) for (facet, value), (n, label) in found.items()]


class DatabaseBackend:
    name = "database"

    def __init__(self):
        self.backend = get_search_backend()
        self._parsed = {}  # words -> (query, title query): parsed once per search

    def parsed(self, words):
        key = tuple(words)
        if key not in self._parsed:
            self._parsed[key] = vector_query(words)
        return self._parsed[key]

    def matching(self, queryset, words, *, ranked, language=None):
        """`queryset` narrowed to the entries matching every word: `language`'s entries
        first, then by relevance (titles first) when `ranked`, else newest first."""
        first = []
        if language:
            queryset = queryset.annotate(
                _other_language=Case(
                    When(language=language, then=0), default=1, output_field=IntegerField()
                )
            )
            first = ["_other_language"]
        if not words:
            return queryset.order_by(*first, "-date", "-pk")
        if connection.vendor == "postgresql":
            return self._matching_by_vector(queryset, words, ranked, first)
        results = self.backend.search(
            build_query(words), queryset.order_by(), order_by_relevance=ranked
        )
        if not ranked:
            return results.get_queryset().order_by(*first, "-date", "-pk")
        matched = results.annotate_score("_score").get_queryset()
        padded, hit = title_hit(words)
        return (
            matched.annotate(_padded_title=padded)
            .annotate(_title_hit=hit)
            .order_by(*first, "-_title_hit", *matched.query.order_by)
        )

    def _matching_by_vector(self, queryset, words, ranked, first):
        query, in_title = self.parsed(words)
        matched = queryset.filter(search_vector=query)
        if not ranked:
            return matched.order_by(*first, "-date", "-pk")
        # Both read the rank vector, kept in the row: the full vector and the title's
        # stems would each be fetched from TOAST storage for every match.
        title_hit = RawSQL(
            "COALESCE(rank_vector @@ %s::tsquery, false)",
            [in_title or ""],
            output_field=BooleanField(),
        )
        return (
            matched.annotate(_score=SearchRank(F("rank_vector"), query))
            .annotate(_title_hit=title_hit)
            .order_by(*first, "-_title_hit", "-_score", "-date", "-pk")
        )

    def run(self, request, build_hits, label_facets):
        words = request.words
        counts, labels = self.facet_counts(request, words)
        # Every entry has exactly one kind, and the kind facet is counted with every filter
        # but its own: the total is the sum over the chosen kinds (or all).
        kinds = request.filters.get("kind") or counts["kind"]
        total = sum(counts["kind"].get(kind, 0) for kind in kinds)
        ids = []
        if request.offset < total:
            matched = self.matching(
                apply_filters(SearchEntry.objects.all(), request.filters),
                words,
                ranked=request.sort == "relevance",
                language=request.language,
            )
            ids = list(
                matched.values_list("pk", flat=True)[
                    request.offset : request.offset + request.per_page
                ]
            )
        entries = SearchEntry.objects.in_bulk(ids)
        hits = build_hits([entries[i] for i in ids if i in entries], request, highlights={})
        return SearchResults(
            request=request,
            total=total,
            hits=hits,
            facets=label_facets(counts, request, labels),
            backend=self.name,
        )

    def facet_counts(self, request, words):
        """({facet: {value: count}}, {(facet, value): label}), each facet counted with
        every filter but its own, so a visitor sees what choosing another value would
        give. One query for the facets without a filter, one more per filtered facet;
        cached until the index changes (citynet.facet_cache, namespace "search")."""
        state = repr((sorted(words), sorted(request.filters.items())))
        return facet_cache.cached_counts(
            CACHE_NAMESPACE, state, lambda: self._count_facets(request, words)
        )

    def _count_facets(self, request, words):
        """(counts, labels): {facet: {value: n}} and {(facet, value): label}."""
        counts = {facet: {} for facet in FACETS}
        labels = {}
        free = [f for f in FACETS if f not in request.filters]
        groups = [(free, request.filters)] if free else []
        groups += [([f], request.without(f)) for f in request.filters]
        for facets, filters in groups:
            matched = self.matching(
                apply_filters(SearchEntry.objects.all(), filters), words, ranked=False
            )
            for facet, value, n, label in count_terms(matched, facets):
                counts[facet][value] = n
                labels[facet, value] = label
        return counts, labels

    def suggest(self, text_, language):
        """Titles for autocomplete: this language's first. PostgreSQL: titles that contain
        what was typed, or something close to it (pg_trgm word similarity, a typo in a
        prefix is forgiven), through the titles' trigram GiST index, closest first."""
        words = text.words(text_)[: text.MAX_QUERY_WORDS]
        if not words:
            return []
        if connection.vendor == "postgresql":
            return self._suggest_by_trigrams(" ".join(words), language)
        found = []
        for queryset in (
            SearchEntry.objects.filter(language=language),
            SearchEntry.objects.exclude(language=language),
        ):
            results = self.backend.autocomplete(" ".join(words), queryset.only(*SUGGEST_FIELDS))
            found += list(results[: AUTOCOMPLETE_LIMIT - len(found)])
            if len(found) >= AUTOCOMPLETE_LIMIT:
                break
        return found

    def _suggest_by_trigrams(self, typed, language):
        """Closest titles first, through the titles' trigram GiST index, which hands them
        over in distance order: the query stops after eight, however many titles share
        the prefix (migration 0006). This language's titles, then the others'."""
        from django.contrib.postgres.search import TrigramWordDistance

        if len(typed) < MIN_TRIGRAM_INPUT:
            return []
        found = []
        for queryset in (
            SearchEntry.objects.filter(language=language),
            SearchEntry.objects.exclude(language=language),
        ):
            # Ordered by the distance alone: a second key would stop the index's ordering.
            closest = (
                queryset.filter(title__trigram_word_similar=typed)
                .annotate(_distance=TrigramWordDistance(typed, "title"))
                .only(*SUGGEST_FIELDS)
                .order_by("_distance")[: AUTOCOMPLETE_LIMIT - len(found)]
            )
            found += sorted(closest, key=lambda entry: (entry._distance, entry.title))
            if len(found) >= AUTOCOMPLETE_LIMIT:
                break
        return found


SUGGEST_FIELDS = ("page_id", "title", "url", "kind", "language")
MIN_TRIGRAM_INPUT = 3  # two letters are in most titles: nothing useful to rank
