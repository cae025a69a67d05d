"""Rate limits on the public registration form, counted by django-ratelimit in the shared
cache (Redis in production), so every app server counts the same attempts."""

import ipaddress

from django.conf import settings
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind a proxy the first address in the header
    named by EVENTS_CLIENT_IP_HEADER. A header that is not an address falls back to
    REMOTE_ADDR (django-ratelimit would raise on it: a 500 for a forged header)."""
    header = settings.EVENTS_CLIENT_IP_HEADER
    candidate = request.META.get(header, "") if header else ""
    candidate = candidate.split(",")[0].strip()[:64]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)


def registration_rate():
    """EVENTS_REGISTRATION_RATE (attempts, seconds) in django-ratelimit's notation."""
    attempts, window = settings.EVENTS_REGISTRATION_RATE
    return f"{attempts}/{window}s"


def allow_registration(request):
    """Count one registration attempt from this client; False once it is over the limit."""
    return not is_ratelimited(
        request,
        group="events:register",
        key="ip",  # client_ip via RATELIMIT_IP_META_KEY; IPv6 counted per /64
        rate=registration_rate(),
        method=ALL,
        increment=True,
    )
