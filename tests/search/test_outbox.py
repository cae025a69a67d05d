"""The index outbox (search.outbox): updates written with the page change, drained by the
worker, never lost, never reordered; and the Elasticsearch side that relies on it
(external versions, the rebuild's replay window, orphan indices), without a server."""

import io
from datetime import UTC, datetime, timedelta
from unittest import mock

import elasticsearch
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from citynet.models import Dimension
from citynet.settings.elastic import elasticsearch_settings
from search import outbox
from search.backends import elastic
from search.backends.elastic import ElasticBackend, alias_name, document_action, real_errors
from search.models import IndexUpdate, SearchEntry, SearchTerm
from tests.practices.conftest import make_practice

from .conftest import practice

pytestmark = pytest.mark.django_db


def test_a_rolled_back_publish_leaves_no_update(site_tree, search_sync):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_practice(site_tree.kupang_id, title="Batal", slug="batal")
        assert IndexUpdate.objects.exists()  # written inside the transaction
        raise RuntimeError("the request failed after publishing")
    assert not IndexUpdate.objects.exists()
    assert not SearchEntry.objects.filter(title="Batal").exists()


def test_a_committed_publish_leaves_exactly_one_update_until_drained(
    site_tree, search_sync, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = make_practice(site_tree.kupang_id, title="Pasar digital", slug="pasar")
    [update] = IndexUpdate.objects.all()
    assert (update.page_id, update.subtree, update.attempts) == (page.pk, True, 0)
    # Asks the worker to drain once committed (the rest empty the page cache again then).
    drains = [c for c in callbacks if getattr(c, "__name__", "") == "request_drain"]
    assert len(drains) == 1
    assert not SearchEntry.objects.filter(pk=page.pk).exists()  # not indexed in the request

    assert outbox.drain() == (1, 0)
    entry = SearchEntry.objects.get(pk=page.pk)
    assert entry.version == update.id
    assert not IndexUpdate.objects.exists()


def test_success_removes_only_the_rows_it_processed(site_tree, search_sync, publish):
    """A change made while the worker writes an older one gets its own row, which stays."""
    page = practice(site_tree.kupang_id, publish, title="Pasar digital", slug="pasar")
    assert not IndexUpdate.objects.exists()
    outbox.record([page.pk])
    real_apply = outbox.apply
    newer = []

    def apply_while_the_page_changes(versions):
        real_apply(versions)
        newer.extend(outbox.record([page.pk]))  # an editor publishes meanwhile

    with mock.patch.object(outbox, "apply", apply_while_the_page_changes):
        assert outbox.drain() == (1, 0)
    assert list(IndexUpdate.objects.values_list("id", flat=True)) == [newer[0].id]


def test_a_failure_then_a_newer_change_keeps_the_newer(site_tree, search_sync, publish):
    page = practice(site_tree.kupang_id, publish, title="Pasar digital", slug="pasar")
    first = outbox.record([page.pk])[0]
    with mock.patch.object(outbox, "apply", side_effect=ConnectionError("cluster down")):
        assert outbox.drain() == (0, 1)
    first.refresh_from_db()
    assert first.attempts == 1 and "cluster down" in first.error
    assert first.next_attempt_at >= timezone.now() + timedelta(seconds=25)  # backing off
    second = outbox.record([page.pk])[0]
    assert outbox.drain() == (1, 0)  # only the newer is due
    assert list(IndexUpdate.objects.values_list("id", flat=True)) == [first.id]
    assert SearchEntry.objects.get(pk=page.pk).version == second.id
    # The operator's sync takes the backed-off row too; the entry keeps the newer version.
    assert outbox.drain(due_only=False) == (1, 0)
    assert SearchEntry.objects.get(pk=page.pk).version == second.id
    assert not IndexUpdate.objects.exists()


def test_backoff_doubles_and_is_capped():
    assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert outbox.backoff(50).total_seconds() == outbox.MAX_BACKOFF


def test_claimed_rows_are_leased_and_come_back_when_the_lease_ends(site_tree, search_sync):
    outbox.record([site_tree.kupang_id.pk])
    [claimed] = outbox.claim()
    assert outbox.claim() == []  # another worker does not take it
    IndexUpdate.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert [r.id for r in outbox.claim()] == [claimed.id]  # its worker died


def test_the_worker_heartbeat_queues_a_drain_only_when_one_is_due(site_tree, search_sync):
    with mock.patch.object(outbox, "request_drain") as request_drain:
        outbox.drain_if_due()
        request_drain.assert_not_called()
        IndexUpdate.objects.create(page_id=site_tree.kupang_id.pk)
        outbox.drain_if_due()
        request_drain.assert_called_once()
    from citynet.workers import ON_BEAT

    assert outbox.drain_if_due in ON_BEAT


def test_status_shows_the_backlog_and_the_oldest_update(site_tree, search_sync):
    old = timezone.now() - timedelta(minutes=7)
    IndexUpdate.objects.create(page_id=site_tree.kupang_id.pk, created_at=old, attempts=2)
    IndexUpdate.objects.create(page_id=site_tree.sidoarjo_id.pk)
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    assert "Waiting index updates:          2" in text
    assert old.isoformat(timespec="seconds") in text and "(420 s ago)" in text
    assert "failed at least once: 1" in text


def test_renaming_a_dimension_or_a_tag_reindexes_its_pages(site_tree, search_sync, publish):
    page = practice(
        site_tree.kupang_id, publish, title="Pasar digital", slug="pasar", tags=["pasar"]
    )
    other = practice(
        site_tree.kupang_id, publish, title="Puskesmas", slug="pkm", dimension="smart-living"
    )
    dimension = Dimension.objects.get(slug="smart-governance")
    dimension.name_en = "Smarter Governance"
    publish(dimension.save)
    assert list(IndexUpdate.objects.values_list("page_id", flat=True)) == []  # drained
    assert SearchTerm.objects.get(entry=page.pk, facet="dimension").value == "smart-governance"
    assert (
        SearchEntry.objects.get(pk=page.pk).version > SearchEntry.objects.get(pk=other.pk).version
    )

    tag = Tag.objects.get(slug="pasar")
    tag.name, tag.slug = "Pasar rakyat", "pasar-rakyat"
    with mock.patch.object(outbox, "request_drain"):
        publish(tag.save)
    assert list(IndexUpdate.objects.values_list("page_id", flat=True)) == [page.pk]
    outbox.drain()
    term = SearchTerm.objects.get(entry=page.pk, facet="tag")
    assert (term.value, term.label) == ("pasar-rakyat", "Pasar rakyat")

    dimension.sort_order += 1  # not a rename: nothing to re-index
    with mock.patch.object(outbox, "request_drain"):
        publish(dimension.save)
    assert not IndexUpdate.objects.exists()


# Elasticsearch, server-free ------------------------------------------------------------


@pytest.fixture
def entry(site_tree, search_sync, publish):
    page = practice(site_tree.kupang_id, publish, title="Pasar digital", slug="pasar")
    return SearchEntry.objects.get(pk=page.pk)


def test_documents_carry_the_external_version(entry):
    action = document_action(entry, "idx")
    assert action["version"] == entry.version > 0
    assert action["version_type"] == "external_gte"
    # A conflict means a newer document is there: not an error. Anything else is.
    conflict = {"index": {"_id": "1", "status": 409, "error": {"type": "version_conflict"}}}
    missing = {"delete": {"_id": "2", "status": 404}}
    broken = {"index": {"_id": "3", "status": 400, "error": {"type": "mapper_parsing"}}}
    assert real_errors([conflict, missing, broken]) == [broken]


def test_an_older_write_never_overwrites_a_newer_one_whatever_the_order(entry, settings):
    """Two workers, the older finishing last: the bulk request carries each version, so
    Elasticsearch keeps the newer; the stale write's 409 is not a failure."""
    sent = []

    def fake_bulk(_client, actions, **kwargs):
        actions = list(actions)
        sent.extend(actions)
        stale = [a for a in actions if a.get("version", 0) < max(x.get("version", 0) for x in sent)]
        return len(actions), [{"index": {"_id": a["_id"], "status": 409}} for a in stale]

    backend = ElasticBackend(mock.MagicMock())
    newer = SearchEntry.objects.get(pk=entry.pk)
    newer.version = entry.version + 5
    with mock.patch.object(elastic, "bulk", fake_bulk):
        backend.write([newer], {})
        backend.write([entry], {})  # the older one arrives last: refused, quietly
    assert [a["version"] for a in sent] == [newer.version, entry.version]


def fake_cluster(existing=()):
    """A MagicMock client with an alias over `existing` indices."""
    client = mock.MagicMock()
    client.indices.exists_alias.return_value = bool(existing)
    client.indices.get_alias.return_value = {name: {} for name in existing}
    return client


def test_rebuild_replays_what_changed_while_it_filled(entry, site_tree, publish, settings):
    client = fake_cluster(["citynet-test-pages-old"])
    gone = practice(site_tree.kupang_id, publish, title="Akan dihapus", slug="hapus")
    late = {}
    calls = []

    def fake_bulk(_client, actions, **kwargs):
        actions = list(actions)
        calls.append(actions)
        if len(calls) == 1:  # while the index fills, an editor edits one page, deletes one
            SearchEntry.objects.filter(pk=entry.pk).update(
                title="Pasar digital (baru)", indexed_at=timezone.now(), version=99
            )
            SearchEntry.objects.filter(pk=gone.pk).delete()
            late["t"] = timezone.now()
        return len(actions), []

    def fake_scan(_client, index, **kwargs):
        loaded = {a["_id"] for batch in calls for a in batch if a.get("_op_type") != "delete"}
        return [{"_id": str(pk)} for pk in loaded]

    with (
        mock.patch.object(elastic, "bulk", fake_bulk),
        mock.patch.object(elastic, "scan", fake_scan),
        mock.patch.object(elastic.Index, "create"),
    ):
        name = ElasticBackend(client).rebuild()
    first = {a["_id"] for a in calls[0]}
    assert {entry.pk, gone.pk} <= first
    replayed = [a for batch in calls[1:] for a in batch]
    assert any(
        a["_id"] == entry.pk
        and a["_source"]["title"] == "Pasar digital (baru)"
        and a["version"] == 99
        for a in replayed
    )
    assert {"_op_type": "delete", "_index": name, "_id": gone.pk} in replayed
    swap = client.indices.update_aliases.call_args.kwargs["actions"]
    assert swap[0]["remove"]["index"] == f"{alias_name()}-*"  # however many were behind it
    assert swap[1] == {"add": {"index": name, "alias": alias_name()}}
    client.indices.delete.assert_called_once_with(
        index="citynet-test-pages-old", ignore_unavailable=True
    )


def test_a_failed_rebuild_deletes_its_index_and_keeps_the_alias(entry):
    client = fake_cluster(["citynet-test-pages-old"])

    def failing_bulk(_client, actions, **kwargs):
        list(actions)
        raise elastic.elastic_transport.ConnectionError("lost the cluster")

    with (
        mock.patch.object(elastic, "bulk", failing_bulk),
        mock.patch.object(elastic.Index, "create"),
        pytest.raises(elastic.elastic_transport.ConnectionError),
    ):
        ElasticBackend(client).rebuild()
    client.indices.update_aliases.assert_not_called()
    [deleted] = client.indices.delete.call_args_list
    assert deleted.kwargs["index"].startswith(f"{alias_name()}-2")


def test_orphans_are_listed_and_old_ones_cleaned(settings):
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    old = elastic.new_index_name(now - timedelta(hours=3))
    young = elastic.new_index_name(now - timedelta(minutes=5))
    client = fake_cluster(["citynet-test-pages-live"])
    client.indices.get.return_value = {n: {} for n in (old, young, "citynet-test-pages-live")}
    backend = ElasticBackend(client)
    assert [n for n, _ in backend.orphans()] == sorted([old, young])
    assert backend.clean(now=now) == [old]  # the young one may be a rebuild still filling
    client.indices.delete.assert_called_once_with(index=old, ignore_unavailable=True)


def test_first_index_is_created_once_when_processes_race():
    client = fake_cluster()
    already = elasticsearch.BadRequestError(
        "resource_already_exists_exception", mock.Mock(status=400), {}
    )
    with mock.patch.object(elastic.Index, "create", side_effect=already):
        ElasticBackend(client).ensure_index()  # the other process created it first
    client.indices.update_aliases.assert_called_once_with(
        actions=[{"add": {"index": f"{alias_name()}-initial", "alias": alias_name()}}]
    )
    other = elasticsearch.BadRequestError("illegal_argument_exception", mock.Mock(status=400), {})
    with (
        mock.patch.object(elastic.Index, "create", side_effect=other),
        pytest.raises(elasticsearch.BadRequestError),
    ):
        ElasticBackend(client).ensure_index()


def test_facets_count_every_city_of_500():
    from search.query import SearchRequest

    body = ElasticBackend(client=None).build(SearchRequest(text="pasar")).to_dict()
    assert body["aggs"]["facet_city"]["aggs"]["values"]["terms"]["size"] >= 500
    assert body["aggs"]["facet_province"]["aggs"]["values"]["terms"]["size"] >= 38


def test_a_search_waits_the_search_timeout_and_does_not_retry(settings):
    settings.SEARCH_ELASTIC_TIMEOUT = 2.0
    client = mock.MagicMock()
    ElasticBackend(client).searching  # noqa: B018
    client.options.assert_called_once_with(
        request_timeout=2.0, max_retries=0, retry_on_timeout=False
    )


# Cluster settings ----------------------------------------------------------------------


def test_cluster_settings_api_key_ca_timeouts_and_cloud_id(settings):
    url, options, search_timeout = elasticsearch_settings(
        {
            "ELASTICSEARCH_URL": "https://es1.example:9200, https://es2.example:9200",
            "ELASTICSEARCH_API_KEY": "a2V5",
            "ELASTICSEARCH_CA_CERTS": "/etc/ssl/es-ca.pem",
            "ELASTICSEARCH_TIMEOUT": "15",
            "ELASTICSEARCH_RETRIES": "3",
            "ELASTICSEARCH_SEARCH_TIMEOUT": "1.5",
        }
    )
    assert search_timeout == 1.5
    assert options["api_key"] == "a2V5" and options["ca_certs"] == "/etc/ssl/es-ca.pem"
    assert options["request_timeout"] == 15 and options["max_retries"] == 3
    assert "verify_certs" not in options  # verified unless switched off
    settings.ELASTICSEARCH_OPTIONS = options
    hosts = elastic.client_options(url)["hosts"]
    assert hosts == ["https://es1.example:9200", "https://es2.example:9200"]

    url, options, _ = elasticsearch_settings(
        {"ELASTICSEARCH_CLOUD_ID": "hub:ZXhhbXBsZQ==", "ELASTICSEARCH_VERIFY_CERTS": "false"}
    )
    assert url and options["cloud_id"] == "hub:ZXhhbXBsZQ=="
    assert options["verify_certs"] is False
    assert elasticsearch_settings({}) == ("", mock.ANY, 2.0)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ELASTICSEARCH_URL": "es.example:9200"}, "must be http"),
        ({"ELASTICSEARCH_URL": "https://user:s3cret@es.example:92x0"}, "port is not a number"),
        ({"ELASTICSEARCH_URL": "ftp://es.example"}, "must be http"),
        ({"ELASTICSEARCH_URL": "http://a:9200", "ELASTICSEARCH_CLOUD_ID": "x"}, "not both"),
        ({"ELASTICSEARCH_TIMEOUT": "soon"}, "must be a number"),
        ({"ELASTICSEARCH_SEARCH_TIMEOUT": "0"}, "at least"),
        ({"ELASTICSEARCH_VERIFY_CERTS": "maybe"}, "true or false"),
    ],
)
def test_malformed_cluster_settings_stop_the_start(env, message):
    with pytest.raises(ImproperlyConfigured, match=message) as error:
        elasticsearch_settings(env)
    assert "s3cret" not in str(error.value)
