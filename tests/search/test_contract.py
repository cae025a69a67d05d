"""The search contract: the same cases against every backend that can run here (the
`backend` fixture). The database backend always runs, on PostgreSQL (bin/test) and on
SQLite (bin/test runs this file again on SQLite); Elasticsearch runs when
CITYNET_TEST_ELASTICSEARCH_URL points at a server and is reported as skipped otherwise."""

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticePage

from .conftest import counts, hit_titles, practice, run

pytestmark = pytest.mark.django_db


def test_izin_finds_perizinan_and_layanan_finds_pelayanan(world):
    assert "Perizinan usaha online" in hit_titles(run("izin"))
    assert hit_titles(run("layanan")) == ["Pelayanan kesehatan di rumah"]
    assert "Perizinan usaha online" in hit_titles(run("perizinan"))


def test_every_word_must_match(world):
    assert hit_titles(run("perizinan usaha")) == ["Perizinan usaha online"]
    assert hit_titles(run("perizinan kesehatan")) == []


def test_title_matches_outrank_text_matches(world):
    titles = hit_titles(run("perizinan"))
    assert titles.index("Perizinan usaha online") < titles.index("Perpustakaan digital")


def test_own_language_first_then_the_other(world):
    titles = hit_titles(run("online", language="en"))
    assert titles[0] == "Online permits for small shops"
    assert "Perizinan usaha online" in titles[1:]
    titles = hit_titles(run("online", language="id"))
    assert titles[0] == "Perizinan usaha online"


def test_drafts_never_appear(world):
    assert "Perizinan rahasia" not in hit_titles(run("perizinan"))
    assert "Perizinan rahasia" not in hit_titles(run("rahasia"))
    assert run("rahasia").total == 0


def test_facets_count_the_results(world):
    results = run("perizinan")
    assert results.total == 2
    assert counts(results, "kind") == {"practice": 2}
    assert counts(results, "city") == {"sidoarjo": 1, "kupang": 1}
    assert counts(results, "province") == {"Jawa Timur": 1, "Nusa Tenggara Timur": 1}
    assert counts(results, "dimension") == {"smart-governance": 1, "smart-society": 1}
    assert counts(results, "tag") == {"perizinan": 1}
    assert counts(results, "year") == {"2017": 1, "2019": 1}
    labels = {v.value: v.label for v in results.facet("city").values}
    assert labels == {"sidoarjo": "Kabupaten Sidoarjo", "kupang": "Kota Kupang"}


def test_filters_narrow_and_facets_keep_other_choices(world):
    results = run("perizinan", province="Jawa Timur")
    assert hit_titles(results) == ["Perizinan usaha online"]
    assert results.total == 1
    # The province facet leaves out its own filter: the other province stays choosable.
    assert counts(results, "province") == {"Jawa Timur": 1, "Nusa Tenggara Timur": 1}
    assert counts(results, "city") == {"sidoarjo": 1}
    assert hit_titles(run("perizinan", dimension="smart-society")) == ["Perpustakaan digital"]
    assert hit_titles(run("", city="kupang", year="2019")) == [
        "Perpustakaan digital",
        "Pelayanan kesehatan di rumah",
    ] or sorted(hit_titles(run("", city="kupang", year="2019"))) == [
        "Pelayanan kesehatan di rumah",
        "Perpustakaan digital",
    ]
    assert run("perizinan", city="nowhere").total == 0
    assert run("perizinan", kind="event").total == 0


def test_matches_are_highlighted_and_escaped(world, publish):
    hit = run("izin").hits[0]
    assert "<mark>" in str(hit.title) + str(hit.snippet)
    results = run("perizinan")
    library = next(h for h in results.hits if "Perpustakaan" in str(h.title))
    assert "<mark>perizinan</mark>" in str(library.snippet).lower()
    practice(
        world.tree.kupang_id,
        publish,
        title="Pasar <b>ikan</b> & perizinan",
        slug="pasar",
        summary="Pedagang <script>alert(1)</script> mengurus izin.",
    )
    hit = next(h for h in run("pasar").hits)
    assert "<b>" not in str(hit.title) and "&lt;b&gt;" in str(hit.title)
    assert "<script>" not in str(hit.snippet) and "&lt;script&gt;" in str(hit.snippet)


def test_pagination(world, publish):
    for n in range(12):
        practice(
            world.tree.kupang_id,
            publish,
            title=f"Pasar rakyat {n}",
            slug=f"pasar-{n}",
            summary="Pasar tradisional.",
        )
    first = run("pasar")
    assert first.total == 12 and first.num_pages == 2 and len(first.hits) == 10
    from django.http import QueryDict

    from search.query import SearchRequest
    from search.service import search

    second = search(SearchRequest.from_params(QueryDict("q=pasar&page=2"), "id"))
    assert len(second.hits) == 2
    assert not {h.page_id for h in first.hits} & {h.page_id for h in second.hits}
    beyond = search(SearchRequest.from_params(QueryDict("q=pasar&page=9"), "id"))
    assert beyond.hits == [] and beyond.total == 12


def test_unpublished_and_deleted_pages_are_gone(world, publish):
    publish(world.permits.unpublish)
    assert "Perizinan usaha online" not in hit_titles(run("izin"))
    publish(PracticePage.objects.get(pk=world.library.pk).delete)
    assert run("perizinan").total == 0


def test_private_pages_never_appear(world, publish):
    publish(
        PageViewRestriction.objects.create,
        page=world.tree.sidoarjo_id,
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert "Perizinan usaha online" not in hit_titles(run("izin"))
    publish(PageViewRestriction.objects.filter(page=world.tree.sidoarjo_id).delete)
    assert "Perizinan usaha online" in hit_titles(run("izin"))


def test_moved_pages_are_updated(world, publish):
    page = PracticePage.objects.get(pk=world.library.pk)
    publish(page.move, world.tree.sidoarjo_id, pos="last-child")
    hit = next(h for h in run("perpustakaan").hits)
    assert "/sidoarjo/" in hit.url
    assert hit.city == "Kabupaten Sidoarjo"
    assert counts(run("perpustakaan"), "city") == {"sidoarjo": 1}


def test_republished_changes_show(world, publish):
    page = PracticePage.objects.get(pk=world.health.pk)
    page.title = "Kunjungan rumah lansia"
    publish(page.save_revision().publish)
    assert hit_titles(run("lansia")) == ["Kunjungan rumah lansia"]
    assert run("layanan").total == 0


def test_rebuild_gives_the_same_answers(world, rebuild):
    before = [(hit_titles(run(q)), run(q).total) for q in ("izin", "layanan", "online")]
    rebuild()
    after = [(hit_titles(run(q)), run(q).total) for q in ("izin", "layanan", "online")]
    assert before == after
