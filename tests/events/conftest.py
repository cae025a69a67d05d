"""Events on top of the two-city site: an index per language and events to register for."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from citynet.factories import translate
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPage, EventSession, Registration
from events.zones import zone

WITA = zone("Asia/Makassar")


@dataclass
class EventTree:
    index: EventIndexPage
    index_id: EventIndexPage
    upcoming: EventPage  # hosted by Kupang, registration open, 3 seats
    upcoming_id: EventPage
    past: EventPage  # Kupang 2019, hosted by Kupang, Sidoarjo took part


def publish_event(parent, sessions=(), participating=(), **fields):
    """A published event; sessions are (day, "HH:MM", "HH:MM", title) or EventSession."""
    event = EventPageFactory.build(**fields)
    event.sessions = [
        s
        if isinstance(s, EventSession)
        else EventSession(
            day=s[0],
            starts_at=time.fromisoformat(s[1]),
            ends_at=time.fromisoformat(s[2]),
            title=s[3],
        )
        for s in sessions
    ]
    event.participating_cities = list(participating)
    parent.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def event_tree(site_tree):
    return build_event_tree(site_tree)


def build_event_tree(site_tree):
    index = EventIndexPageFactory(parent=site_tree.home)
    index_id = translate(index, "id", title="Acara", slug="acara")
    upcoming = publish_event(
        index, title="Smart city webinar", slug="webinar", host_city=site_tree.kupang
    )
    upcoming_id = translate(upcoming, "id", title="Webinar smart city")
    past = publish_event(
        index,
        title="Kupang seminar 2019",
        slug="kupang-2019",
        host_city=site_tree.kupang,
        start=datetime(2019, 10, 16, 9, 0, tzinfo=WITA),
        end=datetime(2019, 10, 18, 17, 0, tzinfo=WITA),
        registration_opens=datetime(2019, 9, 1, 8, 0, tzinfo=WITA),
        registration_closes=datetime(2019, 10, 14, 17, 0, tzinfo=WITA),
        capacity=100,
        sessions=[(date(2019, 10, 16), "09:00", "10:30", "Opening plenary")],
        participating=[site_tree.kupang, site_tree.sidoarjo],
    )
    return EventTree(index, index_id, upcoming, upcoming_id, past)


def add_registration(event, email, status="confirmed", city=None, **fields):
    return Registration.objects.create(
        event=event,
        name=fields.pop("name", email.split("@")[0]),
        email=email,
        status=status,
        city=city,
        created_at=fields.pop("created_at", timezone.now()),
        **fields,
    )


def registration_data(**overrides):
    data = {
        "name": "Maria Ndolu",
        "email": "maria@example.org",
        "organisation": "Diskominfo Kota Kupang",
        "city": "",
        "other_city": "Kota Ende",
        "role": "Analyst",
        "needs": "",
        "website": "",
    }
    data.update(overrides)
    return data


def soon(days=1):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post that also runs the on-commit callbacks (emails) of the request, as a
    real request's commit would; test transactions never commit."""

    def _post(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return _post
