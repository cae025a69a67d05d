"""Elasticsearch without a server: the documents, mappings and queries the backend builds,
how it reads a response, the fallback when the cluster is unreachable, and the replay of
updates it missed. The live tier is in test_contract.py (the `backend` fixture)."""

import logging
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.http import QueryDict

from search.backends import elastic
from search.backends.elastic import ElasticBackend, PageDocument, alias_name, make_index
from search.models import IndexUpdate, SearchEntry
from search.query import SearchRequest
from search.service import build_hits, label_facets, search

from .conftest import hit_titles, practice

pytestmark = pytest.mark.django_db
CLOSED_PORT = "http://127.0.0.1:9"  # nothing listens: real connection errors, no mock


def request_for(query, language="id"):
    return SearchRequest.from_params(QueryDict(query), language)


@pytest.fixture
def indexed(site_tree, publish):
    page = practice(
        site_tree.sidoarjo_id,
        publish,
        title="Perizinan usaha online",
        slug="perizinan",
        summary="Satu portal untuk semua izin.",
        tags=["perizinan", "umkm"],
        start_year=2017,
    )
    return SearchEntry.objects.get(pk=page.pk)


def test_document_prepares_every_field(indexed):
    doc = PageDocument.prepare(indexed).to_dict(include_meta=True)
    assert doc["_id"] == indexed.pk
    source = doc["_source"]
    assert source["kind"] == "practice" and source["language"] == "id"
    assert source["title"] == "Perizinan usaha online"
    assert source["city"] == "sidoarjo" and source["city_title"] == "Kabupaten Sidoarjo"
    assert source["province"] == "Jawa Timur"
    assert source["dimension"] == ["smart-governance"]
    assert sorted(source["tag"]) == ["perizinan", "umkm"]
    assert source["year"] == "2017"
    assert source["url"] == "/id/daerah/sidoarjo/perizinan/" or source["url"].endswith(
        "/sidoarjo/perizinan/"
    )


def test_mapping_has_language_analysers_keywords_and_autocomplete():
    mapping = make_index("x").to_dict()
    props = mapping["mappings"]["properties"]
    assert props["title"]["fields"]["id"]["analyzer"] == "indonesian"
    assert props["body"]["fields"]["en"]["analyzer"] == "english"
    assert props["title"]["fields"]["autocomplete"]["analyzer"] == "citynet_autocomplete"
    for facet in ("kind", "city", "province", "dimension", "tag", "year", "language"):
        assert props[facet]["type"] == "keyword"
    analysis = mapping["settings"]["analysis"]
    assert analysis["filter"]["citynet_edge_ngram"]["type"] == "edge_ngram"


def test_index_names_carry_the_environment_prefix(settings):
    settings.SEARCH_INDEX_PREFIX = "citynet-staging"
    assert alias_name() == "citynet-staging-pages"
    name = elastic.new_index_name(datetime(2026, 11, 22, tzinfo=UTC))
    assert name.startswith("citynet-staging-pages-20261122")


def test_query_words_fuzziness_language_filters_facets_and_highlights():
    backend = ElasticBackend(client=None)
    body = backend.build(request_for("q=izin+usaha&province=Jawa+Timur&page=2", "id")).to_dict()
    function_score = body["query"]["function_score"]
    assert function_score["functions"][0]["filter"] == {"term": {"language": "id"}}
    musts = function_score["query"]["bool"]["must"]
    assert [m["multi_match"]["query"] for m in musts] == ["izin", "usaha"]
    assert all(m["multi_match"]["fuzziness"] == "AUTO" for m in musts)
    assert "title.id^4" in musts[0]["multi_match"]["fields"]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"province": ["Jawa Timur"]}}]}}
    # Each facet counts with the other filters only: the province facet ignores its own.
    assert body["aggs"]["facet_province"]["filter"] == {"match_all": {}}
    assert body["aggs"]["facet_city"]["filter"]["bool"]["filter"] == [
        {"terms": {"province": ["Jawa Timur"]}}
    ]
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert body["from"] == 10 and body["size"] == 10


