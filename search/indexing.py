"""Keeping the search in step with the site: entries for live, public pages of registered
kinds, written to the database index and, when configured, to Elasticsearch.

`sync_pages(ids, versions)` writes each page's *current* state (entry or no entry) to the
database index, so it is safe to run twice, late or out of order; the outbox
(search.outbox) calls it for the pages that changed, then sends the same entries to
Elasticsearch, each carrying its version.
"""

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from citynet import facet_cache, page_cache
from citynet.visibility import is_public, restricted_paths

from . import text
from .backends.database import CACHE_NAMESPACE
from .models import SearchEntry, SearchTerm, SearchWord
from .query import FACETS
from .registry import kind_for, kind_models, kinds


def is_searchable(page, restricted=None):
    """Publicly visible (citynet.visibility) and of a registered kind."""
    return kind_for(page) is not None and is_public(page, restricted)


def build_entry(page):
    """(SearchEntry, [SearchTerm]) for a searchable page, unsaved."""
    kind = kind_for(page)
    about = kind.describe(page)
    city = about.city
    city_title = city.title if city else ""
    entry = SearchEntry(
        page_id=page.pk,
        kind=kind.key,
        language=page.locale.language_code,
        title=page.title,
        summary=about.summary,
        body=about.body,
        url=page.get_url() or "",
        city_title=city_title,
        date=about.date,  # only a date the kind vouches for (not when it was indexed)
        title_terms=text.index_terms(page.title),
        summary_terms=text.index_terms(about.summary),
        text_terms=text.index_terms(" ".join((about.summary, about.body, city_title))),
    )
    terms = [("kind", kind.key, "")]
    if city is not None:
        terms.append(("city", city.slug, city.title))
        if getattr(city, "province", ""):
            terms.append(("province", city.province, ""))
    terms += [("dimension", slug, label) for slug, label in about.dimensions]
    terms += [("tag", slug[:100], name[:255]) for slug, name in about.tags]
    if about.year:
        terms.append(("year", str(about.year), ""))
    terms += [(f, str(v)[:100], str(label)[:255]) for f, v, label in about.extra_facets]
    unique = {(f, v): label for f, v, label in terms}
    entry_terms = [SearchTerm(facet=f, value=v, label=label) for (f, v), label in unique.items()]
    entry.facet_lines = facet_lines(t for t in entry_terms if t.facet in FACETS)
    entry.extra_facet_lines = facet_lines(t for t in entry_terms if t.facet not in FACETS)
    return entry, entry_terms


def facet_lines(terms):
    """An entry's facet lines: "facet<TAB>value<TAB>label" per term, in a stable order;
    tabs and line breaks inside a value or label become spaces."""

    def clean(value):
        return " ".join(str(value).replace("\t", " ").splitlines())

    rows = sorted((t.facet, clean(t.value), clean(t.label)) for t in terms)
    return "\n".join("\t".join(row) for row in rows)


def searchable_descendants(page):
    """Ids of the page and the pages below it the search may hold (moves, privacy and
    parent title changes affect them all)."""
    return list(
        Page.objects.descendant_of(page, inclusive=True)
        .type(*kind_models())
        .values_list("pk", flat=True)
    )


def sync_pages(page_ids, versions=None):
    """Write the current state of these pages to the database index, each entry with its
    version ({page id: version}). Returns (written entries, removed page ids)."""
    page_ids = sorted(set(page_ids))
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()}
    restricted = restricted_paths()
    keep = [pages[i] for i in page_ids if i in pages and is_searchable(pages[i], restricted)]
    removed = [i for i in page_ids if i not in {p.pk for p in keep}]
    with transaction.atomic():
        written = write_entries(keep, versions)
        remove_entries(removed)
    return written, removed


ENTRY_FIELDS = [
    "kind",
    "language",
    "title",
    "summary",
    "body",
    "url",
    "city_title",
    "date",
    "title_terms",
    "summary_terms",
    "text_terms",
    "facet_lines",
    "extra_facet_lines",
    "indexed_at",
    "version",
]


def weighted_vector():
    """The entry's stored search vector, from its stems ('simple': they are stemmed)."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title_terms", weight="A", config="simple")
        + SearchVector("summary_terms", weight="B", config="simple")
        + SearchVector("text_terms", weight="C", config="simple")
    )


def rank_vector():
    """The small vector ranking reads: title (A) and summary (B) stems only."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title_terms", weight="A", config="simple") + SearchVector(
        "summary_terms", weight="B", config="simple"
    )


