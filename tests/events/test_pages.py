"""The public event pages: listing (upcoming, past, filters, pagination), the event page
and what events add to city, practice and home pages."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from events.factories import SpeakerFactory
from events.models import EventSession
from tests.practices.conftest import build_practice_tree

from .conftest import WITA, publish_event

pytestmark = pytest.mark.django_db


def titles(events):
    return [event.title for event in events]


def test_listing_shows_upcoming_first_then_past(client, event_tree):
    later = publish_event(
        event_tree.index, title="Congress 2031", start=timezone.now() + timedelta(days=300)
    )
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert titles(response.context["upcoming"]) == ["Smart city webinar", later.title]
    assert titles(response.context["past"]) == ["Kupang seminar 2019"]
    content = response.content.decode()
    assert content.index("Upcoming events") < content.index("Smart city webinar")
    assert content.index("Congress 2031") < content.index("Kupang seminar 2019")


def test_past_events_are_paginated_newest_first(client, event_tree):
    for year in range(2000, 2012):
        publish_event(
            event_tree.index,
            title=f"Meeting {year}",
            start=datetime(year, 5, 1, 9, 0, tzinfo=WITA),
            end=datetime(year, 5, 1, 17, 0, tzinfo=WITA),
            registration_opens=None,
            registration_closes=None,
        )
    first = client.get("/en/events/")
    assert titles(first.context["past"])[:2] == ["Kupang seminar 2019", "Meeting 2011"]
    assert len(first.context["past"]) == 10
    second = client.get("/en/events/", {"page": 2})
    assert titles(second.context["past"]) == ["Meeting 2002", "Meeting 2001", "Meeting 2000"]
    # Upcoming events are on the first page only.
    assert second.context["upcoming"] == []
    assert client.get("/en/events/", {"page": "999"}).context["page_obj"].number == 2
    assert client.get("/en/events/", {"page": "abc"}).status_code == 200


def test_filters_by_year_host_city_and_kind(client, event_tree, site_tree):
    publish_event(
        event_tree.index,
        title="Sidoarjo training",
        kind="training",
        host_city=site_tree.sidoarjo,
        start=datetime(2018, 3, 1, 9, 0, tzinfo=WITA),
        end=datetime(2018, 3, 1, 17, 0, tzinfo=WITA),
        registration_opens=None,
        registration_closes=None,
    )

    def listed(**query):
        response = client.get("/en/events/", query)
        assert response.status_code == 200
        return titles(response.context["upcoming"]) + titles(response.context["past"])

    assert listed(year="2019") == ["Kupang seminar 2019"]
    assert listed(city="sidoarjo") == ["Sidoarjo training"]
    assert listed(kind="training") == ["Sidoarjo training"]
    assert listed(city="kupang", kind="seminar") == ["Smart city webinar", "Kupang seminar 2019"]
    response = client.get("/en/events/", {"city": "kupang"})
    assert response["X-Robots-Tag"] == "noindex"
    facet = {f.key: f for f in response.context["event_filter"].facets}
    assert {o["value"]: o["count"] for o in facet["city"].options} == {"kupang": 2, "sidoarjo": 1}


@pytest.mark.parametrize(
    "query", [{"year": "1066"}, {"year": "abc"}, {"city": "atlantis"}, {"kind": "party"}]
)
def test_unknown_filter_values_are_ignored_with_a_note(client, event_tree, query):
    response = client.get("/en/events/", query)
    assert response.status_code == 200
    assert response.context["event_filter"].ignored
    assert b"were not recognised" in response.content
    assert len(response.context["upcoming"]) + len(response.context["past"]) == 2


def test_empty_listing_says_so(client, event_tree):
    event_tree.upcoming.unpublish()
    event_tree.past.unpublish()
    content = client.get("/en/events/").content.decode()
    assert "No events are planned at the moment." in content
    assert "No past events yet." in content


def test_indonesian_listing_shows_indonesian_events(client, event_tree):
    response = client.get("/id/acara/")
    assert titles(response.context["upcoming"]) == ["Webinar smart city"]
    assert response.context["past"].__len__() == 0


def test_unknown_event_is_404(client, event_tree):
    assert client.get("/en/events/no-such-event/").status_code == 404
    assert client.get("/en/events/webinar/no-such-route/").status_code == 404


def test_draft_event_is_not_public(client, event_tree):
    event_tree.past.unpublish()
    assert client.get("/en/events/kupang-2019/").status_code == 404
    assert "Kupang seminar 2019" not in client.get("/en/events/").content.decode()


def test_event_page_shows_facts_speakers_practices_and_cities(client, event_tree, site_tree):
    practices = build_practice_tree(site_tree)
    speaker = SpeakerFactory(name="Jefri Riwu Kore", title="Mayor of Kupang")
    session = EventSession(
        day=date(2019, 10, 17),
        starts_at=datetime(2019, 1, 1, 9).time(),
        ends_at=datetime(2019, 1, 1, 12).time(),
        title="Best-practice sharing",
        kind="panel",
    )
    session.speakers = [speaker]
    session.practices = [practices.permits, practices.wifi]
    event = event_tree.past
    event.sessions.add(session)
    event.save_revision().publish()
    content = client.get(event.url).content.decode()
    assert "Jefri Riwu Kore" in content and "Mayor of Kupang" in content
    assert f'href="{practices.permits.url}"' in content
    assert "Hotel Aston Kupang" in content
    assert "2 participating member cities" in content
    assert 'href="/en/cities/kupang/"' in content
    assert "Registration is closed." in content

    # The Indonesian page links the Indonesian practices and cities.
    translated = event.copy_for_translation(site_tree.home_id.locale)
    translated.save_revision().publish()
    id_content = client.get(translated.url).content.decode()
    permits_id = practices.permits.get_translation_or_none(site_tree.home_id.locale)
    if permits_id is not None:
        assert f'href="{permits_id.url}"' in id_content
    assert f'href="{site_tree.kupang_id.url}"' in id_content


def test_unpublished_practice_is_not_linked(client, event_tree, site_tree):
    practices = build_practice_tree(site_tree)
    session = event_tree.past.sessions.get()
    session.practices.add(practices.wifi)
    session.save()
    practices.wifi.unpublish()
    assert practices.wifi.title not in client.get(event_tree.past.url).content.decode()


def test_city_page_lists_events_hosted_or_attended(client, event_tree, site_tree):
    kupang = client.get("/en/cities/kupang/").content.decode()
    assert "Smart city webinar" in kupang and "Kupang seminar 2019" in kupang
    sidoarjo = client.get("/en/cities/sidoarjo/").content.decode()
    assert "Kupang seminar 2019" in sidoarjo  # took part
    assert "Smart city webinar" not in sidoarjo
    kupang_id = client.get(site_tree.kupang_id.url).content.decode()
    assert "Webinar smart city" in kupang_id


def test_practice_page_lists_sessions_where_it_was_presented(client, event_tree, site_tree):
    practices = build_practice_tree(site_tree)
    session = event_tree.past.sessions.get()
    session.practices.add(practices.permits)
    session.save()
    content = client.get(practices.permits.url).content.decode()
    assert "Presented at" in content
    assert "Kupang seminar 2019" in content and "Opening plenary" in content
    other = client.get(practices.wifi.url).content.decode()
    assert "Presented at" not in other


def test_home_page_lists_upcoming_events(client, event_tree):
    content = client.get("/en/").content.decode()
    assert "Upcoming events" in content and "Smart city webinar" in content
    assert "Kupang seminar 2019" not in content


def test_event_page_query_count_is_constant(
    client, event_tree, site_tree, django_assert_max_num_queries
):
    practices = build_practice_tree(site_tree)
    event = event_tree.past
    speakers = [SpeakerFactory() for _ in range(3)]

    def add_sessions(count):
        for n in range(count):
            session = EventSession(
                day=date(2019, 10, 16 + n % 3),
                starts_at=datetime(2019, 1, 1, 10 + n % 8).time(),
                ends_at=datetime(2019, 1, 1, 11 + n % 8).time(),
                title=f"Session {n}",
            )
            session.speakers = speakers
            session.practices = [practices.permits, practices.wifi]
            event.sessions.add(session)
        event.save_revision().publish()

    add_sessions(2)
    client.get(event.url)
    with django_assert_max_num_queries(40) as few:
        client.get(event.url)
    budget = len(few.captured_queries)  # read now: the next request clears the query log
    add_sessions(20)
    client.get(event.url)  # the publish emptied the shared caches: refill them, as before
    with django_assert_max_num_queries(budget):
        response = client.get(event.url)
    assert response.content.decode().count("Session ") >= 22


def test_listing_query_count_is_constant(client, event_tree, django_assert_max_num_queries):
    for n in range(3):
        publish_event(
            event_tree.index, title=f"Upcoming {n}", start=timezone.now() + timedelta(days=40 + n)
        )
    client.get("/en/events/")
    with django_assert_max_num_queries(60) as few:
        client.get("/en/events/")
    budget = len(few.captured_queries)  # read now: the next request clears the query log
    for n in range(15):
        publish_event(
            event_tree.index, title=f"Later {n}", start=timezone.now() + timedelta(days=60 + n)
        )
    client.get("/en/events/")  # refill the shared caches the publishes emptied, as before
    with django_assert_max_num_queries(budget):
        client.get("/en/events/")
