"""A small searchable world, indexed through the page signals as in production."""

import os
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.http import QueryDict

from citynet.models import Dimension
from practices.factories import PracticePageFactory
from practices.models import PracticePage
from search.query import SearchRequest
from search.service import search
from tests.practices.conftest import make_practice

LIVE_ES_URL = os.environ.get("CITYNET_TEST_ELASTICSEARCH_URL", "")


@dataclass
class World:
    tree: object
    permits: PracticePage  # Sidoarjo, Indonesian, "perizinan" in the title
    health: PracticePage  # Kupang, Indonesian, "pelayanan" in the title
    library: PracticePage  # Kupang, Indonesian, "perizinan" only in the text
    permits_en: PracticePage  # Kupang, English
    draft: PracticePage  # Kupang, Indonesian, never published


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """Every contract test runs against each backend that can run here."""
    if request.param == "elasticsearch":
        if not LIVE_ES_URL:
            pytest.skip(
                "Elasticsearch contract tier skipped: CITYNET_TEST_ELASTICSEARCH_URL is not set "
                "(no Elasticsearch server on this machine)"
            )
        settings.ELASTICSEARCH_URL = LIVE_ES_URL
        settings.SEARCH_INDEX_PREFIX = f"citynet-test-{os.getpid()}"
        from search.backends.elastic import ElasticBackend

        ElasticBackend.default().rebuild()
    return request.param


@pytest.fixture
def publish(search_sync, django_capture_on_commit_callbacks):
    """Run `action` and then its after-commit callbacks (the index updates), as a request
    that commits would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def practice(parent, publish, **fields):
    dimension = fields.pop("dimension", "smart-governance")
    fields["dimension"] = Dimension.objects.get(slug=dimension)
    return publish(make_practice, parent, **fields)


@pytest.fixture
def world(site_tree, backend, publish):
    t = site_tree
    permits = practice(
        t.sidoarjo_id,
        publish,
        title="Perizinan usaha online",
        slug="perizinan",
        summary="Satu portal untuk semua izin usaha; pelaku usaha tidak lagi antre.",
        tags=["perizinan"],
        start_year=2017,
    )
    health = practice(
        t.kupang_id,
        publish,
        title="Pelayanan kesehatan di rumah",
        slug="kesehatan",
        summary="Tenaga kesehatan datang ke rumah warga lanjut usia.",
        dimension="smart-living",
        start_year=2019,
    )
    library = practice(
        t.kupang_id,
        publish,
        title="Perpustakaan digital",
        slug="perpustakaan",
        summary="Buku digital untuk warga. Peminjaman tanpa perizinan khusus di kelurahan.",
        dimension="smart-society",
        start_year=2019,
    )
    permits_en = practice(
        t.kupang,
        publish,
        title="Online permits for small shops",
        slug="online-permits",
        summary="One portal issues every business permit.",
        start_year=2018,
    )
    draft = PracticePageFactory.build(
        title="Perizinan rahasia", slug="rahasia", summary="Draf tentang perizinan.", live=False
    )
    t.kupang_id.add_child(instance=draft)
    publish(draft.save_revision)
    return World(t, permits, health, library, permits_en, draft)


def run(text="", language="id", **filters):
    params = QueryDict(mutable=True)
    params["q"] = text
    for facet, value in filters.items():
        params.setlist(facet, value if isinstance(value, list) else [value])
    return search(SearchRequest.from_params(params, language))


def hit_titles(results):
    from django.utils.html import strip_tags

    return [strip_tags(str(h.title)) for h in results.hits]


def counts(results, facet):
    return {v.value: v.count for v in results.facet(facet).values if v.count}


@pytest.fixture
def rebuild():
    def go():
        call_command("search_index", "rebuild", stdout=open(os.devnull, "w"))  # noqa: SIM115

    return go
