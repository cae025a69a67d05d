"""The listing's keyword box: the search index matches, counts, orders and pages the
practices (practices.filters), and must say exactly what the page tables would say."""

from collections import Counter

import pytest

from practices.models import PracticeIndexPage, PracticePage

from .conftest import make_practice

pytestmark = pytest.mark.django_db
URL = "/en/practices/"
FACETS = ("city", "province", "dimension", "element", "tag", "sdg", "status")


@pytest.fixture
def indexed(site_tree, practice_tree, rebuild_search, monkeypatch):
    """The practice tree, two more "library" practices and the index rebuilt; 50 a page."""
    make_practice(
        site_tree.kupang,
        title="Library on wheels",
        slug="library-bus",
        dimension=practice_tree.library.dimension,
        elements=["learning-ecosystem"],
        tags=["literasi", "online"],
        sdgs=[4],
        status="pilot",
        start_year=2021,
    )
    make_practice(
        site_tree.sidoarjo,
        title="School library data",
        slug="school-library",
        summary="Every school library counted online.",
        tags=["online"],
        sdgs=[4, 16],
        start_year=2012,
    )
    rebuild_search()
    monkeypatch.setattr(PracticeIndexPage, "per_page", 50)
    return practice_tree


def values(practice, key):
    """The practice's values for a facet, as the listing's options have them."""
    practice = PracticePage.objects.get(pk=practice.pk)
    return {
        "city": [practice.city.slug],
        "province": [practice.city.province],
        "dimension": [practice.dimension.slug],
        "element": [e.slug for e in practice.elements.all()],
        "tag": [t.slug for t in practice.tags.all()],
        "sdg": [g.number for g in practice.sdgs.all()],
        "status": [practice.status],
    }[key]


def listed(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response, list(response.context["practices"])


def shown_counts(response, key):
    facet = next(f for f in response.context["practice_filter"].facets if f.key == key)
    return {o["value"]: o["count"] for o in facet.options if o["count"]}


@pytest.mark.parametrize(
    "params",
    [
        {"q": "library"},
        {"q": "library", "city": "kupang"},
        {"q": "online", "sdg": "4"},
        {"q": "library", "element": "learning-ecosystem", "status": "pilot"},
        {"q": "library", "year_from": "2015", "year_to": "2020"},
        {"q": "online", "tag": "online", "province": "Jawa Timur"},
    ],
)
def test_counts_from_the_index_are_what_the_pages_say(client, indexed, params):
    response, _shown = listed(client, params)
    for key in FACETS:
        # The truth: the practices listed with every filter but this facet's, counted.
        _r, practices = listed(client, {k: v for k, v in params.items() if k != key})
        expected = Counter(v for p in practices for v in values(p, key))
        assert shown_counts(response, key) == dict(expected), key


@pytest.mark.parametrize(
    "sort,expected",
    [
        (
            "newest",
            ["School library data", "Library on wheels", "PADI library", "Digital library"],
        ),
        (
            "title",
            ["Digital library", "Library on wheels", "PADI library", "School library data"],
        ),
        (
            "city",
            ["Digital library", "School library data", "Library on wheels", "PADI library"],
        ),
    ],
)
def test_the_index_orders_and_pages_like_the_listing(client, indexed, monkeypatch, sort, expected):
    _r, practices = listed(client, {"q": "library", "sort": sort})
    assert [p.title for p in practices] == expected
    monkeypatch.setattr(PracticeIndexPage, "per_page", 3)
    first, page_one = listed(client, {"q": "library", "sort": sort})
    second, page_two = listed(client, {"q": "library", "sort": sort, "page": "2"})
    assert [p.title for p in page_one + page_two] == expected
    assert first.context["page_obj"].paginator.count == 4
    assert second.context["page_obj"].number == 2


def test_a_practice_the_index_has_not_caught_up_with_is_left_out(client, indexed):
    """Unpublished after the last indexing (the worker has not run yet): the index still
    matches it, the listing must not show it."""
    indexed.padi.unpublish()
    _r, practices = listed(client, {"q": "library"})
    assert "PADI library" not in [p.title for p in practices]
    assert len(practices) == 3


def test_a_keyword_without_words_finds_nothing_and_does_not_fail(client, indexed):
    response, practices = listed(client, {"q": "!!! ---"})
    assert practices == []
    assert all(not shown_counts(response, key) for key in FACETS)


def test_keyword_counts_follow_the_index(client, site_tree, indexed, rebuild_search):
    response, _p = listed(client, {"q": "library"})
    assert shown_counts(response, "city") == {"kupang": 2, "sidoarjo": 2}
    make_practice(site_tree.kupang, title="Library garden", slug="library-garden")
    rebuild_search()  # as the worker does after the publish
    response, practices = listed(client, {"q": "library"})
    assert shown_counts(response, "city") == {"kupang": 3, "sidoarjo": 2}
    assert "Library garden" in [p.title for p in practices]
