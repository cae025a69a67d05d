"""Public registration: window, duplicates, waiting list, cancellation, emails, bad input."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from events.registration_forms import RegistrationForm

from .conftest import add_registration, registration_data

pytestmark = pytest.mark.django_db

REGISTER = "/en/events/webinar/register/"


def register(post, url=REGISTER, **overrides):
    return post(url, registration_data(**overrides), REMOTE_ADDR="10.0.0.1")


def manage_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/registration/\S+/)", message.body).group(1)


def test_registration_confirms_and_emails_a_signed_link(post, client, event_tree):
    response = register(post)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.event == event_tree.upcoming
    assert registration.email == "maria@example.org"
    assert registration.language == "en"
    assert response.status_code == 302
    assert response["Location"].startswith("/en/events/webinar/registration/")

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert b"You are registered" in confirmation.content
    assert b"Confirmed" in confirmation.content

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@example.org"]
    assert "Registration confirmed" in message.subject
    assert manage_link(message) == response["Location"]
    assert "/en/events/webinar/calendar/" in message.body


def test_indonesian_page_registers_for_the_same_seats_in_indonesian(post, client, event_tree):
    response = register(post, url="/id/acara/webinar/register/")
    assert response.status_code == 302
    registration = Registration.objects.get()
    # One set of seats per event: the registration belongs to the original page.
    assert registration.event == event_tree.upcoming
    assert registration.language == "id"
    assert response["Location"].startswith("/id/acara/webinar/registration/")
    assert "Pendaftaran dikonfirmasi" in mail.outbox[0].subject
    assert "/id/acara/webinar/registration/" in mail.outbox[0].body


def test_registration_window(post, client, event_tree):
    event = event_tree.upcoming
    opens, closes = event.registration_opens, event.registration_closes
    with time_machine.travel(opens - timedelta(minutes=1)):
        page = client.get(event.url)
        assert b"Registration opens on" in page.content
        assert b'name="email"' not in page.content
        response = register(post)
        assert response.status_code == 302
        assert Registration.objects.count() == 0
    with time_machine.travel(opens + timedelta(minutes=1)):
        assert b'name="email"' in client.get(event.url).content
        register(post, email="first@example.org")
    with time_machine.travel(closes):
        response = register(post, email="late@example.org")
        assert response.status_code == 302
        assert b"not open" in client.get(response["Location"]).content
    assert list(Registration.objects.values_list("email", flat=True)) == ["first@example.org"]


def test_no_registration_offered_without_opening_time(post, client, event_tree):
    event = event_tree.upcoming
    event.registration_opens = event.registration_closes = None
    event.save_revision().publish()
    assert b"does not take registrations" in client.get(event.url).content
    register(post)
    assert Registration.objects.count() == 0


def test_one_registration_per_email_and_a_clear_answer(post, client, event_tree):
    register(post, email="Maria@Example.org")
    mail.outbox.clear()
    response = register(post, email="  maria@example.ORG ")
    assert response.status_code == 200
    assert b"already registered for this event" in response.content
    assert Registration.objects.count() == 1
    # The owner of the address gets the link again; nobody else sees it.
    assert len(mail.outbox) == 1
    assert b"/registration/" not in response.content


def test_double_submit_keeps_one_registration(post, client, event_tree):
    first = register(post)
    second = register(post)
    assert first.status_code == 302
    assert second.status_code == 200
    assert Registration.objects.count() == 1


def test_full_event_waitlists_and_cancel_promotes_the_first_waiting(post, client, event_tree):
    event = event_tree.upcoming  # 3 seats
    for n in range(5):
        register(post, email=f"p{n}@example.org")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert [statuses[f"p{n}@example.org"] for n in range(5)] == ["confirmed"] * 3 + [
        "waitlisted"
    ] * 2
    assert "Waiting list" in mail.outbox[-1].subject
    page = client.get(event.url)
    assert b"All seats are taken" in page.content

    # p1 cancels through the link in their email: p3 (first waiting) gets the seat.
    link = manage_link(mail.outbox[1])
    mail.outbox.clear()
    shown = client.get(link)
    assert b"Cancel my registration" in shown.content
    assert Registration.objects.get(email="p1@example.org").status == "confirmed"  # GET is safe
    response = post(link, {"action": "cancel"})
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p1@example.org"] == "cancelled"
    assert statuses["p3@example.org"] == "confirmed"
    assert statuses["p4@example.org"] == "waitlisted"
    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "p1@example.org": "Registration cancelled: Smart city webinar",
        "p3@example.org": "A seat is yours: Smart city webinar",
    }
    # Cancelling again changes nothing and promotes nobody else.
    post(link, {"action": "cancel"})
    assert Registration.objects.get(email="p4@example.org").status == "waitlisted"
    assert b"This registration is cancelled" in client.get(link).content


def test_cancelling_a_waitlisted_registration_promotes_nobody(client, event_tree):
    event = event_tree.upcoming
    for n in range(3):
        add_registration(event, f"c{n}@example.org")
    waiting = add_registration(event, "w1@example.org", status="waitlisted")
    later = add_registration(event, "w2@example.org", status="waitlisted")
    client.post(f"{event.url}registration/{waiting.token}/", {"action": "cancel"})
    later.refresh_from_db()
    assert later.status == "waitlisted"
    assert Registration.objects.filter(status="confirmed").count() == 3


def test_more_seats_on_publish_move_people_up_in_order(event_tree):
    event = event_tree.upcoming
    for n in range(3):
        add_registration(event, f"c{n}@example.org")
    first = add_registration(event, "w1@example.org", status="waitlisted")
    second = add_registration(event, "w2@example.org", status="waitlisted")
    event.capacity = 4
    event.save_revision().publish()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")


def test_waiting_position_is_shown(client, event_tree):
    event = event_tree.upcoming
    for n in range(3):
        add_registration(event, f"c{n}@example.org")
    add_registration(event, "w1@example.org", status="waitlisted")
    second = add_registration(event, "w2@example.org", status="waitlisted")
    page = client.get(f"{event.url}registration/{second.token}/")
    assert b"number 2 on the waiting list" in page.content


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1", "1-forged", "1-", "-abc", "x" * 500, "9" * 30 + "-ab"],
)
def test_forged_tokens_are_404(client, event_tree, token):
    add_registration(event_tree.upcoming, "a@example.org")
    assert client.get(f"/en/events/webinar/registration/{token}/").status_code == 404
    assert (
        client.post(f"/en/events/webinar/registration/{token}/", {"action": "cancel"}).status_code
        == 404
    )
    assert Registration.objects.get().status == "confirmed"


def test_a_token_of_another_event_is_404(client, event_tree):
    registration = add_registration(event_tree.past, "a@example.org")
    url = f"/en/events/webinar/registration/{registration.token}/"
    assert client.get(url).status_code == 404
    # On its own event (and that event's translation) the same token works.
    assert (
        client.get(f"/en/events/kupang-2019/registration/{registration.token}/").status_code == 200
    )


def test_unknown_action_is_404_and_changes_nothing(client, event_tree):
    registration = add_registration(event_tree.upcoming, "a@example.org")
    url = f"/en/events/webinar/registration/{registration.token}/"
    assert client.post(url, {"action": "delete"}).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_get_on_register_redirects_to_the_form(client, event_tree):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"] == "/en/events/webinar/#register"


# Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "x" * 151}, "name"),
        ({"name": ""}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a@" + "b" * 300 + ".org"}, "email"),
        ({"organisation": "o" * 201}, "organisation"),
        ({"role": "r" * 151}, "role"),
        ({"needs": "n" * 1001}, "needs"),
        ({"city": "99999999"}, "city"),
        ({"city": "kupang"}, "city"),
        ({"city": "9" * 40}, "city"),
        ({"city": "", "other_city": ""}, "other_city"),
        ({"other_city": "c" * 151}, "other_city"),
        ({"website": "http://spam.example"}, "website"),
    ],
)
def test_bad_input_gives_form_errors_and_saves_nothing(post, client, event_tree, overrides, field):
    response = register(post, **overrides)
    assert response.status_code == 200
    form = response.context["registration_form"]
    assert field in form.errors
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_city_of_another_language_or_unpublished_is_refused(post, client, event_tree, site_tree):
    # The English page lists English member cities: an Indonesian page's id is forged input.
    response = register(post, city=str(site_tree.kupang_id.pk))
    assert "city" in response.context["registration_form"].errors
    site_tree.sidoarjo.unpublish()
    response = register(post, city=str(site_tree.sidoarjo.pk))
    assert "city" in response.context["registration_form"].errors
    assert Registration.objects.count() == 0
    ok = register(post, city=str(site_tree.kupang.pk))
    assert ok.status_code == 302
    assert Registration.objects.get().city == site_tree.kupang


def test_wrong_types_in_post(client, event_tree):
    data = registration_data()
    data["email"] = ["a@example.org", "b@example.org"]
    data["city"] = ["1", "2"]
    response = client.post(REGISTER, data)
    assert response.status_code in (200, 302)
    assert Registration.objects.count() <= 1


def test_missing_csrf_token_is_refused_and_saves_nothing(event_tree):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(REGISTER, registration_data())
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_form_is_cacheable_and_honeypot_hidden_from_people(client, event_tree):
    content = client.get(event_tree.upcoming.url).content.decode()
    # No token: the page is cached for everyone; the POST's origin is checked instead
    # (tests/citynet/test_page_cache.py).
    assert 'name="csrfmiddlewaretoken"' not in content
    assert re.search(r'<div class="hp" aria-hidden="true">.*?name="website"', content, re.S)


def test_rate_limit_per_address(post, client, event_tree, settings):
    settings.EVENTS_REGISTRATION_RATE = (3, 3600)
    for n in range(3):
        assert register(post, email=f"r{n}@example.org").status_code == 302
    blocked = register(post, email="r9@example.org")
    assert blocked.status_code == 429
    assert b"Too many registration attempts" in blocked.content
    assert not Registration.objects.filter(email="r9@example.org").exists()
    # Another address is not affected.
    other = post(REGISTER, registration_data(email="x@example.org"), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def test_form_cities_are_live_member_cities_of_the_language(site_tree):
    form = RegistrationForm(locale_id=site_tree.kupang_id.locale_id)
    assert set(form.fields["city"].queryset) == {site_tree.kupang_id, site_tree.sidoarjo_id}


def test_unlimited_capacity_confirms_everyone(post, client, event_tree):
    event = event_tree.upcoming
    event.capacity = None
    event.save_revision().publish()
    for n in range(5):
        register(post, email=f"u{n}@example.org")
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}


def test_registration_closes_at_event_start_by_default(post, client, event_tree):
    event = event_tree.upcoming
    event.registration_closes = None
    event.save_revision().publish()
    with time_machine.travel(event.start + timedelta(seconds=1)):
        register(post)
    assert Registration.objects.count() == 0
    with time_machine.travel(event.start - timedelta(seconds=60)):
        register(post)
    assert Registration.objects.count() == 1


def test_registration_time_is_recorded(post, client, event_tree):
    before = timezone.now()
    register(post)
    assert Registration.objects.get().created_at >= before
