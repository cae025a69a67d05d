"""Events in the admin: the event form (times in the event's zone, agenda checks), and the
registration tools with their promise: a city's editors see only their own city's
registrants for events their city hosts, and change nothing."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import EventPage, Registration, Speaker

from ..conftest import make_user
from .conftest import add_registration

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    values = {
        "title": "Smart city workshop",
        "slug": "workshop",
        "kind": "workshop",
        "theme": "",
        "time_zone": "Asia/Makassar",
        "start": "2030-10-16 09:00",
        "end": "2030-10-17 17:00",
        "venue": "Hotel Aston Kupang",
        "address": "",
        "online_url": "",
        "host_city": "",
        "organiser": "Citynet Indonesia",
        "description": rich_text("<p>About.</p>"),
        "capacity": "40",
        "registration_opens": "2030-09-01 08:00",
        "registration_closes": "2030-10-14 17:00",
        "summary": rich_text(""),
        "sessions": inline_formset(
            [
                {
                    "day": "2030-10-16",
                    "starts_at": "09:00",
                    "ends_at": "10:30",
                    "title": "Opening",
                    "kind": "plenary",
                    "room": "Ballroom",
                    "description": "",
                }
            ]
        ),
        "materials": inline_formset([]),
        "comments": inline_formset([]),
    }
    sessions = overrides.pop("sessions", None)
    if sessions is not None:
        values["sessions"] = inline_formset(sessions)
    values.update(overrides)
    multi = {"participating_cities": values.pop("participating_cities", [])}
    data = {**nested_form_data(values), **multi}
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", parent.pk])


def test_secretariat_creates_an_event_in_its_own_time_zone(
    secretariat_client, event_tree, site_tree
):
    data = event_form(host_city=site_tree.kupang.pk, participating_cities=[site_tree.sidoarjo.pk])
    response = secretariat_client.post(add_url(event_tree.index), data)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="workshop")
    # 09:00 WITA typed; 01:00 UTC stored.
    assert event.start.astimezone(UTC) == datetime(2030, 10, 16, 1, 0, tzinfo=UTC)
    assert event.registration_closes.astimezone(UTC) == datetime(2030, 10, 14, 9, 0, tzinfo=UTC)
    assert event.host_city == site_tree.kupang
    session = event.sessions.get()
    assert session.start.astimezone(UTC) == datetime(2030, 10, 16, 1, 0, tzinfo=UTC)

    # The edit form shows the times back in the event's zone.
    edit = secretariat_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert edit.context["form"].initial["start"] == datetime(2030, 10, 16, 9, 0)
    assert 'value="2030-10-16 09:00"' in edit.content.decode()


def test_changing_the_zone_keeps_the_wall_clock_times(secretariat_client, event_tree):
    secretariat_client.post(add_url(event_tree.index), event_form())
    event = EventPage.objects.get(slug="workshop")
    data = event_form(time_zone="Asia/Jakarta")
    secretariat_client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    event.refresh_from_db()
    assert event.start.astimezone(UTC) == datetime(2030, 10, 16, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end": "2030-10-16 08:00"}, "end", "must end after it starts"),
        ({"registration_closes": "2030-08-01 08:00"}, "registration_closes", "close after"),
        (
            {"registration_closes": "2030-10-20 08:00"},
            "registration_closes",
            "before the event ends",
        ),
        ({"registration_opens": ""}, "registration_opens", "Set when registration opens"),
        ({"kind": "webinar", "venue": ""}, "online_url", "needs its online link"),
        ({"capacity": "-1"}, "capacity", ""),
        ({"capacity": "100001"}, "capacity", ""),
        ({"capacity": "9" * 30}, "capacity", ""),
        ({"capacity": "many"}, "capacity", ""),
        ({"start": "yesterday"}, "start", ""),
        ({"time_zone": "Mars/Olympus"}, "time_zone", ""),
        ({"host_city": "99999999"}, "host_city", ""),
    ],
)
def test_event_form_errors(secretariat_client, event_tree, overrides, field, message):
    response = secretariat_client.post(
        add_url(event_tree.index), {**event_form(**overrides), "action-publish": "action-publish"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert not EventPage.objects.filter(slug="workshop").exists()


@pytest.mark.parametrize(
    ("session", "field"),
    [
        ({"day": "2030-10-20"}, "day"),
        ({"day": "2030-10-15"}, "day"),
        ({"ends_at": "08:00"}, "ends_at"),
        ({"starts_at": "25:00"}, "starts_at"),
        ({"title": ""}, "title"),
    ],
)
def test_session_errors(secretariat_client, event_tree, session, field):
    row = {
        "day": "2030-10-16",
        "starts_at": "09:00",
        "ends_at": "10:30",
        "title": "Opening",
        "kind": "plenary",
        "room": "",
        "description": "",
        **session,
    }
    response = secretariat_client.post(
        add_url(event_tree.index),
        {**event_form(sessions=[row]), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    [session_form] = response.context["form"].formsets["sessions"].forms
    assert field in session_form.errors
    assert not EventPage.objects.filter(slug="workshop").exists()


def test_city_editors_cannot_create_events(kupang_client, event_tree):
    response = kupang_client.get(add_url(event_tree.index))
    assert response.status_code in (302, 403)
    response = kupang_client.post(add_url(event_tree.index), event_form())
    assert response.status_code in (302, 403)
    assert not EventPage.objects.filter(slug="workshop").exists()


def test_speakers_are_the_secretariats(secretariat_client, db):
    url = reverse("wagtailsnippets_events_speaker:add")
    response = secretariat_client.post(
        url,
        {
            "name": "Jefri Riwu Kore",
            "title": "Mayor",
            "organisation": "",
            "city": "",
            "photo": "",
            "bio": "",
        },
    )
    assert response.status_code == 302
    assert Speaker.objects.filter(name="Jefri Riwu Kore").exists()


def test_city_editors_cannot_manage_speakers(editor_kupang, client):
    client.force_login(editor_kupang)
    assert client.get(reverse("wagtailsnippets_events_speaker:add")).status_code in (302, 403)


# Registrations ---------------------------------------------------------------------------


@pytest.fixture
def registrations(event_tree, site_tree):
    """Kupang hosts both events. Registrants from Kupang, Sidoarjo and elsewhere."""
    upcoming, past = event_tree.upcoming, event_tree.past
    return {
        "kupang_up": add_registration(upcoming, "k1@example.org", city=site_tree.kupang),
        "kupang_id": add_registration(upcoming, "k2@example.org", city=site_tree.kupang_id),
        "sidoarjo_up": add_registration(upcoming, "s1@example.org", city=site_tree.sidoarjo),
        "other_up": add_registration(upcoming, "o1@example.org", other_city="Kota Ende"),
        "kupang_past": add_registration(past, "k3@example.org", city=site_tree.kupang),
        "sidoarjo_past": add_registration(
            past, "s2@example.org", city=site_tree.sidoarjo, status="waitlisted"
        ),
    }


def start_event(event):
    """The event began an hour ago (moving the clock instead would expire the login)."""
    event.start = timezone.now() - timedelta(hours=1)
    event.save(update_fields=["start"])


def listed_emails(response):
    assert response.status_code == 200
    return {r.email for r in response.context["object_list"]}


def test_secretariat_sees_every_registration(secretariat_client, registrations):
    assert listed_emails(secretariat_client.get(reverse("events_registration:index"))) == {
        r.email for r in registrations.values()
    }


def test_kupang_editor_sees_kupang_registrants_of_kupang_events(kupang_client, registrations):
    emails = listed_emails(kupang_client.get(reverse("events_registration:index")))
    assert emails == {"k1@example.org", "k2@example.org", "k3@example.org"}


def test_sidoarjo_editor_sees_nothing_of_events_sidoarjo_does_not_host(
    client, editor_sidoarjo, registrations
):
    client.force_login(editor_sidoarjo)
    assert listed_emails(client.get(reverse("events_registration:index"))) == set()
    for registration in registrations.values():
        for view in ("inspect", "edit", "delete"):
            url = reverse(f"events_registration:{view}", args=[registration.pk])
            response = client.get(url)
            # Wagtail answers a permission refusal with a redirect to the dashboard.
            assert response.status_code in (302, 403, 404), (view, registration.email)
            assert registration.email.encode() not in response.content
    assert (
        client.get(
            reverse("events_attendance", args=[registrations["kupang_up"].event_id])
        ).status_code
        == 404
    )
    export = client.get(reverse("events_registration:index") + "?export=csv")
    exported = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"k1@example.org" not in exported and b"s1@example.org" not in exported


def test_editor_cannot_change_or_delete_even_own_city_registrants(kupang_client, registrations):
    registration = registrations["kupang_up"]
    edit = reverse("events_registration:edit", args=[registration.pk])
    delete = reverse("events_registration:delete", args=[registration.pk])
    assert kupang_client.get(edit).status_code in (302, 403)
    assert kupang_client.post(edit, {"attended": "true"}).status_code in (302, 403)
    assert kupang_client.post(delete).status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.attended is None
    inspect = kupang_client.get(reverse("events_registration:inspect", args=[registration.pk]))
    assert inspect.status_code == 200
    other = registrations["sidoarjo_up"]
    assert (
        kupang_client.get(reverse("events_registration:inspect", args=[other.pk])).status_code
        == 404
    )


def test_user_without_city_or_role_is_refused(client, registrations):
    client.force_login(make_user("nobody"))
    assert client.get(reverse("events_registration:index")).status_code in (302, 403)
    url = reverse("events_attendance", args=[registrations["kupang_up"].event_id])
    assert client.get(url).status_code in (302, 403)


def test_filters_by_status_city_and_event(secretariat_client, registrations, site_tree, event_tree):
    index = reverse("events_registration:index")
    assert listed_emails(secretariat_client.get(index, {"status": "waitlisted"})) == {
        "s2@example.org"
    }
    assert listed_emails(secretariat_client.get(index, {"city": site_tree.sidoarjo.pk})) == {
        "s1@example.org",
        "s2@example.org",
    }
    assert listed_emails(secretariat_client.get(index, {"event": event_tree.past.pk})) == {
        "k3@example.org",
        "s2@example.org",
    }
    # Unknown filter values do not fail.
    assert (
        secretariat_client.get(
            index, {"status": "nope", "city": "x", "event": "9" * 30}
        ).status_code
        < 500
    )


def test_csv_export(secretariat_client, registrations, event_tree):
    response = secretariat_client.get(
        reverse("events_registration:index"), {"export": "csv", "event": event_tree.past.pk}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Email"] for row in rows] == ["k3@example.org", "s2@example.org"]
    assert rows[0]["City"] == "Kota Kupang"
    assert rows[0]["Event"] == "Kupang seminar 2019"
    assert rows[1]["Status"] == "Waiting list"


def test_attendance_counts_per_city(secretariat_client, registrations, event_tree):
    response = secretariat_client.get(reverse("events_attendance", args=[event_tree.upcoming.pk]))
    assert response.status_code == 200
    rows = {row["city"]: row for row in response.context["rows"]}
    # Both Kupang registrants count, whichever language's city page they chose.
    assert rows["Kota Kupang"]["confirmed"] == 2
    assert rows["Kabupaten Sidoarjo"]["confirmed"] == 1
    assert rows["Kota Ende"]["confirmed"] == 1
    assert response.context["totals"]["confirmed"] == 4


def test_attendance_is_marked_after_the_event_begins(secretariat_client, registrations, event_tree):
    event = event_tree.upcoming
    url = reverse("events_attendance", args=[event.pk])
    present = [registrations["kupang_up"].pk, registrations["other_up"].pk]
    before = secretariat_client.post(url, {"attended": present})
    assert before.status_code == 302
    assert not Registration.objects.filter(attended=True).exists()
    start_event(event)
    page = secretariat_client.get(url)
    assert page.context["can_mark"]
    response = secretariat_client.post(
        url, {"attended": [*present, "x", "9" * 40, registrations["kupang_past"].pk]}
    )
    assert response.status_code == 302
    marked = dict(Registration.objects.filter(event=event).values_list("email", "attended"))
    assert marked == {
        "k1@example.org": True,
        "k2@example.org": False,
        "s1@example.org": False,
        "o1@example.org": True,
    }
    # Another event's registration posted alongside is untouched.
    assert Registration.objects.get(email="k3@example.org").attended is None
    rows = {row["city"]: row for row in secretariat_client.get(url).context["rows"]}
    assert rows["Kota Kupang"]["attended"] == 1


def test_kupang_editor_sees_own_attendance_but_cannot_mark(
    kupang_client, registrations, event_tree
):
    event = event_tree.upcoming
    url = reverse("events_attendance", args=[event.pk])
    start_event(event)
    response = kupang_client.get(url)
    assert response.status_code == 200
    assert {row["city"] for row in response.context["rows"]} == {"Kota Kupang"}
    assert not response.context["can_mark"]
    refused = kupang_client.post(url, {"attended": [registrations["kupang_up"].pk]})
    assert refused.status_code in (302, 403)
    assert not Registration.objects.filter(attended=True).exists()


def test_attendance_for_unknown_event_is_404(secretariat_client, db):
    assert secretariat_client.get(reverse("events_attendance", args=[999999])).status_code == 404


def test_secretariat_marks_attendance_through_the_edit_form(secretariat_client, registrations):
    registration = registrations["kupang_up"]
    url = reverse("events_registration:edit", args=[registration.pk])
    response = secretariat_client.post(
        url, {"attended": "true", "status": "cancelled", "email": "x@y.z"}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    # Only attendance is editable here; status and email stay.
    assert (registration.attended, registration.status, registration.email) == (
        True,
        "confirmed",
        "k1@example.org",
    )


def test_registrations_cannot_be_added_in_the_admin(secretariat_client, db):
    assert secretariat_client.get("/admin/events/registration/new/").status_code in (302, 403, 404)


def test_event_listing_offers_attendance(secretariat_client, event_tree):
    response = secretariat_client.get(reverse("wagtailadmin_explore", args=[event_tree.index.pk]))
    assert reverse("events_attendance", args=[event_tree.upcoming.pk]) in response.content.decode()


def test_city_choices_are_those_of_the_page_language(secretariat_client, event_tree, site_tree):
    form = secretariat_client.get(add_url(event_tree.index)).context["form"]
    expected = {site_tree.kupang, site_tree.sidoarjo}
    assert set(form.fields["host_city"].queryset) == expected
    assert set(form.fields["participating_cities"].queryset) == expected
    # Editing a translation keeps the (English) cities it was copied with.
    edit = reverse("wagtailadmin_pages:edit", args=[event_tree.upcoming_id.pk])
    form = secretariat_client.get(edit).context["form"]
    assert site_tree.kupang in set(form.fields["host_city"].queryset)
    assert site_tree.kupang_id in set(form.fields["host_city"].queryset)
