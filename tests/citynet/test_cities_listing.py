"""The member-cities listing: filters with counts, bad input, pagination, constant queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citynet.factories import CityPageFactory
from citynet.models import CityIndexPage

pytestmark = pytest.mark.django_db

URL = "/en/cities/"


def facet(response, key):
    return next(f for f in response.context["city_filter"].facets if f.key == key)


def counts(response, key):
    return {o["value"]: o["count"] for o in facet(response, key).options if o["count"]}


def titles(response):
    return [city.title for city in response.context["cities"]]


@pytest.fixture
def more_cities(site_tree):
    CityPageFactory(parent=site_tree.cities, title="Kota Surabaya", slug="surabaya")
    CityPageFactory(
        parent=site_tree.cities,
        title="Kota Makassar",
        slug="makassar",
        province="Sulawesi Selatan",
        smart_city_cohort=2017,
    )
    CityPageFactory(
        parent=site_tree.cities,
        title="Kabupaten Sleman",
        slug="sleman",
        kind="kabupaten",
        province="DI Yogyakarta",
        smart_city_cohort=None,
        membership="associate",
    )
    return site_tree


def test_lists_every_live_city_of_the_locale(client, more_cities):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == [
        "Kabupaten Sidoarjo",
        "Kabupaten Sleman",
        "Kota Kupang",
        "Kota Makassar",
        "Kota Surabaya",
    ]
    assert "X-Robots-Tag" not in response


def test_unpublished_cities_are_not_listed(client, more_cities):
    more_cities.sidoarjo.unpublish()
    response = client.get(URL)
    assert "Kabupaten Sidoarjo" not in titles(response)
    assert client.get("/en/cities/sidoarjo/").status_code == 404


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"province": "Jawa Timur"}, ["Kabupaten Sidoarjo", "Kota Surabaya"]),
        ({"kind": "kabupaten"}, ["Kabupaten Sidoarjo", "Kabupaten Sleman"]),
        ({"cohort": "2019"}, ["Kota Kupang"]),
        ({"membership": "associate"}, ["Kabupaten Sleman"]),
        ({"province": "Jawa Timur", "kind": "kota"}, ["Kota Surabaya"]),
        ({"cohort": "2017", "kind": "kota"}, ["Kota Makassar", "Kota Surabaya"]),
        ({"province": "Bali"}, []),
    ],
)
def test_filters_and_combinations(client, more_cities, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response["X-Robots-Tag"] == "noindex"


def test_facet_counts_honour_the_other_filters(client, more_cities):
    response = client.get(URL, {"kind": "kota"})
    assert counts(response, "province") == {
        "Jawa Timur": 1,
        "Nusa Tenggara Timur": 1,
        "Sulawesi Selatan": 1,
    }
    # A facet's own selection does not narrow its own counts.
    assert counts(response, "kind") == {"kota": 3, "kabupaten": 2}
    assert counts(response, "cohort") == {2017: 2, 2019: 1}
    assert "Jawa Timur (1)" in response.content.decode()


def test_empty_result_says_so(client, more_cities):
    response = client.get(URL, {"province": "Bali"})
    body = response.content.decode()
    assert "No member city matches these filters." in body
    assert "Show all cities" in body


@pytest.mark.parametrize(
    "query",
    [
        {"province": "Atlantis"},
        {"kind": "metropolis"},
        {"cohort": "abc"},
        {"cohort": "2016"},
        {"cohort": "9" * 400},
        {"membership": "<script>alert(1)</script>"},
        {"province": "' OR 1=1 --"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"unknown": "value"},
    ],
)
def test_bad_query_strings_never_fail(client, more_cities, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert len(response.context["cities"]) == 5


def test_null_characters_are_a_400(client, more_cities):
    response = client.get(URL, {"province": "\x00"})
    assert response.status_code == 400
    assert "null character" in response.content.decode()


def test_unknown_filter_values_are_ignored_with_a_note(client, more_cities):
    response = client.get(URL, {"province": "Atlantis", "kind": "kota"})
    body = response.content.decode()
    assert "were not recognised and were ignored" in body
    assert "Atlantis" in body
    assert titles(response) == ["Kota Kupang", "Kota Makassar", "Kota Surabaya"]


def test_pagination_keeps_filters(client, more_cities, monkeypatch):
    monkeypatch.setattr(CityIndexPage, "per_page", 2)
    response = client.get(URL, {"kind": "kota", "page": "2"})
    assert titles(response) == ["Kota Surabaya"]
    assert response.context["page_obj"].number == 2
    first = client.get(URL, {"kind": "kota"})
    assert 'href="?kind=kota&amp;page=2"' in first.content.decode()
    # Past the end: the last page, not an error.
    assert titles(client.get(URL, {"kind": "kota", "page": "40"})) == ["Kota Surabaya"]


def test_indonesian_listing_has_its_own_cities(client, site_tree):
    response = client.get(site_tree.cities_id.url)
    assert site_tree.cities_id.url.startswith("/id/")
    assert response.status_code == 200
    assert {city.locale.language_code for city in response.context["cities"]} == {"id"}
    assert len(response.context["cities"]) == 2


def _query_count(client, url):
    cache.clear()  # measure the uncached path: the worst case
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_is_constant_as_cities_grow(client, site_tree, django_assert_max_num_queries):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image_model = get_image_model()

    def add_cities(start, n):
        for i in range(start, start + n):
            logo = image_model.objects.create(title=f"logo {i}", file=get_test_image_file())
            CityPageFactory(parent=site_tree.cities, title=f"Kota Uji {i:03}", logo=logo)

    add_cities(0, 3)
    _query_count(client, URL)  # warm caches (site root paths, renditions created)
    small = _query_count(client, URL)
    add_cities(3, 18)
    _query_count(client, URL)
    large = _query_count(client, URL)
    assert large == small, f"{small} queries for 5 cities, {large} for 23"
    with django_assert_max_num_queries(small):
        client.get(URL, {"kind": "kota", "province": "Jawa Timur"})
