"""The search page, the suggest endpoint, the API's ?search= and the practice listing's
keyword box, all answered by the search service (database backend here)."""

import json

import pytest
from django.utils.html import escape

from .conftest import practice

pytestmark = pytest.mark.django_db
NASTY = [
    "",
    "x" * 1000,
    '"unclosed AND (OR -izin',
    "izin OR 1=1; DROP TABLE search_searchentry; --",
    "<script>alert(1)</script>",
    "izin\x1b\x07",
    "* ? ~ ^ : [ ] { } \\",
]


@pytest.fixture
def site(site_tree, backend, publish):
    practice(
        site_tree.sidoarjo_id,
        publish,
        title="Perizinan usaha online",
        slug="perizinan",
        summary="Satu portal untuk semua izin usaha.",
        tags=["perizinan"],
        start_year=2017,
    )
    practice(
        site_tree.kupang,
        publish,
        title="Online permits",
        slug="permits",
        summary="Permits online.",
        start_year=2018,
    )
    return site_tree


def test_search_page_shows_hits_tabs_facets_and_marks(client, site):
    response = client.get("/id/search/", {"q": "izin"})
    body = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "<mark>Perizinan</mark> usaha online" in body
    assert '/sidoarjo/perizinan/"' in body
    assert "Praktik baik" in body or "Practices" in body  # the kind tab, translated
    assert 'name="province"' in body and "Jawa Timur (1)" in body
    assert 'aria-current="page"' in body  # the "All" tab


def test_search_page_in_english_labels_and_language_marks(client, site):
    body = client.get("/en/search/", {"q": "online"}).content.decode()
    first, second = body.index("permits"), body.index("Perizinan usaha")
    assert first < second, "English results come first on the English page"
    assert 'lang="id"' in body


def test_kind_tab_and_filters_narrow(client, site):
    body = client.get("/id/search/", {"q": "izin", "kind": "event"}).content.decode()
    assert "Perizinan usaha online" not in body
    body = client.get("/id/search/", {"q": "online", "province": "Jawa Timur"}).content.decode()
    assert "<mark>online</mark>" in body and "Online permits" not in body


def test_empty_query_shows_help_not_results(client, site):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert b"search-results" not in response.content
    assert b"izin" in response.content


def test_no_results_help_and_did_you_mean(client, site):
    body = client.get("/id/search/", {"q": "perizinann"}).content.decode()
    assert "search-results" not in body
    assert 'href="?q=perizinan"' in body  # did you mean
    assert "<ul><li>" in body.replace("\n", "") or "<li>" in body


@pytest.mark.parametrize("query", NASTY)
def test_any_query_answers_200_with_escaped_output(client, site, query):
    params = {"q": query, "kind": query, "page": query, "sort": query, "city": query}
    for url in ("/en/search/", "/id/search/"):
        response = client.get(url, params)
        assert response.status_code == 200, (url, query)
        assert b"<script>alert(1)</script>" not in response.content
    response = client.get("/en/search/suggest/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"query", "suggestions"}


def test_nul_bytes_are_refused_with_a_reason(client, site):
    """The site-wide rule (citynet middleware): NUL never reaches a query."""
    assert client.get("/en/search/", {"q": "izin\x00"}).status_code == 400


def test_unknown_filter_values_are_listed_as_ignored(client, site):
    body = client.get("/en/search/", {"q": "izin", "kind": "spaceship", "year": "20x7"})
    text = body.content.decode()
    assert body.status_code == 200
    assert "spaceship" in text and escape("20x7") in text


def test_pagination_links_keep_the_query(client, site_tree, backend, publish):
    for n in range(11):
        practice(site_tree.kupang_id, publish, title=f"Pasar {n}", slug=f"pasar-{n}")
    body = client.get("/id/search/", {"q": "pasar", "city": "kupang"}).content.decode()
    assert 'rel="next"' in body and "q=pasar" in body and "city=kupang" in body
    page2 = client.get("/id/search/", {"q": "pasar", "city": "kupang", "page": 2})
    assert page2.content.decode().count('class="search-hit"') == 1


def test_query_count_does_not_grow_with_results(
    client, site_tree, backend, publish, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert (
                client.get("/id/search/", {"q": "pasar", "province": "Jawa Timur"}).status_code
                == 200
            )
        return len(ctx.captured_queries)

    practice(site_tree.sidoarjo_id, publish, title="Pasar 0", slug="pasar-0", tags=["a"])
    small = queries()
    for n in range(1, 12):
        practice(
            site_tree.kupang_id if n % 2 else site_tree.sidoarjo_id,
            publish,
            title=f"Pasar {n}",
            slug=f"pasar-{n}",
            tags=[f"tag-{n}"],
        )
    large = queries()
    assert large == small, f"{small} queries with 1 result, {large} with 12"
    with django_assert_max_num_queries(25):
        client.get("/id/search/", {"q": "pasar"})


def test_suggest_returns_titles_as_json(client, site):
    response = client.get("/en/search/suggest/", {"q": "onl"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["query"] == "onl"
    titles = [s["title"] for s in data["suggestions"]]
    assert titles[0] == "Online permits"  # this language's first
    assert "Perizinan usaha online" in titles
    assert {"title", "url", "kind"} == set(data["suggestions"][0])
    assert client.get("/en/search/suggest/", {"q": "o"}).json()["suggestions"] == []
    assert client.get("/en/search/suggest/").json()["suggestions"] == []


def test_api_search_uses_the_service(client, site):
    response = client.get("/api/v2/pages/", {"search": "izin", "type": "practices.PracticePage"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Perizinan usaha online"]  # stemmed: the word itself is not there
    response = client.get("/api/v2/pages/", {"search": "online", "locale": "en"})
    assert [item["title"] for item in response.json()["items"]] == ["Online permits"]


def test_practice_listing_keyword_box_uses_the_service(client, site):
    from citynet.factories import translate
    from practices.factories import PracticeIndexPageFactory

    index = PracticeIndexPageFactory(parent=site.home)
    index_id = translate(index, "id", title="Praktik baik")
    body = client.get(index_id.url, {"q": "izin"}).content.decode()
    assert "Perizinan usaha online" in body
    body = client.get(index.url, {"q": "izin"}).content.decode()
    assert "Perizinan usaha online" not in body  # the listing keeps to its language
