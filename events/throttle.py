"""A per-address rate limit for the public registration form, kept in the shared cache
(Redis in production, so it holds across app servers)."""

from django.conf import settings
from django.core.cache import cache

DEFAULT_RATE = (10, 3600)  # attempts per window of seconds


def client_address(request):
    """The client's address; behind a proxy, the header named by EVENTS_CLIENT_IP_HEADER."""
    header = getattr(settings, "EVENTS_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def allow(request, scope):
    """Count one attempt for this address; False once it is over the limit."""
    limit, window = getattr(settings, "EVENTS_REGISTRATION_RATE", DEFAULT_RATE)
    key = f"events:{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        attempts = 1
    return attempts <= limit
