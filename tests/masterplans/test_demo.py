"""The demo plans: Kupang's published 2019-2029 plan and Sidoarjo's draft, from the
Indonesian template, with programmes across the six dimensions."""

import pytest
from django.core.management import call_command

from masterplans.models import MasterPlanIndexPage, MasterPlanPage

pytestmark = pytest.mark.django_db


def test_demo_plans_progress_and_scores(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from masterplans.models import CityEvaluation, ProgressReportPage

    call_command("load_demo_data", verbosity=0)
    counts = (ProgressReportPage.objects.count(), CityEvaluation.objects.count())
    call_command("load_demo_data", verbosity=0)  # idempotent
    check_progress_and_scores(client, counts)
    kupang = MasterPlanPage.objects.get(city__slug="kupang")
    assert kupang.live and kupang.period == "2019\u20132029"
    assert kupang.completeness().complete
    assert kupang.plan_template.locale.language_code == "id"
    programmes = kupang.programme_list
    assert len(programmes) >= 12
    assert len({p.dimension.slug for p in programmes}) == 6
    assert sum(p.quick_win for p in programmes) >= 4
    assert all(p.budget_total for p in programmes)
    assert any(p.indicators.all() for p in programmes)
    assert any(p.practices.all() for p in programmes)
    assert "Konten contoh" in kupang.summary

    sidoarjo = MasterPlanPage.objects.get(city__slug="sidoarjo")
    assert not sidoarjo.live
    draft = sidoarjo.get_latest_revision_as_object()
    assert len(draft.programme_list) >= 12
    assert len({p.dimension_id for p in draft.programme_list}) == 6
    assert draft.completeness().missing  # a draft still being written

    assert client.get(kupang.url).status_code == 200
    assert client.get(kupang.url + "pdf/").status_code == 200
    assert client.get(sidoarjo.url).status_code == 404
    index = MasterPlanIndexPage.objects.get(locale__language_code="en")
    assert index.url == "/en/master-plans/"
    response = client.get(index.url)
    # Kupang and the four cohort cities with small sample plans (demo_progress).
    assert kupang in response.context["plans"] and len(response.context["plans"]) == 5
    # Programmes share a sort order, so which one comes first is up to the database.
    linked = next(p for p in kupang.programme_list if p.practices.all())
    practice_url = linked.practices.all()[0].url
    assert kupang.title in client.get(practice_url).content.decode()


def check_progress_and_scores(client, counts):
    """The demo's progress reports and evaluations (loaded by the test above)."""
    from masterplans.models import CityEvaluation, EvaluationYear, ProgressReportPage
    from masterplans.progress import implementation

    assert (ProgressReportPage.objects.count(), CityEvaluation.objects.count()) == counts
    kupang = MasterPlanPage.objects.get(city__slug="kupang")
    reports = ProgressReportPage.objects.child_of(kupang).live().order_by("year")
    assert [r.year for r in reports] == [2019, 2020]
    assert all("Data contoh" in r.narrative for r in reports)
    assert all(r.evidence for r in reports)
    figures = implementation(kupang)
    assert figures.latest_year == 2020 and figures.realised[2019] > 0
    assert 0 < figures.carried_out < 100 and figures.quick_win_share > 0
    assert any(kpi.achieved is not None for kpi in figures.indicators)
    html = client.get(kupang.url).content.decode()
    assert 'id="implementation"' in html and "<svg" in html
    assert list(EvaluationYear.objects.order_by("year").values_list("year", flat=True)) == [
        2019,
        2020,
    ]
    scored = CityEvaluation.objects.filter(evaluation_year__year=2020)
    assert scored.count() >= 5 and all(e.total is not None for e in scored)
    assert len({e.plan.city_id for e in scored}) == scored.count()
    assert all("contoh" in e.notes for e in scored)
