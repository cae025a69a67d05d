"""Time zones an event can be held in, and conversions between them and UTC.

Events are stored in UTC and shown in the event's own zone: a seminar in Kupang starts at
09:00 WITA for everyone, wherever the visitor's browser is. Indonesia's three zones come
first, then the rest of the Asia-Pacific where Citynet has members.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_TIME_ZONE = "Asia/Jakarta"

TIME_ZONE_CHOICES = [
    ("Asia/Jakarta", _("WIB, Western Indonesia (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA, Central Indonesia (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT, Eastern Indonesia (Asia/Jayapura)")),
    ("Asia/Bangkok", "Asia/Bangkok"),
    ("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh"),
    ("Asia/Phnom_Penh", "Asia/Phnom_Penh"),
    ("Asia/Kuala_Lumpur", "Asia/Kuala_Lumpur"),
    ("Asia/Singapore", "Asia/Singapore"),
    ("Asia/Manila", "Asia/Manila"),
    ("Asia/Taipei", "Asia/Taipei"),
    ("Asia/Shanghai", "Asia/Shanghai"),
    ("Asia/Seoul", "Asia/Seoul"),
    ("Asia/Tokyo", "Asia/Tokyo"),
    ("Asia/Ulaanbaatar", "Asia/Ulaanbaatar"),
    ("Asia/Dili", "Asia/Dili"),
    ("Asia/Kolkata", "Asia/Kolkata"),
    ("Asia/Colombo", "Asia/Colombo"),
    ("Asia/Dhaka", "Asia/Dhaka"),
    ("Asia/Kathmandu", "Asia/Kathmandu"),
    ("Asia/Karachi", "Asia/Karachi"),
    ("Asia/Tehran", "Asia/Tehran"),
    ("Australia/Sydney", "Australia/Sydney"),
    ("Pacific/Port_Moresby", "Pacific/Port_Moresby"),
    ("Pacific/Auckland", "Pacific/Auckland"),
    ("Pacific/Fiji", "Pacific/Fiji"),
    ("UTC", "UTC"),
]


def zone(name):
    """The ZoneInfo for a stored zone name (unknown names fall back to UTC, never fail)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")


def as_local(value, tz):
    """A stored UTC datetime as a naive wall-clock time in `tz` (for the admin form)."""
    if value is None:
        return None
    return timezone.localtime(value, tz).replace(tzinfo=None)


def from_local(value, tz):
    """A wall-clock time typed in `tz` as an aware datetime.

    Django's form field has already made the typed time aware in the admin's current time
    zone; take the wall-clock reading back off and attach the event's zone instead.
    """
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.make_naive(value)
    return timezone.make_aware(value, tz)


def combine(day, time, tz):
    """A session's local day and time in its event's zone, as an aware datetime."""
    return datetime.combine(day, time, tzinfo=tz)