def store_vectors(entries):
    """Write the search and rank vectors of these entries (one UPDATE; PostgreSQL only)."""
    if connection.vendor == "postgresql" and entries:
        SearchEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
            search_vector=weighted_vector(), rank_vector=rank_vector()
        )


def write_entries(pages, versions=None):
    """Entries, facet terms and Wagtail's index rows for these searchable pages, a few
    queries for the lot (a rebuild of 20,000 pages must not cost queries per page).
    An entry's version is the newest of `versions` ({page id: IndexUpdate id}) and the one
    it had: the page is read as it is now, so a late retry of an older update writes the
    current state and never lowers the version."""
    if not pages:
        return []
    had = dict(
        SearchEntry.objects.filter(pk__in=[p.pk for p in pages])
        .values_list("pk", "version")
        .order_by()
    )
    versions = {
        page.pk: max((versions or {}).get(page.pk, 0), had.get(page.pk, 0)) for page in pages
    }
    built = [build_entry(page) for page in pages]
    entries = [entry for entry, _terms in built]
    now = timezone.now()
    for entry in entries:
        entry.indexed_at = now
        entry.version = versions.get(entry.pk, 0)
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["page"], update_fields=ENTRY_FIELDS
    )
    SearchTerm.objects.filter(entry__in=entries).delete()
    terms = []
    for entry, entry_terms in built:
        for term in entry_terms:
            term.entry = entry
            terms.append(term)
    SearchTerm.objects.bulk_create(terms, ignore_conflicts=True)  # a concurrent sync wrote them
    store_vectors(entries)
    store_vocabulary(entries)
    get_search_backend().add_bulk(SearchEntry, entries)
    facet_cache.bump(CACHE_NAMESPACE)
    page_cache.invalidate_all()  # search results and the listing's keyword box changed
    return entries


def vocabulary_of(texts):
    """The words "did you mean" may offer, from (title, summary) pairs: lower-case, three
    letters or more, not numbers."""
    found = set()
    for parts in texts:
        for part in parts:
            found.update(w for w in text.words(part) if 2 < len(w) <= 100 and not w.isdigit())
    return found


def store_vocabulary(entries):
    words = vocabulary_of((e.title, e.summary) for e in entries)
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True
    )


def remove_entries(page_ids):
    """Drop entries from the database index (Wagtail's index rows first, then the entries)."""
    backend = get_search_backend()
    for entry in SearchEntry.objects.filter(pk__in=page_ids):
        backend.delete(entry)
    if SearchEntry.objects.filter(pk__in=page_ids).delete()[0]:
        facet_cache.bump(CACHE_NAMESPACE)
        page_cache.invalidate_all()


def push_to_elasticsearch(entries, removed_versions):
    """Send written entries and removed pages ({page id: version}) to Elasticsearch; its
    errors propagate (the outbox keeps the update and tries again). Without
    ELASTICSEARCH_URL, nothing."""
    if not settings.ELASTICSEARCH_URL or not (entries or removed_versions):
        return
    from .backends.elastic import ElasticBackend

    ElasticBackend.default().write(entries, removed_versions)


def searchable_pages():
    """Every live page of every registered kind, specific, in id order, a chunk at a time,
    with what each kind's describe() reads."""
    for kind in kinds().values():
        queryset = (
            kind.model.objects.live()
            .select_related("locale", *kind.select_related)
            .prefetch_related(*kind.prefetch_related)
            .order_by("pk")
        )
        yield from queryset.iterator(chunk_size=500)


def rebuild_database_index(progress=None, chunk_size=500):
    """Rewrite every entry from the pages; entries of pages no longer searchable go.
    Returns the number of entries."""
    keep, chunk = [], []
    restricted = restricted_paths()

    def flush():
        with transaction.atomic():
            keep.extend(e.pk for e in write_entries(chunk))
        chunk.clear()

    for page in searchable_pages():
        if is_searchable(page, restricted):
            chunk.append(page)
            if len(chunk) >= chunk_size:
                flush()
        if progress:
            progress()
    flush()
    stale = SearchEntry.objects.exclude(pk__in=keep).values_list("pk", flat=True)
    remove_entries(list(stale))
    prune_vocabulary()
    return len(keep)


def prune_vocabulary():
    """Rewrite the vocabulary from the entries (words of removed pages go)."""
    words = set()
    for pair in SearchEntry.objects.values_list("title", "summary").iterator(2000):
        words |= vocabulary_of([pair])
    with transaction.atomic():  # searches see the old vocabulary until the commit
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            [SearchWord(word=w) for w in sorted(words)], batch_size=2000, ignore_conflicts=True
        )


def searchable_count():
    return sum(model.objects.live().count() for model in kind_models())
