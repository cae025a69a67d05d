"""The public plan page, its PDF, the plans listing with its comparison, and the links
from practices and cities; sums checked against figures computed by hand."""

from decimal import Decimal
from io import BytesIO
from unittest import mock

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.blocks import StreamValue

from masterplans import pdf
from masterplans.models import MasterPlanIndexPage, MasterPlanPage
from masterplans.roadmap import build_budget, build_roadmap

from .conftest import add_programme, filled_sections, publish


def build_plan(plan, practices=()):
    """Kupang's plan with programmes whose sums are easy to check by hand."""
    page = plan.get_latest_revision_as_object()
    page.summary = "Rencana sepuluh tahun."
    page.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block,
        filled_sections(page),
        is_lazy=True,
    )
    add_programme(
        page,
        "Mal pelayanan publik",
        "smart-governance",
        element="public-service",
        quick_win=True,
        start=2019,
        end=2019,
        budget=[(2019, 1_000_000_000, "apbd")],
        practices=practices,
    )
    add_programme(
        page,
        "Wi-Fi publik di taman",
        "smart-society",
        start=2020,
        end=2023,
        budget=[(2020, 250_000_000, "apbd"), (2021, 250_000_000, "csr")],
        kpis=[("Titik Wi-Fi aktif", 10, 60, 2023)],
    )
    add_programme(
        page,
        "Bank sampah digital",
        "smart-environment",
        start=2022,
        end=2029,
        budget=[(2022, 100_000_000, "apbn"), (2029, 400_000_000, "apbd")],
    )
    page.save_revision()
    return publish(plan)


@pytest.fixture
def published_plan(kupang_plan, practice_tree):
    return build_plan(kupang_plan, practices=[practice_tree.permits])


@pytest.fixture
def plan_index(site_tree):
    index = MasterPlanIndexPage(title="Master plans", slug="master-plans")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    return index


def test_roadmap_and_budget_match_hand_computed_figures(published_plan):
    programmes = published_plan.programme_list
    budget = build_budget(published_plan, programmes)
    assert budget.total == Decimal(2_000_000_000)
    rows = {row.label: row for row in budget.by_dimension}
    assert rows["Smart Governance"].total == 1_000_000_000
    assert rows["Smart Society"].amounts[1:3] == [250_000_000, 250_000_000]
    assert rows["Smart Environment"].amounts[-1] == 400_000_000
    assert budget.year_totals[0] == 1_000_000_000  # 2019
    assert budget.year_totals[3] == 100_000_000  # 2022
    assert sum(budget.year_totals) == budget.total
    sources = {row.label: (row.total, round(row.share)) for row in budget.by_source}
    assert sources["APBD (regional budget)"] == (1_650_000_000, 82)
    assert sources["CSR (corporate social responsibility)"] == (250_000_000, 12)
    terms = {p.title: p.term for p in programmes}
    assert terms == {
        "Mal pelayanan publik": "short",
        "Wi-Fi publik di taman": "medium",
        "Bank sampah digital": "long",
    }
    roadmap = build_roadmap(published_plan, programmes)
    assert roadmap.years[0] == 2019 and roadmap.years[-1] == 2029
    bars = {bar.programme.title: bar for group in roadmap.groups for bar in group.bars}
    assert bars["Bank sampah digital"].width == 8 * 44
    assert bars["Wi-Fi publik di taman"].x - bars["Mal pelayanan publik"].x == 44
    assert [g.dimension.slug for g in roadmap.groups] == [
        "smart-governance",
        "smart-society",
        "smart-environment",
    ]


def test_public_page_shows_contents_sections_programmes_roadmap_and_budget(published_plan, client):
    response = client.get(published_plan.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#section-analisis-kesiapan"' in html
    assert "Analisis kesiapan daerah" in html and "Teks bagian." in html
    assert "Nilai kesiapan struktur" not in html  # guidance stays in the editor
    assert "Wi-Fi publik di taman" in html and "Titik Wi-Fi aktif" in html
    assert '<svg role="img"' in html and "★ Mal pelayanan publik" in html
    assert "2.000.000.000" in html  # the Indonesian page groups with dots
    assert "14 dari 14" in html or "14 of 14" in html
    assert "Online permits" in html  # the practice it learns from


def test_draft_plans_are_not_public(kupang_plan, client, editor_sidoarjo):
    assert client.get(kupang_plan.url).status_code == 404
    assert client.get(kupang_plan.url + "pdf/").status_code == 404


def flat(text):
    return " ".join(text.split())


def pdf_text(data):
    return flat(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages))


