"""The demo events: the Kupang 2019 seminar as reported, and one webinar open for
registration, in both languages."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from events.models import EventPage, RegistrationState, Speaker

pytestmark = pytest.mark.django_db


def test_demo_has_the_kupang_seminar_and_an_open_webinar(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)
    seminar = EventPage.objects.get(
        slug="kupang-2019-smart-city-strategy", locale__language_code="en"
    )
    assert seminar.theme == "Strategi Pengembangan Smart City"
    assert seminar.venue == "Hotel Aston Kupang"
    assert seminar.time_zone == "Asia/Makassar"
    assert seminar.host_city.slug == "kupang"
    assert seminar.local_start.date().isoformat() == "2019-10-16"
    assert seminar.local_end.date().isoformat() == "2019-10-18"
    assert seminar.participating_cities.count() == 23
    agenda = seminar.agenda()
    assert len(agenda) == 3  # three days
    kinds = {session.kind for _day, sessions in agenda for session in sessions}
    assert {"press_conference", "plenary", "panel", "site_visit"} <= kinds
    presented = {p.slug for _d, sessions in agenda for s in sessions for p in s.practices.all()}
    assert {"online-permitting", "managed-public-wifi"} <= presented
    assert Speaker.objects.filter(name="Jefri Riwu Kore", title="Mayor of Kupang").exists()
    assert "smart city" in seminar.summary.lower()
    assert seminar.materials.count() >= 2
    assert "Sample content" in seminar.description
    # The press conference was on the 16th, in the afternoon (WITA).
    press = next(s for _d, ss in agenda for s in ss if s.kind == "press_conference")
    assert press.start.astimezone(UTC) == datetime(2019, 10, 16, 8, 0, tzinfo=UTC)

    seminar_id = seminar.get_translation(Locale.objects.get(language_code="id"))
    assert seminar_id.live and seminar_id.specific.sessions.count() == 6
    page = client.get(seminar_id.url).content.decode()
    assert "Konferensi pers" in page and "Kota Kupang" in page

    webinar = EventPage.objects.get(slug="master-plan-webinar", locale__language_code="en")
    assert webinar.registration_state() == RegistrationState.OPEN
    assert webinar.kind == "webinar" and webinar.online_url
    assert client.get("/en/events/").context["upcoming"][0].pk == webinar.pk
    assert client.get(seminar.url).status_code == 200
    assert client.get("/en/cities/kupang/").content.decode().count(seminar.title) == 1

    before = (EventPage.objects.count(), Speaker.objects.count())
    call_command("load_demo_data", verbosity=0)
    assert (EventPage.objects.count(), Speaker.objects.count()) == before
