"""Cached facet counts for public listings, invalidated when content changes.

Counting every facet over tens of thousands of pages costs most of a listing's time, and
the same counts are asked for again and again. Counts (never labels, which depend on the
language) are cached under a version number per listing; publishing, unpublishing, moving
or deleting a page that a listing counts bumps that version. With a shared cache (Redis in
production) every process sees the bump at once; with the default per-process memory cache
the lifetime bounds how stale another process's counts can be.
"""

import hashlib

from django.core.cache import cache

COUNTS_TIMEOUT = 300


def _version_key(namespace):
    return f"facet-version:{namespace}"


def version(namespace):
    key = _version_key(namespace)
    cache.add(key, 1, None)
    return cache.get(key) or 1


def bump(*namespaces):
    """Forget every cached count of these listings."""
    for namespace in namespaces:
        key = _version_key(namespace)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, None)


def cached_counts(namespace, state, compute):
    """`compute()`'s result for this listing state, from the cache when it is current."""
    raw = f"{namespace}|{version(namespace)}|{state}"
    key = "facet-counts:" + hashlib.sha256(raw.encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = compute()
        cache.set(key, counts, COUNTS_TIMEOUT)
    return counts
