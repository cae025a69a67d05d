"""The page cache: whole public pages for anonymous visitors, in Django's cache.

wagtail-cache does not install with Wagtail 8, so this is Django's cache framework (its
`get_conditional_response`, `patch_vary_headers`; Redis via `REDIS_URL`) plus Wagtail's
signals for invalidation (citynet.page_cache_signals). It is never wrong because:

- every copy is stored with the *generation* number it was made under, kept in the shared
  cache and read in the same round trip as the copy. Publishing, unpublishing, moving or
  deleting a page, changing a snippet, image, document, view restriction or the search index
  bumps it after the change commits, so every app server misses at once and the old copies
  are replaced or expire unseen. Event pages also carry a number per path, bumped by a
  registration, so seats left are right without emptying everyone else's pages;
- only what `citynet.http_caching.is_public` calls public is stored: no session, message,
  CSRF token, preview, signed-in user, cookie or error;
- a request with a session or message cookie is never answered from the cache;
- the key is the host, the path with its query string (language is in the path) and the
  encoding the client gets: the copy is stored compressed, as sent. Campaign and click
  tracking parameters (`utm_*`, `fbclid`, …) are taken off the request before the page is
  built, so a link shared with them is one copy, not one per click, and no visitor's click
  id ends up in a page served to others; the rest is keyed in sorted order.
"""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import get_conditional_response

from .http_caching import has_visitor_state, mark_public, negotiated_encoding

GENERATION_KEY = "page-cache:generation"
STATUS_HEADER = "X-Page-Cache"
# Headers the cache middleware owns or that belong to one exchange only.
UNSTORED_HEADERS = {"set-cookie", "date", STATUS_HEADER.lower(), "x-request-id"}


def _path_key(path):
    return "page-cache:path:" + hashlib.sha256(path.encode()).hexdigest()


def cached_path(request):
    return settings.PAGE_CACHE_ENABLED and request.path_info.startswith(
        settings.PAGE_CACHE_PREFIXES
    )


def cacheable_request(request):
    return request.method in ("GET", "HEAD") and not has_visitor_state(request)


# Parameters that only say where a visitor came from: no page reads them.
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "igshid", "yclid", "twclid"}
TRACKING_PREFIXES = ("utm_", "mc_", "_ga", "_gl")


def strip_tracking(request):
    """Take campaign and click-id parameters off an anonymous page request."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [
        (k, v) for k, v in pairs if k not in TRACKING_PARAMS and not k.startswith(TRACKING_PREFIXES)
    ]
    if len(kept) != len(pairs):
        request.META["QUERY_STRING"] = urlencode(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"])


def page_key(request):
    """The key of this request's copy, and of its path's number: the same copy whatever
    order the parameters come in (values of one parameter keep their order)."""
    query = sorted(
        parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True),
        key=lambda pair: pair[0],
    )
    full_path = request.path + ("?" + urlencode(query) if query else "")
    raw = "|".join((request.get_host(), full_path, negotiated_encoding(request)))
    return "page-cache:page:" + hashlib.sha256(raw.encode()).hexdigest(), _path_key(request.path)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        # Missing (evicted or never set): any number not used recently will do.
        cache.set(key, time.time_ns(), None)


def _bump_now_and_at_commit(key):
    # Now, so nothing cached before the change is served again; and once more when the
    # transaction commits, since another server may have cached the old content between the
    # two (its rows were not committed yet). Outside a transaction both happen at once.
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def invalidate_all():
    """Every cached page is stale, on every app server."""
    _bump_now_and_at_commit(GENERATION_KEY)


def invalidate_paths(*paths):
    """These pages (URL paths) are stale; the rest of the cache stays."""
    for path in paths:
        _bump_now_and_at_commit(_path_key(path))


def changes_at(request, moment):
    """The page answering `request` changes by itself at `moment` (a registration opens or
    closes, an event starts or ends): the page cache keeps it no longer than that.

    Publishing and saving empty the cache through signals; the clock does not, so pages that
    show time-dependent states say when theirs will change."""
    if moment is None:
        return
    earliest = getattr(request, "page_cache_until", None)
    if earliest is None or moment < earliest:
        request.page_cache_until = moment


def _seconds_until(until):
    """Seconds to keep a copy: the usual time, or less if it changes by itself sooner."""
    if until is None:
        return settings.PAGE_CACHE_TIMEOUT
    return min(settings.PAGE_CACHE_TIMEOUT, int((until - timezone.now()).total_seconds()))


def _timeout(request):
    return _seconds_until(getattr(request, "page_cache_until", None))


def shared_fragment(name, parts, compute, request=None):
    """`compute()`, kept in the shared cache until the next content change.

    For the parts of a page that every page of its kind repeats or that cost most of its
    queries (menu, sections, related practices): their value is stored beside the page cache's
    generation, so the same publish that empties the page cache makes them stale. A fragment
    that changes by itself (it called `changes_at` while computing, as the home page's upcoming
    events do) is kept no longer than that moment, and passes it on to every page it goes in.
    Previews always compute (they show drafts)."""
    if request is not None and getattr(request, "is_preview", False):
        return compute()
    key = "page-cache:fragment:" + hashlib.sha256(f"{name}|{parts}".encode()).hexdigest()
    found = cache.get_many([GENERATION_KEY, key])  # one round trip
    generation = found.get(GENERATION_KEY, 0)
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        if request is not None and len(stored) > 2:
            changes_at(request, stored[2])
        return stored[1]
    outer = getattr(request, "page_cache_until", None)
    if request is not None:
        request.page_cache_until = None  # what this fragment alone depends on
    try:
        value = compute()
    finally:
        until = getattr(request, "page_cache_until", None)
        if request is not None:
            request.page_cache_until = outer
            changes_at(request, until)
    timeout = _seconds_until(until)
    if timeout > 0:
        cache.set(key, (generation, value, until), timeout)
    return value


def _stored(response, until=None):
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    return (response.status_code, headers, response.content, until)


def _restored(stored):
    status, headers, content, *rest = stored  # copies from before `until` have three parts
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    until = rest[0] if rest else None
    if until is not None:
        mark_public(response, until)  # what is left of its time, not what it had when stored
    return response


class PageCacheMiddleware:
    """Answers anonymous GETs of public pages from the cache; stores public answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cached_path(request):
            return self.get_response(request)
        if not cacheable_request(request):
            response = self.get_response(request)
            response[STATUS_HEADER] = "bypass"
            return response
        strip_tracking(request)
        key, path_key = page_key(request)
        # One round trip: the copy with the numbers it was stored under, and today's numbers.
        found = cache.get_many([GENERATION_KEY, path_key, key])
        numbers = (found.get(GENERATION_KEY, 0), found.get(path_key, 0))
        stored = found.get(key)
        if stored is not None and stored[0] == numbers:
            response = _restored(stored[1])
            response[STATUS_HEADER] = "hit"
            conditional = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            conditional[STATUS_HEADER] = "hit"
            return conditional
        response = self.get_response(request)
        timeout = _timeout(request)
        if (
            timeout > 0
            and request.method == "GET"
            and "public" in response.get("Cache-Control", "")
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
        ):
            until = getattr(request, "page_cache_until", None)
            cache.set(key, (numbers, _stored(response, until)), timeout)
            response[STATUS_HEADER] = "miss"
        else:
            response[STATUS_HEADER] = "bypass"
        return response
