"""iCalendar (RFC 5545) files: one per event, one per session, and a feed of all upcoming
events that calendar programs can subscribe to.

Times carry the event's zone (DTSTART;TZID=Asia/Makassar) with a VTIMEZONE for it, so a
calendar shows 09:00 WITA as 09:00 in Kupang and converts it correctly elsewhere.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from icalendar import Calendar, Event

PRODID = "-//Citynet Knowledge Hub//Events//EN"
UID_DOMAIN = "citynet-knowledge-hub"
MAX_FEED_EVENTS = 200


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _text(html, limit=1000):
    # A space before each tag keeps words of adjacent paragraphs apart.
    text = strip_tags((html or "").replace("<", " <"))
    return Truncator(" ".join(text.split())).chars(limit)


def _location(event):
    if event.venue:
        return ", ".join(part for part in (event.venue, " ".join(event.address.split())) if part)
    return event.online_url


def event_component(request, event):
    component = Event()
    component.add("uid", f"event-{event.translation_key}@{UID_DOMAIN}")
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    description = " ".join(part for part in (event.theme, _text(event.description)) if part)
    if description:
        component.add("description", description)
    if _location(event):
        component.add("location", _location(event))
    component.add("url", request.build_absolute_uri(event.url))
    return component


def session_component(request, event, session):
    component = Event()
    component.add("uid", f"session-{event.translation_key}-{session.pk}@{UID_DOMAIN}")
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", session.start)
    component.add("dtend", session.end)
    component.add("summary", f"{session.title} ({event.title})")
    speakers = ", ".join(speaker.name for speaker in session.speakers.all())
    description = " ".join(part for part in (session.description, speakers) if part)
    if description:
        component.add("description", _text(description))
    location = ", ".join(part for part in (session.room, _location(event)) if part)
    if location:
        component.add("location", location)
    component.add("url", request.build_absolute_uri(event.url))
    return component


def _response(calendar, filename, first, last):
    # VTIMEZONE definitions covering the events' dates (RFC 5545 3.6.5).
    calendar.add_missing_timezones(
        first_date=(first - timedelta(days=366)).date(),
        last_date=(last + timedelta(days=366)).date(),
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar_response(request, event):
    calendar = _calendar(event.title)
    calendar.add_component(event_component(request, event))
    return _response(calendar, f"{slugify(event.slug) or 'event'}.ics", event.start, event.end)


def session_calendar_response(request, event, session):
    calendar = _calendar(event.title)
    calendar.add_component(session_component(request, event, session))
    name = f"{slugify(event.slug) or 'event'}-session-{session.pk}.ics"
    return _response(calendar, name, session.start, session.end)


def upcoming_calendar_response(request, index):
    from .models import live_events

    events = list(
        live_events(index.locale_id)
        .filter(end__gte=timezone.now())
        .order_by("start", "pk")[:MAX_FEED_EVENTS]
    )
    calendar = _calendar(index.title)
    for event in events:
        calendar.add_component(event_component(request, event))
    now = timezone.now()
    first = events[0].start if events else now
    last = max((event.end for event in events), default=now)
    response = _response(calendar, "citynet-events.ics", first, last)
    response["Content-Disposition"] = 'inline; filename="citynet-events.ics"'
    return response
