"""The cross-city practice listing: filters with counts, search, sort, pagination, bad input."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import make_practice

pytestmark = pytest.mark.django_db
URL = "/en/practices/"


def titles(response):
    return [p.title for p in response.context["practices"]]


def counts(response, key):
    facet = next(f for f in response.context["practice_filter"].facets if f.key == key)
    return {o["value"]: o["count"] for o in facet.options if o["count"]}


def test_lists_live_practices_newest_first(client, practice_tree):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["PADI library", "Public Wi-Fi", "Digital library", "Online permits"]
    assert "X-Robots-Tag" not in response


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"city": "kupang"}, {"PADI library", "Public Wi-Fi"}),
        ({"province": "Jawa Timur"}, {"Digital library", "Online permits"}),
        ({"dimension": "smart-society"}, {"PADI library", "Public Wi-Fi", "Digital library"}),
        ({"element": "learning-ecosystem"}, {"PADI library", "Digital library"}),
        ({"tag": "online"}, {"Public Wi-Fi", "Online permits"}),
        ({"sdg": "4"}, {"PADI library", "Digital library"}),
        ({"status": "pilot"}, {"Public Wi-Fi"}),
        ({"year_from": "2017"}, {"PADI library", "Digital library"}),
        ({"year_to": "2016"}, {"Public Wi-Fi", "Online permits"}),
        ({"year_from": "2010", "year_to": "2018"}, {"Public Wi-Fi", "Digital library"}),
        (
            {"province": "Nusa Tenggara Timur", "dimension": "smart-society"},
            {"PADI library", "Public Wi-Fi"},
        ),
        ({"city": "kupang", "element": "learning-ecosystem", "sdg": "4"}, {"PADI library"}),
        ({"city": "sidoarjo", "status": "pilot"}, set()),
    ],
)
def test_filters_and_combinations(client, practice_tree, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert response["X-Robots-Tag"] == "noindex"


def test_counts_honour_other_filters(client, practice_tree):
    response = client.get(URL, {"dimension": "smart-society"})
    assert counts(response, "city") == {"kupang": 2, "sidoarjo": 1}
    assert counts(response, "dimension") == {"smart-society": 3, "smart-governance": 1}
    assert counts(response, "tag") == {"literasi": 2, "wifi": 1, "online": 1}
    assert counts(response, "sdg") == {4: 2, 9: 1, 11: 1}
    assert counts(response, "status") == {"operating": 2, "pilot": 1}


def test_keyword_search(client, practice_tree, rebuild_search):
    rebuild_search()
    assert titles(client.get(URL, {"q": "permits"})) == ["Online permits"]
    assert titles(client.get(URL, {"q": "library", "city": "kupang"})) == ["PADI library"]
    response = client.get(URL, {"q": "zzzxqy"})
    assert titles(response) == []
    assert "No practice matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    "sort,expected",
    [
        ("title", ["Digital library", "Online permits", "PADI library", "Public Wi-Fi"]),
        ("city", ["Digital library", "Online permits", "PADI library", "Public Wi-Fi"]),
        ("newest", ["PADI library", "Public Wi-Fi", "Digital library", "Online permits"]),
    ],
)
def test_sorting(client, practice_tree, sort, expected):
    assert titles(client.get(URL, {"sort": sort})) == expected


def test_sort_by_city_groups_cities(client, practice_tree):
    response = client.get(URL, {"sort": "city"})
    cities = [p.city.title for p in response.context["practices"]]
    assert cities == sorted(cities)


@pytest.mark.parametrize(
    "page,number", [("0", 2), ("-3", 2), ("99", 2), ("abc", 1), ("", 1), ("2", 2)]
)
def test_pagination_edges(client, practice_tree, monkeypatch, page, number):
    """Two pages of two: page 0, negative and past-the-end pages show the last page;
    junk or no page shows the first. Never an error."""
    from practices.models import PracticeIndexPage

    monkeypatch.setattr(PracticeIndexPage, "per_page", 2)
    response = client.get(URL, {"page": page, "dimension": "smart-society"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.num_pages == 2
    assert response.context["page_obj"].number == number


def test_pagination_keeps_filters(client, practice_tree, monkeypatch):
    from practices.models import PracticeIndexPage

    monkeypatch.setattr(PracticeIndexPage, "per_page", 2)
    response = client.get(URL, {"dimension": "smart-society", "sort": "title"})
    body = response.content.decode()
    assert "?dimension=smart-society&amp;sort=title&amp;page=2" in body
    second = client.get(URL, {"dimension": "smart-society", "sort": "title", "page": "2"})
    assert titles(second) == ["Public Wi-Fi"]


@pytest.mark.parametrize(
    "query",
    [
        {"city": "atlantis"},
        {"province": "Narnia"},
        {"dimension": "smart-magic"},
        {"element": "<b>x</b>"},
        {"tag": "no-such-tag"},
        {"sdg": "99"},
        {"sdg": "four"},
        {"status": "sleeping"},
        {"year_from": "abc"},
        {"year_to": "99999999999999999999999"},
        {"sort": "random"},
        {"q": "x" * 1000},
        {"q": "' OR 1=1; DROP TABLE wagtailcore_page; --"},
        {"q": '"unclosed AND (OR -'},
        {"q": "<script>alert(1)</script>"},
        {"q": "izin\x1b\x07"},
        {"q": "   "},
        {"page": "1e9"},
    ],
)
def test_bad_input_never_fails(client, practice_tree, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<b>x</b>" not in body


@pytest.mark.parametrize("query", [{"q": "\x00"}, {"city": "kupang\x00"}, {"x\x00": "1"}])
def test_null_characters_are_a_400(client, practice_tree, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert "null character" in response.content.decode()


def test_unknown_values_are_ignored_with_a_note(client, practice_tree):
    response = client.get(URL, {"city": "atlantis", "sdg": "99", "dimension": "smart-society"})
    body = response.content.decode()
    assert "were not recognised and were ignored" in body
    assert "atlantis" in body and "99" in body
    assert len(titles(response)) == 3


def test_indonesian_listing_shows_indonesian_content_and_interface(client, practice_tree):
    from citynet.factories import translate

    translate(practice_tree.wifi, "id", title="Wi-Fi publik")
    response = client.get(practice_tree.index_id.url)
    assert response.status_code == 200
    assert titles(response) == ["Wi-Fi publik"]
    assert "Cari praktik" in response.content.decode()


def test_drafts_and_unpublished_practices_are_not_listed(client, practice_tree):
    practice_tree.wifi.unpublish()
    draft = make_practice(
        practice_tree.padi.get_parent(), title="Secret draft", slug="secret-draft"
    )
    draft.unpublish()
    response = client.get(URL)
    assert "Public Wi-Fi" not in titles(response)
    assert "Secret draft" not in response.content.decode()


def _queries(client, url):
    cache.clear()  # measure the uncached path: the worst case
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_is_constant_as_practices_grow(
    client, site_tree, practice_tree, django_assert_max_num_queries
):
    url = URL + "?dimension=smart-society&sort=city"
    _queries(client, url)
    small = _queries(client, url)
    for i in range(15):
        make_practice(
            site_tree.kupang if i % 2 else site_tree.sidoarjo,
            title=f"Extra {i}",
            slug=f"extra-{i}",
            dimension=practice_tree.wifi.dimension,
            elements=["security"],
            tags=[f"tag-{i}", "online"],
            sdgs=[i % 17 + 1],
        )
    large = _queries(client, url)
    assert large == small, f"{small} queries with 4 practices, {large} with 19"
    assert small <= 30, "the listing's fixed query budget"
    with django_assert_max_num_queries(40):
        client.get(URL + "?q=library&city=kupang&element=learning-ecosystem")


def test_counts_are_cached_and_publishing_refreshes_them(client, site_tree, practice_tree):
    first = _queries_warm(client, URL)
    second = _queries_warm(client, URL)
    assert second <= first - 7, f"{first} then {second}: facet counts were not cached"
    assert counts(client.get(URL), "city") == {"kupang": 2, "sidoarjo": 2}
    make_practice(site_tree.kupang, title="Fresh", slug="fresh")
    assert counts(client.get(URL), "city") == {"kupang": 3, "sidoarjo": 2}
    practice_tree.permits.unpublish()
    assert counts(client.get(URL), "city") == {"kupang": 3, "sidoarjo": 1}
    assert counts(client.get(URL), "province") == {"Jawa Timur": 1, "Nusa Tenggara Timur": 3}
    # Editing a city (its province) refreshes the practice counts too.
    sidoarjo = site_tree.sidoarjo
    sidoarjo.province = "Bali"
    sidoarjo.save_revision().publish()
    assert counts(client.get(URL), "province") == {"Bali": 1, "Nusa Tenggara Timur": 3}


def _queries_warm(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_keyword_search_stays_within_the_listing_language(client, practice_tree, rebuild_search):
    """Only the listing's language matches: the English original of a practice is not
    listed on the Indonesian listing."""
    from citynet.factories import translate

    translate(practice_tree.library, "id", title="Digital library (ID)")
    rebuild_search()
    response = client.get(practice_tree.index_id.url, {"q": "library"})
    assert titles(response) == ["Digital library (ID)"]
