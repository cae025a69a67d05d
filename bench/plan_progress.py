"""Queries and server time of the secretariat's progress screens with N cities' plans.

Gives every generated city (manage.py generate_volume_data) a published master plan with
six programmes (budget lines, a KPI), a published progress report with a row per
programme, and scores in one evaluation year, all bulk-inserted; then requests, as the
secretariat, the "Plans in progress" dashboard, the year's ranking, the admin home page,
a plan's public page with its implementation section and peer suggestions, and the XLSX
export of every city, and prints the query count and the median time of each:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python manage.py generate_volume_data --cities 500 --practices 20000
    .venv/bin/python bench/plan_progress.py --cities 500

Run it on a benchmark database: it adds pages and rows (removed again with --clean).
"""

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from citynet.models import CityPage, Dimension  # noqa: E402
from citynet.volume import bulk_add_children  # noqa: E402
from masterplans.models import (  # noqa: E402
    Aspect,
    CityEvaluation,
    EvaluationYear,
    IndicatorAchievement,
    MasterPlanPage,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
    ProgrammeProgress,
    ProgressReportPage,
)

BENCH_SLUG = "bench-plan"
YEAR = 2099


def make_plans(count):
    cities = list(
        CityPage.objects.filter(locale__language_code="en")
        .exclude(master_plans__slug=BENCH_SLUG)
        .order_by("pk")[:count]
    )
    dimensions = list(Dimension.objects.order_by("sort_order"))
    plans = [
        MasterPlanPage(title=f"Bench plan {c.title}", slug=BENCH_SLUG, start_year=2020, city=c)
        for c in cities
    ]
    for city, plan in zip(cities, plans, strict=True):
        bulk_add_children(city, [plan])
    programmes = Programme.objects.bulk_create(
        Programme(
            plan=plan, title=f"Programme {d.slug}", dimension=d, start_year=2020, end_year=2024,
            lead_agency="Diskominfo", total_budget=Decimal(1_000_000 * (i + 1)), sort_order=i,
        )
        for plan in plans
        for i, d in enumerate(dimensions)
    )  # fmt: skip
    ProgrammeBudget.objects.bulk_create(
        ProgrammeBudget(programme=p, year=2020, amount=p.total_budget) for p in programmes
    )
    kpis = ProgrammeIndicator.objects.bulk_create(
        ProgrammeIndicator(programme=p, indicator="KPI", baseline=0, target=100, target_year=2024)
        for p in programmes
    )
    reports = []
    for plan in plans:
        report = ProgressReportPage(
            title="Report 2020", slug="report-2020", year=2020, narrative="Bench.",
            plan=plan, city_id=plan.city_id,
        )  # fmt: skip
        bulk_add_children(plan, [report])
        reports.append(report)
    by_plan = {r.plan_id: r for r in reports}
    rows = ProgrammeProgress.objects.bulk_create(
        ProgrammeProgress(report=by_plan[p.plan_id], programme=p, programme_title=p.title,
                          status=("done", "on_track", "delayed")[p.sort_order % 3])
        for p in programmes
    )  # fmt: skip
    kpi_of = {k.programme_id: k for k in kpis}
    IndicatorAchievement.objects.bulk_create(
        IndicatorAchievement(progress=r, indicator=kpi_of[r.programme_id],
                             indicator_name="KPI", achieved=40)
        for r in rows
    )  # fmt: skip
    year, _ = EvaluationYear.objects.get_or_create(
        year=YEAR,
        defaults={f"weight_{a}": 20 for a in Aspect.values},
    )  # fmt: skip
    CityEvaluation.objects.bulk_create(
        CityEvaluation(evaluation_year=year, plan=p, total=Decimal(i % 100), score_baseline=50,
                       score_output=50, score_outcome=50, score_impact=50, score_quick_win=50)
        for i, p in enumerate(plans)
    )  # fmt: skip
    return plans


def clean():
    for page in MasterPlanPage.objects.filter(slug=BENCH_SLUG):
        page.delete()
    EvaluationYear.objects.filter(year=YEAR).delete()


def measure(client, url, runs, cold=False):
    from django.core.cache import cache

    client.get(url)  # warm caches
    times, queries = [], 0
    for _ in range(runs):
        if cold:
            cache.clear()  # as right after a publish: shared fragments recomputed
        reset_queries()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        queries = len(connection.queries)
        assert response.status_code == 200, (url, response.status_code)
    return queries, statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clean", action="store_true", help="remove the bench plans and stop")
    args = parser.parse_args()
    if args.clean:
        clean()
        return
    settings.DEBUG = True  # connection.queries
    settings.ALLOWED_HOSTS = ["*"]
    have = MasterPlanPage.objects.filter(slug=BENCH_SLUG).count()
    if have < args.cities:
        make_plans(args.cities - have)
    plans = MasterPlanPage.objects.live().count()
    user = get_user_model().objects.filter(is_superuser=True).first()
    client = Client()
    client.force_login(user)
    plan = MasterPlanPage.objects.filter(slug=BENCH_SLUG).first()
    print(f"{plans} published plans ({args.cities} bench plans), median of {args.runs} runs")
    for label, url, cold in (
        ("Plans in progress dashboard", reverse("masterplans_progress"), False),
        ("evaluation ranking", reverse("masterplans_evaluation_year", args=[YEAR]), False),
        ("admin home (secretariat panel)", reverse("wagtailadmin_home"), False),
        ("plan page (implementation, suggestions)", plan.url, False),
        ("the same, caches emptied", plan.url, True),
        ("XLSX export, every city", reverse("masterplans_export") + "?format=xlsx", False),
    ):
        queries, ms = measure(client, url, args.runs, cold)
        print(f"  {label:42} {queries:4d} queries  {ms:8.1f} ms")


if __name__ == "__main__":
    main()
