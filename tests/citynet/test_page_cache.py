"""Issue 17, items 2, 3 and 5: the anonymous page cache, HTTP caching and compression.

The cache is the per-process memory cache here; tests/cluster/smoke.py checks the same
invalidation across two gunicorn servers sharing Redis.
"""

import gzip
import re
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import brotli
import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from citynet.models import Dimension
from events.models import Registration
from tests.events.conftest import build_event_tree, registration_data
from tests.practices.conftest import build_practice_tree

pytestmark = pytest.mark.django_db

STATUS = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Off elsewhere in the tests (they read each response's context)."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def tree(site_tree):
    return build_practice_tree(site_tree)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what would happen at commit (cache invalidation): tests never commit."""

    def _commit():
        return django_capture_on_commit_callbacks(execute=True)

    return _commit


def get(client, url, **headers):
    return client.get(url, **headers)


def publish(page, commit, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with commit():
        page.save_revision().publish()


def test_second_anonymous_request_is_a_hit_with_the_same_page(client, tree):
    url = tree.wifi.url
    first = get(client, url)
    second = get(client, url)
    assert (first[STATUS], second[STATUS]) == ("miss", "hit")
    assert first.content == second.content
    assert "Public Wi-Fi" in second.content.decode()
    assert second["Content-Type"].startswith("text/html")


def test_keys_on_query_string_and_language(client, tree, site_tree):
    assert get(client, "/en/practices/")[STATUS] == "miss"
    filtered = get(client, "/en/practices/?city=kupang")
    assert filtered[STATUS] == "miss", "another filter state is another page"
    assert "Online permits" not in filtered.content.decode()
    assert get(client, "/en/practices/?city=kupang")[STATUS] == "hit"
    assert get(client, "/id/")[STATUS] == "miss"
    assert get(client, "/en/")[STATUS] == "miss"


def test_tracking_parameters_and_parameter_order_make_no_new_copy(client, tree):
    """A link shared with utm_* or a click id is one copy, and nobody's click id is in it."""
    first = get(client, "/en/practices/?city=kupang&status=pilot&utm_source=whatsapp&fbclid=AbC1")
    assert first[STATUS] == "miss"
    assert "AbC1" not in first.content.decode() and "whatsapp" not in first.content.decode()
    for again in (
        "/en/practices/?city=kupang&status=pilot",
        "/en/practices/?status=pilot&city=kupang",
        "/en/practices/?fbclid=Zz9&city=kupang&utm_campaign=seminar&status=pilot",
    ):
        response = get(client, again)
        assert response[STATUS] == "hit", again
        assert response.content == first.content
    assert get(client, "/en/practices/?city=sidoarjo&status=pilot")[STATUS] == "miss"
    # Values of one parameter keep their order (a page may read them in order).
    assert get(client, "/en/practices/?tag=online&tag=wifi")[STATUS] == "miss"
    assert get(client, "/en/practices/?tag=wifi&tag=online")[STATUS] == "miss"


def test_publish_shows_on_page_city_listing_and_home_at_once(client, tree, site_tree, commit):
    pages = [tree.wifi.url, site_tree.kupang.url, "/en/practices/", "/en/"]
    for url in pages:
        get(client, url)
        assert get(client, url)[STATUS] == "hit"
    publish(tree.wifi, commit, title="Free public Wi-Fi in every kelurahan")
    for url in pages:
        response = get(client, url)
        assert response[STATUS] == "miss", url
        assert "Free public Wi-Fi in every kelurahan" in response.content.decode(), url


def test_unpublish_move_and_delete_empty_the_cache(client, tree, site_tree, commit):
    url = site_tree.kupang.url
    get(client, url)
    with commit():
        tree.wifi.unpublish()
    response = get(client, url)
    assert response[STATUS] == "miss" and "Public Wi-Fi" not in response.content.decode()
    get(client, url)
    with commit():
        tree.padi.move(site_tree.sidoarjo, pos="last-child")
    assert get(client, url)[STATUS] == "miss"
    get(client, "/en/practices/")
    with commit():
        tree.permits.delete()
    response = get(client, "/en/practices/")
    assert response[STATUS] == "miss" and "Online permits" not in response.content.decode()


def test_snippet_change_empties_the_cache(client, tree, commit):
    url = tree.wifi.url
    get(client, url)
    dimension = Dimension.objects.get(slug="smart-society")
    with commit():
        dimension.name_en = "Smart Society and Culture"
        dimension.save()
    response = get(client, url)
    assert response[STATUS] == "miss"
    assert "Smart Society and Culture" in response.content.decode()


def test_a_view_restriction_makes_a_cached_page_private(client, tree, commit):
    url = tree.wifi.url
    get(client, url)
    with commit():
        PageViewRestriction.objects.create(page=tree.wifi, restriction_type="login")
    response = get(client, url)
    assert response.status_code == 302 and STATUS in response
    assert response[STATUS] == "bypass"


def test_draft_saves_leave_the_cache_alone(client, tree, commit):
    url = tree.wifi.url
    get(client, url)
    tree.wifi.title = "A draft title"
    with commit():
        tree.wifi.save_revision()
    response = get(client, url)
    assert response[STATUS] == "hit" and "A draft title" not in response.content.decode()


def test_signed_in_pages_are_never_stored_or_served_from_the_cache(client, tree, editor_kupang):
    url = tree.wifi.url
    get(client, url)  # an anonymous copy exists
    signed_in = Client()
    signed_in.force_login(editor_kupang)
    response = signed_in.get(url)
    assert response[STATUS] == "bypass"
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    assert "Content-Encoding" not in response
    # Nothing the editor saw was stored: the anonymous copy is still the anonymous one.
    anonymous = get(client, url)
    assert anonymous[STATUS] == "hit"
    assert "editor.kupang" not in anonymous.content.decode()


def test_previews_are_never_stored(client, tree, editor_kupang):
    editor = Client()
    editor.force_login(editor_kupang)
    preview_url = f"/admin/pages/{tree.wifi.pk}/edit/preview/"
    data = {"title": "Preview title only", "slug": "public-wifi"}
    editor.post(preview_url, data)
    preview = editor.get(preview_url)
    assert preview.status_code == 200
    assert "public" not in preview.get("Cache-Control", "")
    response = get(client, tree.wifi.url)
    assert response[STATUS] == "miss" and "Preview title only" not in response.content.decode()


def test_session_and_message_cookies_bypass_the_cache(client, tree):
    url = tree.wifi.url
    get(client, url)
    client.cookies["sessionid"] = "whatever"
    assert get(client, url)[STATUS] == "bypass"
    del client.cookies["sessionid"]
    client.cookies["messages"] = "a message"
    assert get(client, url)[STATUS] == "bypass"


def test_root_redirect_varies_by_browser_language(client, site_tree):
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    indonesian = client.get("/", HTTP_ACCEPT_LANGUAGE="id")
    assert (english["Location"], indonesian["Location"]) == ("/en/", "/id/")
    assert "Accept-Language" in english["Vary"]
    assert "public" not in english.get("Cache-Control", "")


# Events: registration from a cached page ------------------------------------------------


@pytest.fixture
def events(site_tree):
    return build_event_tree(site_tree)


def form_of(html):
    action = re.search(r'<form method="post" action="([^"]+/register/)"', html).group(1)
    return action, "csrfmiddlewaretoken" in html


def test_registration_from_a_cached_event_page_succeeds(events, commit):
    browser = Client(enforce_csrf_checks=True)
    browser.get(events.upcoming.url)
    cached = browser.get(events.upcoming.url)
    assert cached[STATUS] == "hit"
    action, has_token = form_of(cached.content.decode())
    assert not has_token, "a cached page carries no token"
    with commit():
        response = browser.post(
            action, registration_data(), HTTP_ORIGIN="http://testserver", REMOTE_ADDR="10.0.0.9"
        )
    assert response.status_code == 302, response.content[:300]
    assert Registration.objects.filter(email="maria@example.org").exists()
    assert "private" in response["Cache-Control"]
    assert browser.get(events.upcoming.url)[STATUS] == "bypass", "it has a message to show"
    # The event page's seats changed: its copy is gone, other pages stay cached.
    anonymous = Client()
    assert anonymous.get(events.upcoming.url)[STATUS] == "miss"


def test_registration_from_another_site_or_without_origin_is_refused(events):
    browser = Client(enforce_csrf_checks=True)
    action, _ = form_of(browser.get(events.upcoming.url).content.decode())
    foreign = browser.post(action, registration_data(), HTTP_ORIGIN="https://evil.example")
    assert foreign.status_code == 403
    foreign_referer = browser.post(
        action, registration_data(), HTTP_REFERER="https://evil.example/x"
    )
    assert foreign_referer.status_code == 403
    assert browser.post(action, registration_data()).status_code == 403
    same_referer = browser.post(
        action, registration_data(), HTTP_REFERER=f"http://testserver{events.upcoming.url}"
    )
    assert same_referer.status_code == 302
    assert Registration.objects.count() == 1


def test_a_form_with_errors_is_never_stored(client, events):
    url = events.upcoming.url
    action, _ = form_of(get(client, url).content.decode())
    invalid = client.post(action, registration_data(email="not-an-email"))
    assert invalid.status_code == 200 and STATUS not in invalid or invalid[STATUS] != "hit"
    assert "public" not in invalid.get("Cache-Control", "")
    response = get(client, url)
    assert response[STATUS] == "hit"
    assert "not-an-email" not in response.content.decode()


# HTTP caching --------------------------------------------------------------------------


def test_public_pages_say_how_long_shared_caches_may_keep_them(client, tree):
    response = get(client, tree.wifi.url)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "stale-while-revalidate=60"} <= directives
    assert response["ETag"]


