"""No public URL can make a search run for long: PostgreSQL's statement_timeout guards every
public search (search.limits) and the visitor gets a clear answer, never a 500."""

import pytest
from django.db import connection

from search.backends.database import DatabaseBackend
from search.limits import SearchTooSlow, time_limited
from tests.practices.conftest import build_practice_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def slow_database(monkeypatch, settings):
    """Every database search first runs a real one-second statement; the limit is 200 ms."""
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 200

    def sleep_first(original):
        def slow(self, *args, **kwargs):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(1)")
            return original(self, *args, **kwargs)

        return slow

    for name in ("run", "suggest", "matching"):
        monkeypatch.setattr(DatabaseBackend, name, sleep_first(getattr(DatabaseBackend, name)))


def statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def test_the_limit_applies_inside_and_is_restored_after(settings):
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 1500
    before = statement_timeout()
    with time_limited():
        assert statement_timeout() == "1500ms"
    assert statement_timeout() == before
    with pytest.raises(SearchTooSlow), time_limited(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(3)")
    assert statement_timeout() == before  # and the connection still answers


def test_sequential_scans_are_off_inside_and_restored_after():
    def seqscan():
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            return cursor.fetchone()[0]

    before = seqscan()
    with time_limited():
        assert seqscan() == "off"
    assert seqscan() == before == "on"


def test_search_page_answers_too_slow_with_503(client, site_tree, slow_database):
    response = client.get("/en/search/?q=perizinan")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert b"This search took too long" in response.content
    assert client.get("/en/").status_code == 200  # the same connection carries on


def test_search_page_in_indonesian(client, site_tree, slow_database):
    response = client.get("/id/search/?q=perizinan")
    assert response.status_code == 503
    assert "Pencarian ini terlalu lama" in response.content.decode()


def test_suggest_answers_too_slow_as_json(client, site_tree, slow_database):
    response = client.get("/en/search/suggest/?q=kupang")
    assert response.status_code == 503
    body = response.json()
    assert body["suggestions"] == [] and "took too long" in body["message"]


def test_practice_listing_keyword_says_so_and_shows_nothing(client, site_tree, slow_database):
    build_practice_tree(site_tree)
    response = client.get("/en/practices/?q=sekolah+data")
    assert response.status_code == 200
    assert b"The keyword search took too long" in response.content
    assert response.context["page_obj"].paginator.count == 0
    # Without a keyword nothing is searched, nothing is slow.
    listing = client.get("/en/practices/")
    assert listing.status_code == 200 and b"took too long" not in listing.content


def test_api_search_answers_503_with_a_message(client, site_tree, slow_database):
    response = client.get("/api/v2/pages/?search=perizinan")
    assert response.status_code == 503
    assert "took too long" in response.json()["message"]


def test_sqlite_or_a_zero_limit_runs_unguarded(settings):
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 0
    before = statement_timeout()
    with time_limited():
        assert statement_timeout() == before
