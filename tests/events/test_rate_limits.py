"""Registration attempts are counted per client by django-ratelimit in the shared cache."""

import pytest
from django.test import RequestFactory

from events.models import Registration
from events.rate_limits import client_ip, registration_rate

from .conftest import registration_data

pytestmark = pytest.mark.django_db

REGISTER = "/en/events/webinar/register/"


def attempt(post, n, **meta):
    return post(REGISTER, registration_data(email=f"r{n}@example.org"), **meta)


def test_rate_comes_from_settings(settings):
    settings.EVENTS_REGISTRATION_RATE = (7, 600)
    assert registration_rate() == "7/600s"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("203.0.113.9, 10.0.0.1", "203.0.113.9"),
        ("2001:db8::1", "2001:db8::1"),
        ("not-an-address", "10.0.0.1"),  # forged header: REMOTE_ADDR, never a 500
        ("", "10.0.0.1"),
        ("1" * 5000, "10.0.0.1"),
    ],
)
def test_client_ip_from_proxy_header(settings, header, expected):
    settings.EVENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = RequestFactory().post("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == expected


def test_header_ignored_unless_configured(settings):
    settings.EVENTS_CLIENT_IP_HEADER = ""
    request = RequestFactory().post("/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"


def test_limit_counts_per_forwarded_client(post, event_tree, settings):
    settings.EVENTS_REGISTRATION_RATE = (2, 3600)
    settings.EVENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    behind_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert attempt(post, 1, HTTP_X_FORWARDED_FOR="198.51.100.1", **behind_proxy).status_code == 302
    assert attempt(post, 2, HTTP_X_FORWARDED_FOR="198.51.100.1", **behind_proxy).status_code == 302
    blocked = attempt(post, 3, HTTP_X_FORWARDED_FOR="198.51.100.1", **behind_proxy)
    assert blocked.status_code == 429
    # Another client behind the same proxy still gets through.
    assert attempt(post, 4, HTTP_X_FORWARDED_FOR="198.51.100.2", **behind_proxy).status_code == 302
    assert not Registration.objects.filter(email="r3@example.org").exists()
    assert Registration.objects.count() == 3


def test_ipv6_clients_counted_per_network(post, event_tree, settings):
    """One household's /64 gets one allowance, not one per address it can pick."""
    settings.EVENTS_REGISTRATION_RATE = (1, 3600)
    assert attempt(post, 1, REMOTE_ADDR="2001:db8:1:2::10").status_code == 302
    assert attempt(post, 2, REMOTE_ADDR="2001:db8:1:2::11").status_code == 429
    assert attempt(post, 3, REMOTE_ADDR="2001:db8:1:3::10").status_code == 302