@pytest.mark.parametrize("warm", [False, True])
def test_conditional_requests_get_304(client, tree, warm):
    url = "/en/practices/"
    etag = get(client, url)["ETag"]
    if not warm:
        from django.core.cache import cache

        cache.clear()
    response = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert get(client, url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_personal_pages_are_private_and_never_stored(client, editor_kupang, site_tree):
    client.force_login(editor_kupang)
    response = client.get("/admin/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert STATUS not in response


# Compression ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, encoding, decompress",
    [("gzip", "gzip", gzip.decompress), ("gzip, deflate, br", "br", brotli.decompress)],
)
def test_public_pages_are_compressed_and_cached_compressed(
    client, tree, accept, encoding, decompress
):
    plain = get(client, "/en/practices/").content
    first = get(client, "/en/practices/", HTTP_ACCEPT_ENCODING=accept)
    cached = get(client, "/en/practices/", HTTP_ACCEPT_ENCODING=accept)
    assert first[STATUS] == "miss", "each encoding has its own copy"
    assert cached[STATUS] == "hit"
    for response in (first, cached):
        assert response["Content-Encoding"] == encoding
        assert decompress(response.content) == plain
        assert "Accept-Encoding" in response["Vary"]


def test_public_json_and_feeds_are_compressed(client, tree):
    for url in ("/en/practices/feed/", "/api/v2/pages/?type=practices.PracticePage"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url


def test_responses_with_a_token_are_never_compressed(client, editor_kupang, site_tree):
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert b"csrfmiddlewaretoken" in login.content
    assert "Content-Encoding" not in login
    client.force_login(editor_kupang)
    for url in ("/admin/", site_tree.kupang.url):
        assert "Content-Encoding" not in client.get(url, HTTP_ACCEPT_ENCODING="gzip, br"), url


# The CDN or proxy in front -------------------------------------------------------------


class PurgeLog(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeLog.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_publishing_purges_the_page_and_the_pages_above_it(settings, tree, site_tree, commit):
    server = HTTPServer(("127.0.0.1", 0), PurgeLog)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeLog.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        publish(tree.wifi, commit, title="Wi-Fi for every kelurahan")
    finally:
        server.shutdown()
    paths = {path for _host, path in PurgeLog.purged}
    for url in (tree.wifi.url, site_tree.kupang.url, "/en/"):
        assert url in paths
        assert "/id/" + url.removeprefix("/en/") in paths, "every language is purged"


# Pages that change with the clock ---------------------------------------------------------


def test_an_event_page_is_not_kept_past_its_registration_closing(client, events, commit):
    import time_machine
    from django.utils import timezone

    closing = timezone.now() + timedelta(minutes=5)
    publish(events.upcoming, commit, registration_closes=closing)
    url = events.upcoming.url
    assert get(client, url)[STATUS] == "miss"
    assert get(client, url)[STATUS] == "hit"
    with time_machine.travel(closing + timedelta(seconds=1), tick=False):
        after = get(client, url)
        assert after[STATUS] == "miss"  # the 600 s copy would still say "open"
        assert "registration-form" not in after.content.decode()


def running_until(event, commit, minutes):
    """Publish `event` as running now (registration closed) and ending in `minutes`."""
    from django.utils import timezone

    now = timezone.now()
    ending = now + timedelta(minutes=minutes)
    publish(
        event,
        commit,
        registration_opens=now - timedelta(days=2),
        registration_closes=now - timedelta(days=1),
        start=now - timedelta(hours=1),
        end=ending,
    )
    return ending


def test_the_events_listing_is_not_kept_past_an_upcoming_events_end(client, events, commit):
    import time_machine

    ending = running_until(events.upcoming, commit, minutes=5)
    url = events.index.url
    assert get(client, url)[STATUS] == "miss"
    assert get(client, url)[STATUS] == "hit"
    with time_machine.travel(ending + timedelta(seconds=1), tick=False):
        assert get(client, url)[STATUS] == "miss"  # the 600 s copy would list it as upcoming


def test_a_past_event_keeps_the_usual_time(client, events):
    assert events.past.next_change() is None
    url = events.past.url
    assert get(client, url)[STATUS] == "miss"
    assert get(client, url)[STATUS] == "hit"


def test_the_home_page_is_not_kept_past_an_upcoming_events_end(client, events, commit, site_tree):
    """The upcoming events come from a shared fragment: it passes its moment on to the page,
    from the cache too (the second request finds the fragment, not the computation)."""
    import time_machine

    ending = running_until(events.upcoming, commit, minutes=5)
    url = site_tree.home.url
    first = get(client, url)
    assert first[STATUS] == "miss" and "Smart city webinar" in first.content.decode()
    client.get("/en/cities/")  # another page: the home page's own copy stays
    assert get(client, url)[STATUS] == "hit"
    with time_machine.travel(ending + timedelta(seconds=1), tick=False):
        after = get(client, url)
        assert after[STATUS] == "miss"  # the 600 s copy (and fragment) would still list it
        assert "Smart city webinar" not in after.content.decode()


def test_browsers_and_proxies_never_keep_a_page_past_its_change(client, events, commit):
    """max-age plus stale-while-revalidate stop at the moment, when rendered and on a hit."""
    import time_machine
    from django.utils import timezone

    def lifetime(response):
        directives = dict(
            (d.strip().split("=") + [""])[:2] for d in response["Cache-Control"].split(",")
        )
        return int(directives["max-age"]), int(directives["stale-while-revalidate"])

    closing = timezone.now() + timedelta(seconds=90)
    publish(events.upcoming, commit, registration_closes=closing)
    url = events.upcoming.url
    with time_machine.travel(closing - timedelta(seconds=90), tick=False):
        first = get(client, url)
        assert first[STATUS] == "miss"
        assert lifetime(first) == (60, 30)
    with time_machine.travel(closing - timedelta(seconds=20), tick=False):
        hit = get(client, url)
        assert hit[STATUS] == "hit"
        assert lifetime(hit) == (20, 0)  # not the 60 + 60 it was stored with
    far = get(client, events.past.url)
    assert lifetime(far) == (60, 60)


def test_a_fragment_passes_its_moment_to_the_page_from_the_cache(rf):
    from django.utils import timezone

    from citynet.page_cache import changes_at, shared_fragment

    moment = timezone.now() + timedelta(minutes=3)

    def compute():
        changes_at(first, moment)
        return "upcoming"

    first = rf.get("/en/")
    first.page_cache_until = moment + timedelta(minutes=10)  # the page's own, later
    assert shared_fragment("test", (1,), compute, first) == "upcoming"
    assert first.page_cache_until == moment
    second = rf.get("/en/")
    assert shared_fragment("test", (1,), lambda: pytest.fail("recomputed"), second) == "upcoming"
    assert second.page_cache_until == moment
