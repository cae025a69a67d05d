"""What the public search holds: one entry per live, public page of a searchable kind.

`SearchEntry` is denormalised from the page (title, text, city, url) so results, facets and
snippets never touch the page tree; the database backend searches it through Wagtail's own
search (modelsearch), and the Elasticsearch backend indexes the same entries as documents.
Entries are written only by `search.indexing`, from Wagtail's page signals.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.models import Page


class StemmedTitleField(index.SearchField):
    """Wagtail's database backends rank the field named "title" above the body. Ours holds
    the title's stems (search.text), so stemmed title matches outrank body matches on
    SQLite too, while `SearchEntry.title` keeps the title as written for display."""

    def __init__(self):
        super().__init__("title")

    def get_value(self, obj):
        return obj.title_terms


class SearchEntry(index.Indexed, models.Model):
    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    kind = models.CharField(max_length=20, db_index=True)
    language = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    city_title = models.CharField(max_length=255, blank=True)
    date = models.DateTimeField(null=True, db_index=True)
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    # PostgreSQL: the stems weighted title (A) > summary (B) > text (C), written with the
    # entry (search.indexing.store_vectors), searched through a GIN index (migration 0002).
    # SQLite leaves it empty and searches through Wagtail's own index.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL: title (A) and summary (B) only, small enough to stay in the table's row
    # (migration 0005): ranking reads it for every match, where reading the whole vector
    # would fetch each one from TOAST storage (most of a search's time at 20,000 pages).
    rank_vector = SearchVectorField(null=True, editable=False)
    # The entry's facet values, one "facet<TAB>value<TAB>label" line each (the same as its
    # SearchTerm rows): PostgreSQL counts facets from the matched rows alone, without a
    # join (search.backends.database).
    facet_lines = models.TextField(blank=True, editable=False)
    # The same for the facets a kind adds for its own listing (a practice's elements, SDGs
    # and status), apart so that the search page's counts never read them.
    extra_facet_lines = models.TextField(blank=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)
    # The id of the newest IndexUpdate this entry was written for; Elasticsearch documents
    # carry it as their external version.
    version = models.BigIntegerField(default=0)

    # Written and re-indexed explicitly by search.indexing, not on every save.
    search_auto_update = False
    search_fields = [
        StemmedTitleField(),
        index.SearchField("text_terms"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("date"),
        index.FilterField("page_id"),  # facet filters narrow by id (pk__in)
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """One facet value of an entry (kind, city, province, dimension, tag, year, and what a
    kind adds for its own listing), so every facet, single or many-valued, is counted and
    filtered the same way."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    label = models.CharField(max_length=255, blank=True)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_search_term")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class IndexUpdate(models.Model):
    """The outbox: a page whose index entry must be rewritten, recorded in the same database
    transaction as the change (publish, unpublish, move, delete, privacy, a renamed tag), so
    a crash between the commit and the indexing cannot lose it. The worker drains it
    (search.outbox): it writes the page's *current* state to the database index and to
    Elasticsearch, then deletes exactly the rows it processed; a failure stays, with the
    attempt count and the next try backing off. The row id orders changes: it is the
    version the documents carry, so an older write never overwrites a newer one."""

    id = models.BigAutoField(primary_key=True)
    page_id = models.PositiveIntegerField()
    subtree = models.BooleanField(
        default=False, help_text=_("Re-index every searchable page below this one too.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("index update")
        verbose_name_plural = _("index updates")
        indexes = [models.Index(fields=["next_attempt_at", "id"], name="index_update_due")]

    def __str__(self):
        return f"page {self.page_id}" + (" and below" if self.subtree else "")


class SearchWord(models.Model):
    """The index's vocabulary: every word of the entries' titles and summaries, as written
    (lower-case). "Did you mean" looks for the closest of them by trigram similarity
    (pg_trgm, GIN index in migration 0004); SQLite compares them in Python."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