def test_pdf_has_cover_contents_sections_and_budget_total(published_plan, client):
    response = client.get(published_plan.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    assert len(reader.pages) > 10
    text = pdf_text(response.content)
    assert published_plan.title in flat(reader.pages[0].extract_text())
    for title in ("Pendahuluan", "Analisis kesiapan daerah", "Peta jalan dan penganggaran"):
        assert title in text
    assert "2.000.000.000" in text
    # The table of contents gives page numbers, and pages carry running headers.
    contents = reader.pages[1].extract_text()
    assert "Pendahuluan" in contents and any(ch.isdigit() for ch in contents)
    assert published_plan.title in flat(reader.pages[3].extract_text())


def test_pdf_is_made_once_per_published_revision(published_plan, client):
    with mock.patch.object(pdf, "render_pdf", wraps=pdf.render_pdf) as render:
        first = client.get(published_plan.url + "pdf/").content
        second = client.get(published_plan.url + "pdf/").content
        assert render.call_count == 1 and first == second
        published_plan.summary = "Diperbarui."
        published_plan.save_revision().publish()
        client.get(published_plan.url + "pdf/")
        assert render.call_count == 2


def test_draft_pdf_for_the_citys_editors_only(kupang_plan, kupang_client, editor_sidoarjo, client):
    url = reverse("masterplans_draft_pdf", args=[kupang_plan.pk])
    response = kupang_client.get(url)
    assert response.status_code == 200
    assert "Draft" in pdf_text(response.content) or "Draf" in pdf_text(response.content)
    client.force_login(editor_sidoarjo)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_plan_page_queries_stay_constant_as_programmes_grow(
    published_plan, client, django_assert_max_num_queries
):
    client.get(published_plan.url)  # warm site root caches
    # The implementation section and the peer suggestions add a fixed number of queries.
    with django_assert_max_num_queries(40) as small:
        client.get(published_plan.url)
    budget = len(small.captured_queries)  # read now: the next request clears the query log
    page = published_plan.get_latest_revision_as_object()
    for n in range(40):
        add_programme(
            page,
            f"Program {n}",
            "smart-living",
            budget=[(2020, 1000, "apbd")],
            kpis=[("KPI", 1, 2, 2025)],
        )
    page.save_revision().publish()
    client.get(published_plan.url)  # the publish emptied the shared caches: refill them
    with django_assert_max_num_queries(budget):
        response = client.get(published_plan.url)
    assert "Program 39" in response.content.decode()


def test_index_lists_published_plans_with_comparison(published_plan, plan_index, client):
    response = client.get(plan_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert published_plan.title in html
    row = response.context["comparison"].rows[0]
    dimensions = response.context["comparison"].dimensions
    cells = {d.slug: c for d, c in zip(dimensions, row.cells, strict=True)}
    assert (cells["smart-governance"].programmes, cells["smart-governance"].quick_wins) == (1, 1)
    assert cells["smart-environment"].budget == 500_000_000
    assert row.total.budget == 2_000_000_000 and row.total.programmes == 3


def test_index_filters_and_ignores_unknown_values(published_plan, plan_index, client):
    assert client.get(plan_index.url, {"province": "Jawa Timur"}).context["plans"] == []
    response = client.get(plan_index.url, {"province": "Nusa Tenggara Timur", "cohort": "2019"})
    assert response.context["plans"] == [published_plan]
    assert response["X-Robots-Tag"] == "noindex"
    for params in ({"year": "abc"}, {"cohort": "1999"}, {"province": "x" * 5000}, {"page": "-1"}):
        response = client.get(plan_index.url, params)
        assert response.status_code == 200
    assert client.get(plan_index.url, {"year": "2019"}).context["plans"] == [published_plan]


def test_practice_page_shows_the_plans_learning_from_it(published_plan, practice_tree, client):
    html = client.get(practice_tree.permits.url).content.decode()
    assert "Master plans learning from it" in html and "Mal pelayanan publik" in html
    other = client.get(practice_tree.library.url).content.decode()
    assert "Master plans learning from it" not in other


def test_city_page_links_its_published_plan(published_plan, site_tree, client):
    html = client.get(site_tree.kupang_id.url).content.decode()
    assert published_plan.title in html
