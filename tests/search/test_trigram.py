"""Suggestions from PostgreSQL (pg_trgm): "did you mean" from the index's vocabulary and the
autocomplete from the titles, through trigram GIN (vocabulary) and GiST (titles) indexes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import spelling
from search.backends.database import DatabaseBackend
from search.indexing import rebuild_database_index
from search.models import SearchWord

from .conftest import practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(site_tree, publish, search_sync):
    made = [
        practice(
            site_tree.sidoarjo_id,
            publish,
            title="Perizinan usaha online",
            slug="perizinan",
            summary="Satu portal untuk semua izin usaha.",
        ),
        practice(
            site_tree.kupang_id,
            publish,
            title="Pelayanan kesehatan di rumah",
            slug="kesehatan",
            summary="Tenaga kesehatan datang ke rumah warga.",
        ),
        practice(
            site_tree.kupang,
            publish,
            title="Online permits for small shops",
            slug="permits",
            summary="One portal issues every business permit.",
        ),
    ]
    return made


def explain(queryset):
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {queryset.model._meta.db_table}")
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny tables: make the planner show
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_vocabulary_follows_the_index(entries, site_tree, publish):
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"perizinan", "kesehatan", "portal", "permits"} <= words
    assert not {"di", "ke"} & words  # too short to offer
    publish(entries[1].delete)
    rebuild_database_index()  # a rebuild drops the words of pages that went
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert "perizinan" in words and "kesehatan" not in words


@pytest.mark.parametrize(
    "words, expected",
    [
        (["perizinann"], "perizinan"),
        (["kesehatn", "rumah"], "kesehatan rumah"),
        (["portl", "usaha"], "portal usaha"),
        (["perizinan", "usaha"], ""),  # nothing unknown: nothing to offer
        (["qxzvw"], ""),  # nothing close enough
    ],
)
def test_did_you_mean_offers_the_closest_known_words(entries, words, expected):
    assert spelling.did_you_mean(words) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_did_you_mean_and_suggest_use_their_trigram_indexes(entries):
    # A vocabulary of some size, so the planner weighs the indexes as it would at scale.
    SearchWord.objects.bulk_create(
        [SearchWord(word=f"kata{n:05d}{chr(97 + n % 26)}") for n in range(5000)]
    )
    close = SearchWord.objects.filter(word__trigram_similar="kesehatn")
    assert "search_word_trgm" in explain(close)
    # The autocomplete's own query: the GiST index hands titles over closest first.
    with CaptureQueriesContext(connection) as ctx:
        DatabaseBackend().suggest("perizi", "id")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + ctx.captured_queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan using search_entry_title_trgm_gist" in plan, plan
    assert "Order By" in plan and "Sort" not in plan, plan


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite suggests through Wagtail's autocomplete"
)
def test_suggest_finds_prefixes_and_forgives_a_typo_own_language_first(entries):
    backend = DatabaseBackend()
    assert [e.title for e in backend.suggest("periz", "id")] == ["Perizinan usaha online"]
    assert [e.title for e in backend.suggest("perizni", "id")] == ["Perizinan usaha online"]
    found = [e.title for e in backend.suggest("online", "en")]
    assert found == ["Online permits for small shops", "Perizinan usaha online"]
    found = [e.title for e in backend.suggest("online", "id")]
    assert found == ["Perizinan usaha online", "Online permits for small shops"]
    assert backend.suggest("zzqx", "id") == []
