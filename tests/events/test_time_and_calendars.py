"""Times stored in UTC, typed and shown in the event's zone; iCalendar files that calendar
programs import (parsed back with `icalendar`)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from events.models import EventSession
from events.zones import as_local, from_local, zone

from .conftest import WITA, publish_event

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content  # RFC 5545 lines end in CRLF
    return Calendar.from_ical(response.content)


def test_zone_conversions():
    wita = zone("Asia/Makassar")
    typed = datetime(2019, 10, 16, 9, 0)
    stored = from_local(typed, wita)
    assert stored.astimezone(UTC) == datetime(2019, 10, 16, 1, 0, tzinfo=UTC)
    assert as_local(stored, wita) == typed
    assert zone("Not/AZone").key == "UTC"
    assert zone("").key == "UTC"


def test_agenda_at_nine_wita_is_one_utc_and_shows_nine(client, event_tree):
    event = event_tree.past
    session = event.sessions.get()
    assert session.start == datetime(2019, 10, 16, 9, 0, tzinfo=WITA)
    assert session.start.astimezone(UTC) == datetime(2019, 10, 16, 1, 0, tzinfo=UTC)
    assert event.start.astimezone(UTC) == datetime(2019, 10, 16, 1, 0, tzinfo=UTC)
    content = client.get(event.url).content.decode()
    assert "09:00" in content and "10:30" in content
    assert "01:00" not in content
    assert "WITA" in content
    assert 'datetime="2019-10-16T09:00:00+08:00"' in content
    assert "Wednesday, 16 October 2019" in content


def test_agenda_groups_sessions_by_local_day_in_time_order(client, event_tree):
    index = event_tree.index
    day1, day2 = date(2030, 3, 4), date(2030, 3, 5)
    event = publish_event(
        index,
        slug="two-days",
        time_zone="Asia/Jayapura",
        start=datetime(2030, 3, 4, 8, 0, tzinfo=zone("Asia/Jayapura")),
        end=datetime(2030, 3, 5, 17, 0, tzinfo=zone("Asia/Jayapura")),
        sessions=[
            (day2, "13:00", "14:00", "Site visit"),
            (day1, "10:00", "11:00", "Panel"),
            (day1, "08:00", "09:00", "Opening"),
        ],
    )
    agenda = event.agenda()
    assert [(day, [s.title for s in sessions]) for day, sessions in agenda] == [
        (day1, ["Opening", "Panel"]),
        (day2, ["Site visit"]),
    ]
    content = client.get(event.url).content.decode()
    assert content.index("Opening") < content.index("Panel") < content.index("Site visit")
    assert "WIT)" in content or "(WIT" in content


def test_event_ics_is_valid_and_in_the_event_zone(client, event_tree):
    calendar = parse(client.get("/en/events/kupang-2019/calendar/"))
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    [event] = calendar.walk("VEVENT")
    assert event["UID"] and event["DTSTAMP"]
    assert str(event["SUMMARY"]) == "Kupang seminar 2019"
    start = event.decoded("DTSTART")
    assert start == datetime(2019, 10, 16, 9, 0, tzinfo=WITA)
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert event.decoded("DTEND").astimezone(UTC) == datetime(2019, 10, 18, 9, 0, tzinfo=UTC)
    assert str(event["LOCATION"]).startswith("Hotel Aston Kupang")
    assert str(event["URL"]) == "http://testserver/en/events/kupang-2019/"
    [timezone_component] = calendar.walk("VTIMEZONE")
    assert str(timezone_component["TZID"]) == "Asia/Makassar"
    assert "WITA" in timezone_component.to_ical().decode()


def test_translations_share_the_event_uid(client, event_tree):
    en = parse(client.get("/en/events/webinar/calendar/")).walk("VEVENT")[0]
    id_ = parse(client.get("/id/acara/webinar/calendar/")).walk("VEVENT")[0]
    assert en["UID"] == id_["UID"]
    assert str(id_["SUMMARY"]) == "Webinar smart city"


def test_session_ics(client, event_tree):
    session = event_tree.past.sessions.get()
    calendar = parse(client.get(f"/en/events/kupang-2019/sessions/{session.pk}/calendar/"))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2019, 10, 16, 1, 0, tzinfo=UTC)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert "Opening plenary" in str(event["SUMMARY"])


def test_session_ics_of_another_event_or_unknown_is_404(client, event_tree):
    session = event_tree.past.sessions.get()
    assert client.get(f"/en/events/webinar/sessions/{session.pk}/calendar/").status_code == 404
    assert client.get("/en/events/kupang-2019/sessions/999999/calendar/").status_code == 404
    big = "9" * 30
    assert client.get(f"/en/events/kupang-2019/sessions/{big}/calendar/").status_code == 404


def test_feed_lists_upcoming_events_only(client, event_tree):
    calendar = parse(client.get("/en/events/calendar/"))
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == ["Smart city webinar"]
    assert calendar.walk("VTIMEZONE")
    id_calendar = parse(client.get("/id/acara/calendar/"))
    assert [str(e["SUMMARY"]) for e in id_calendar.walk("VEVENT")] == ["Webinar smart city"]


def test_feed_is_valid_when_empty(client, event_tree):
    event_tree.upcoming.unpublish()
    event_tree.upcoming_id.unpublish()
    calendar = parse(client.get("/en/events/calendar/"))
    assert calendar.walk("VEVENT") == []


def test_session_after_midnight_ends_next_day(event_tree):
    session = EventSession(
        event=event_tree.past, day=date(2019, 10, 16), starts_at=time(22), ends_at=time(1)
    )
    assert session.end - session.start == timedelta(hours=3)


def test_draft_event_calendar_is_not_public(client, event_tree):
    event_tree.past.unpublish()
    assert client.get("/en/events/kupang-2019/calendar/").status_code == 404
