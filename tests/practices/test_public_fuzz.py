"""Every public listing, feed and API parameter at once with hostile values: never a 500."""

import pytest

from events.models import Registration
from tests.events.conftest import build_event_tree, registration_data

pytestmark = pytest.mark.django_db

NASTY = ["\x00", "9" * 5000, "-1", "1e9", "ünïcødé", "<svg onload=alert(1)>", "' OR '1'='1", " "]
ENDPOINTS = {
    "/en/practices/": [
        "city",
        "province",
        "dimension",
        "element",
        "tag",
        "sdg",
        "status",
        "year_from",
        "year_to",
        "sort",
        "q",
        "page",
    ],
    "/en/search/": ["q", "kind", "city", "province", "dimension", "tag", "year", "sort", "page"],
    "/id/search/": ["q", "kind", "city", "province", "dimension", "tag", "year", "sort", "page"],
    "/en/search/suggest/": ["q"],
    "/en/cities/": ["province", "kind", "cohort", "membership", "page"],
    "/en/master-plans/": ["province", "cohort", "year", "page"],
    "/en/events/": ["year", "city", "kind", "page"],
    "/en/events/calendar/": ["year"],
    "/en/events/webinar/": ["page"],
    "/en/events/webinar/calendar/": ["page"],
    "/en/practices/feed/": ["city", "dimension"],
    "/en/practices/feed/atom/": ["city", "dimension"],
    "/api/v2/pages/": [
        "type",
        "city",
        "dimension",
        "search",
        "order",
        "limit",
        "offset",
        "fields",
        "locale",
        "child_of",
    ],
}


@pytest.fixture
def public_site(practice_tree, site_tree):
    """Practices, events and the plans listing: every public listing has something to show."""
    from masterplans.models import MasterPlanIndexPage

    index = MasterPlanIndexPage(title="Master plans", slug="master-plans")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    return build_event_tree(site_tree)


@pytest.mark.parametrize("url", list(ENDPOINTS))
@pytest.mark.parametrize("value", NASTY)
def test_hostile_parameters_never_fail(client, public_site, url, value):
    """All parameters at once."""
    query = dict.fromkeys(ENDPOINTS[url], value)
    response = client.get(url, query)
    assert response.status_code < 500, (url, value, response.status_code)
    assert b"<svg onload=alert(1)>" not in response.content


@pytest.mark.parametrize("url", list(ENDPOINTS))
@pytest.mark.parametrize("value", ["\x00", "9" * 5000, " ", "' OR '1'='1"])
def test_each_parameter_alone_never_fails(client, public_site, url, value):
    """One parameter at a time, so an early 400 on one cannot hide a 500 on another."""
    for param in ENDPOINTS[url]:
        query = {param: value}
        if url.startswith("/api/") and param != "type":
            query["type"] = "practices.PracticePage"
        response = client.get(url, query)
        assert response.status_code < 500, (url, param, value, response.status_code)


@pytest.mark.parametrize("value", NASTY)
def test_hostile_registration_posts_never_fail_nor_save(client, public_site, value):
    """Every field of the public registration form at once, then one at a time."""
    fields = list(registration_data())
    response = client.post("/en/events/webinar/register/", dict.fromkeys(fields, value))
    assert response.status_code < 500
    assert b"<svg onload=alert(1)>" not in response.content
    for n, field in enumerate(fields):
        data = {**registration_data(email=f"{n}@example.org"), field: value}
        response = client.post("/en/events/webinar/register/", data)
        assert response.status_code < 500, (field, value)
    # Whatever was accepted is whole and within limits: no NUL, no 5,000-digit names.
    for registration in Registration.objects.all():
        for text in (registration.name, registration.email, registration.organisation):
            assert "\x00" not in text and len(text) <= 254
