"""'Did you mean': the closest words from the titles the search holds, for a query that
found nothing. Cheap and backend-independent; the vocabulary is cached for a few minutes."""

import difflib

from django.core.cache import cache

from . import text
from .models import SearchEntry

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 600
MAX_TITLES = 20000


def vocabulary():
    words = cache.get(CACHE_KEY)
    if words is None:
        found = set()
        for title in SearchEntry.objects.values_list("title", flat=True)[:MAX_TITLES]:
            found.update(w for w in text.words(title) if len(w) > 2 and not w.isdigit())
        words = sorted(found)
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def did_you_mean(words):
    """The query with each unknown word replaced by its closest known word, or ""."""
    known = vocabulary()
    known_set = set(known)
    changed, out = False, []
    for word in words:
        if word in known_set:
            out.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if close:
            out.append(close[0])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
