"""Facet counts come from each entry's facet lines on PostgreSQL (no join over the terms),
and must say exactly what counting the `SearchTerm` rows says."""

import pytest
from django.db.models import Count

from search.backends.database import count_terms
from search.indexing import facet_lines
from search.models import SearchEntry, SearchTerm
from search.query import FACETS
from search.service import count_facets
from tests.practices.conftest import build_practice_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(site_tree, rebuild_search):
    tree = build_practice_tree(site_tree)
    rebuild_search()
    return tree


def counted_from_terms(facets):
    rows = (
        SearchTerm.objects.filter(facet__in=facets, entry__kind="practice")
        .values_list("facet", "value")
        .annotate(n=Count("entry"))
        .order_by()
    )
    return {(facet, value): n for facet, value, n in rows}


def test_the_search_page_facets_and_the_listing_facets_live_apart(practices):
    entry = SearchEntry.objects.get(page_id=practices.permits.pk)
    lines = [line.split("\t") for line in entry.facet_lines.split("\n")]
    assert {facet for facet, _value, _label in lines} == {
        "kind",
        "city",
        "province",
        "dimension",
        "tag",
        "year",
    }
    assert ["city", "sidoarjo", "Kabupaten Sidoarjo"] in lines
    extra = [line.split("\t") for line in entry.extra_facet_lines.split("\n")]
    assert extra[0][:2] == ["element", "public-service"]
    assert ["sdg", "16"] in [row[:2] for row in extra]
    assert ["status", "scaled"] in [row[:2] for row in extra]


@pytest.mark.parametrize(
    "facets",
    [FACETS, ("city", "tag"), ("element", "sdg", "status"), ("city", "element", "status")],
)
def test_counts_equal_counting_the_terms(practices, facets):
    practices_only = SearchEntry.objects.filter(kind="practice")
    counted = {(f, v): n for f, v, n, _label in count_terms(practices_only, facets)}
    assert counted == counted_from_terms(facets) and counted
    if "city" in facets:
        assert counted[("city", "kupang")] == 2 and counted[("city", "sidoarjo")] == 2


def test_counts_honour_the_filters(practices):
    counts = count_facets(SearchEntry.objects.all(), {"tag": ["online"]}, ["city", "sdg"])
    assert counts == {"city": {"sidoarjo": 1, "kupang": 1}, "sdg": {"16": 1, "9": 1, "11": 1}}
    assert count_facets(SearchEntry.objects.none(), {}, ["city"]) == {"city": {}}


def test_a_tab_or_a_line_break_in_a_label_cannot_split_a_line():
    terms = [SearchTerm(facet="tag", value="a\tb", label="line\nbreak"), SearchTerm(facet="kind")]
    assert facet_lines(terms).split("\n") == ["kind\t\t", "tag\ta b\tline break"]