def test_date_sort_and_empty_text():
    body = ElasticBackend(client=None).build(request_for("kind=event&sort=date", "en")).to_dict()
    assert body["query"]["function_score"]["query"]["constant_score"]["filter"] == {"match_all": {}}
    assert body["sort"][1] == {"date": {"order": "desc", "missing": "_last"}}


def test_response_is_read_back_from_the_database(indexed):
    body = {
        "hits": {
            "total": {"value": 2},
            "hits": [
                {"_id": "999999", "highlight": {}},  # a stale document: the page is gone
                {
                    "_id": str(indexed.pk),
                    "highlight": {"summary.id": ["semua <mark>izin</mark> &amp; usaha"]},
                },
            ],
        },
        "aggregations": {
            "facet_city": {"values": {"buckets": [{"key": "sidoarjo", "doc_count": 2}]}},
            "facet_year": {"values": {"buckets": [{"key": "2017", "doc_count": 2}]}},
        },
    }
    results = ElasticBackend(client=None).parse(
        body, request_for("q=izin"), build_hits, label_facets
    )
    assert results.total == 2 and results.backend == "elasticsearch"
    assert [h.page_id for h in results.hits] == [indexed.pk]
    assert "<mark>izin</mark> &amp; usaha" in str(results.hits[0].snippet)
    city = results.facet("city").values[0]
    assert (city.value, city.label, city.count) == ("sidoarjo", "Kabupaten Sidoarjo", 2)


def test_unreachable_cluster_answers_from_the_database(indexed, settings, caplog):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with caplog.at_level(logging.WARNING, logger="search.service"):
        results = search(request_for("q=izin"))
    assert results.fallback and results.backend == "database"
    assert hit_titles(results) == ["Perizinan usaha online"]
    assert "answering from the database" in caplog.text


def test_failed_updates_wait_in_the_outbox_and_are_replayed(site_tree, publish, settings, indexed):
    """Elasticsearch down: the updates stay, with the error; the database index is current.
    Back up: `search_index sync` brings Elasticsearch to the pages' current state."""
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    page = practice(site_tree.kupang_id, publish, title="Pasar digital", slug="pasar")
    gone = practice(site_tree.kupang_id, publish, title="Akan dihapus", slug="hapus")
    publish(gone.delete)
    waiting = IndexUpdate.objects.filter(page_id__in=[page.pk, gone.pk])
    assert {u.page_id for u in waiting} == {page.pk, gone.pk}
    assert all(u.attempts >= 1 and "ConnectionError" in u.error for u in waiting)
    assert all(u.next_attempt_at > u.created_at for u in waiting)  # backing off
    assert hit_titles(search(request_for("q=pasar"))) == ["Pasar digital"]

    written = []
    with mock.patch.object(
        ElasticBackend,
        "write",
        lambda self, entries, removed: written.append(
            ({e.pk: e.version for e in entries}, dict(removed))
        ),
    ):
        call_command("search_index", "sync", stdout=open("/dev/null", "w"))  # noqa: SIM115
    entries = {pk: v for batch, _ in written for pk, v in batch.items()}
    removed = {pk: v for _, batch in written for pk, v in batch.items()}
    assert page.pk in entries and gone.pk in removed
    # Each carries the id of the newest update that named it: its external version.
    assert entries[page.pk] == SearchEntry.objects.get(pk=page.pk).version > 0
    assert removed[gone.pk] > entries[page.pk]
    assert not IndexUpdate.objects.exists()


def test_sync_reports_what_still_fails(site_tree, publish, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    practice(site_tree.kupang_id, publish, title="Pasar digital", slug="pasar")
    with pytest.raises(Exception, match="failed: is Elasticsearch up"):
        call_command("search_index", "sync", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert IndexUpdate.objects.get().attempts >= 2
