"""'Did you mean': each query word the index does not know, replaced by the closest word
of its vocabulary (`SearchWord`), for a query that found nothing. On PostgreSQL the
closest word comes from pg_trgm's trigram similarity through a GIN index (one query per
unknown word); SQLite, for the demo, compares in Python with difflib."""

import difflib

from django.db import connection

from .models import SearchWord

MIN_SIMILARITY = 0.4  # trigram similarity below this is not offered
DIFFLIB_CUTOFF = 0.75


def closest_word(word):
    """The vocabulary's word closest to `word`, or None."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        found = (
            SearchWord.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=MIN_SIMILARITY)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return found
    words = list(SearchWord.objects.values_list("word", flat=True)[:50000])
    close = difflib.get_close_matches(word, words, n=1, cutoff=DIFFLIB_CUTOFF)
    return close[0] if close else None


def did_you_mean(words):
    """The query with each unknown word replaced by its closest known word, or ""."""
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    changed, out = False, []
    for word in words:
        replacement = None
        if word not in known and len(word) > 2:
            replacement = closest_word(word)
        if replacement and replacement != word:
            out.append(replacement)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
