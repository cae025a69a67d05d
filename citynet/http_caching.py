"""Which responses are public, and what that lets browsers, proxies and the page cache do.

One rule decides it for three middlewares (Cache-Control headers, compression, the page
cache): a response is *public* when it is a successful GET of a public page for a visitor
without a session, that set no cookie, used no CSRF token, showed no message and is no
preview. Anything else a signed-in user sees is *personal*: `private, no-store`, never
compressed (a response carrying a secret next to text an attacker can inject is what BREACH
reads), never stored.
"""

from compression_middleware.middleware import CompressionMiddleware, compressor
from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/readyz", "/healthz")
COMPRESSIBLE_TYPES = (
    "text/html",
    "text/plain",
    "text/calendar",
    "text/css",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)


def has_visitor_state(request):
    """Whether the request carries a session or a pending message: it may be personal."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def is_public(request, response):
    """The response is the same for every anonymous visitor and may be shared."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if response.streaming or response.cookies or response.has_header("Cache-Control"):
        return False
    if request.path_info.startswith(PRIVATE_PREFIXES) or has_visitor_state(request):
        return False
    if request.META.get("CSRF_COOKIE_USED") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def is_personal(request, response):
    """The response belongs to one visitor: no shared cache may keep it."""
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_USED")
        or response.cookies
        or getattr(request, "is_preview", False)
    )


def freshness(until=None, now=None):
    """`max-age` and `stale-while-revalidate` for a public page that changes by itself at
    `until` (citynet.page_cache.changes_at), or never: together they never reach past it, so
    no browser or proxy shows a registration as open after it closed."""
    max_age = settings.PAGE_CACHE_MAX_AGE
    stale = settings.PAGE_CACHE_STALE_WHILE_REVALIDATE
    if until is None:
        return max_age, stale
    left = max(0, int((until - (now or timezone.now())).total_seconds()))
    max_age = min(max_age, left)
    return max_age, min(stale, left - max_age)


def mark_public(response, until=None):
    max_age, stale = freshness(until)
    patch_cache_control(response, public=True, max_age=max_age, stale_while_revalidate=stale)


class CacheHeadersMiddleware:
    """`Cache-Control` for public pages (short, with stale-while-revalidate, so a proxy or
    CDN absorbs a rush) and `private, no-store` for personal ones. A view that set its own
    Cache-Control (never_cache, the media view) keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public(request, response):
            mark_public(response, getattr(request, "page_cache_until", None))
        elif not response.has_header("Cache-Control") and is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        return response


def negotiated_encoding(request):
    """The encoding the compression middleware will pick for this request ('' for none)."""
    return compressor(request.META.get("HTTP_ACCEPT_ENCODING", ""))[0] or ""


class PublicCompressionMiddleware(CompressionMiddleware):
    """django-compression-middleware (zstd, Brotli, gzip by what the client accepts), for
    public text responses only: never a response with a CSRF token, a session or other
    personal content (BREACH), never images or files that are compressed already."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in COMPRESSIBLE_TYPES or response.streaming:
            return response
        cache_control = response.get("Cache-Control", "")
        if "public" not in cache_control or "private" in cache_control:
            return response
        return super().process_response(request, response)
