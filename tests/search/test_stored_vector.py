"""PostgreSQL matches through the entry's stored, weighted vector and its GIN index."""

import pytest
from django.db import connection

from search.backends.database import DatabaseBackend
from search.models import SearchEntry

from .conftest import practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(site_tree, publish, search_sync):
    practice(
        site_tree.sidoarjo_id,
        publish,
        title="Perizinan usaha online",
        slug="perizinan",
        summary="Satu portal untuk semua izin usaha.",
    )
    practice(
        site_tree.kupang_id,
        publish,
        title="Perpustakaan digital",
        slug="perpustakaan",
        summary="Buku untuk sekolah; perizinan tidak perlu.",
    )
    practice(
        site_tree.kupang_id,
        publish,
        title="Pelayanan kesehatan",
        slug="kesehatan",
        summary="Layanan di rumah.",
        problem="<p>Warga mengurus perizinan praktik bidan.</p>",
    )


def test_vectors_are_written_with_the_entry_weighted_title_summary_text(entries):
    vectors = dict(SearchEntry.objects.values_list("title", "search_vector"))
    assert "'izin':1A" in vectors["Perizinan usaha online"]
    assert "'izin'" in vectors["Perpustakaan digital"] and "B" in vectors["Perpustakaan digital"]
    assert all(vectors.values())


def test_title_outranks_summary_outranks_text(entries):
    matched = DatabaseBackend().matching(SearchEntry.objects.all(), ["perizinan"], ranked=True)
    assert list(matched.values_list("title", flat=True)) == [
        "Perizinan usaha online",
        "Perpustakaan digital",
        "Pelayanan kesehatan",
    ]


def test_every_word_must_match_through_any_stem(entries):
    backend = DatabaseBackend()
    titles = lambda words: set(  # noqa: E731
        backend.matching(SearchEntry.objects.all(), words, ranked=False).values_list(
            "title", flat=True
        )
    )
    assert titles(["izin", "usaha"]) == {"Perizinan usaha online"}
    assert titles(["perizinan", "buku"]) == {"Perpustakaan digital"}
    assert titles(["izin", "nothing-like-this"]) == set()
    # tsquery operators in a word are text, never operators: "!izin" is not "not izin".
    assert titles(["!izin"]) == titles(["izin"]) != set()
    assert titles(["izin|buku"]) == {"Perpustakaan digital"}  # both words, not "or"


def test_the_match_uses_the_gin_index(entries):
    backend = DatabaseBackend()
    matched = backend.matching(SearchEntry.objects.all(), ["perizinan", "usaha"], ranked=False)
    # The match alone (the ordering could pick the date index instead on a tiny table).
    matched = matched.order_by().values("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = matched.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_vector_gin" in plan, plan


def test_the_rank_vector_holds_title_and_summary_only(entries):
    rank = dict(SearchEntry.objects.values_list("title", "rank_vector"))
    assert "'izin':1A" in rank["Perizinan usaha online"]
    assert "'buku':5B" in rank["Perpustakaan digital"]
    # "bidan" is only in the text: matched through the full vector, not in the rank one.
    assert "bidan" not in rank["Pelayanan kesehatan"]
    matched = DatabaseBackend().matching(SearchEntry.objects.all(), ["bidan"], ranked=True)
    assert list(matched.values_list("title", flat=True)) == ["Pelayanan kesehatan"]


def test_a_title_match_comes_first_whatever_the_summary_says(site_tree, publish, search_sync):
    practice(
        site_tree.kupang_id,
        publish,
        title="Pasar rakyat",
        slug="pasar",
        summary="Izin pasar, izin lapak, izin parkir: izin untuk semua pedagang.",
    )
    practice(site_tree.kupang_id, publish, title="Izin reklame", slug="reklame", summary="Papan.")
    matched = DatabaseBackend().matching(SearchEntry.objects.all(), ["izin"], ranked=True)
    assert list(matched.values_list("title", flat=True)) == ["Izin reklame", "Pasar rakyat"]


def test_no_search_statement_scans_the_entries_sequentially(entries):
    """The planner cannot tell that a sequential scan filtering on the search vector reads
    every vector from TOAST storage; the search's block turns such scans off, so matching
    goes through the GIN index even for a word in half the entries."""
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from search.limits import time_limited
    from search.query import SearchRequest
    from search.service import search

    request = SearchRequest.from_params(QueryDict("q=perizinan"), "id")
    with CaptureQueriesContext(connection) as ctx:
        assert search(request).total == 3
    searched = [q["sql"] for q in ctx.captured_queries if '"search_vector" @@' in q["sql"]]
    assert len(searched) >= 2  # the facet counts and the ranked page
    for sql in searched:
        with time_limited(), connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Seq Scan on search_searchentry" not in plan, plan
        assert "search_entry_vector_gin" in plan, plan
