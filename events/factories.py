"""Test factories for events."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from .models import EventIndexPage, EventPage, Speaker


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming seminar in Kupang's zone, registration open now, 3 seats."""

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "seminar"
    time_zone = "Asia/Makassar"
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=8))
    venue = "Hotel Aston Kupang"
    capacity = 3
    registration_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    registration_closes = factory.LazyAttribute(lambda o: o.start - timedelta(days=1))

    class Meta:
        model = EventPage


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Speaker {n}")
    title = "Head of Diskominfo"

    class Meta:
        model = Speaker
