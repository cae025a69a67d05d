"""Server time of a master plan's public page and its PDF, for a plan with many programmes.

Builds a throwaway plan for Kupang from the Indonesian template with every section filled
and N programmes (budget lines and KPIs each), publishes it, then times the page through
Django's test client, the worker's job (drawing the PDF with WeasyPrint and storing it) and
the download of the stored PDF through the test client, and deletes the plan:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python bench/master_plans.py --programmes 60
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.blocks import StreamValue  # noqa: E402

from citynet.models import CityPage, Dimension  # noqa: E402
from masterplans.demo import _filled  # noqa: E402
from masterplans.drafting import start_plan  # noqa: E402
from masterplans.models import (  # noqa: E402
    MasterPlanPage,
    MasterPlanTemplate,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
)
from masterplans.pdf import forget_pdfs, render_pdf, store_pdf  # noqa: E402


def make_plan(count):
    city = CityPage.objects.get(slug="kupang", locale__language_code="id")
    template = MasterPlanTemplate.objects.get(locale__language_code="id")
    plan = start_plan(city, template, 2019, None)
    page = plan.get_latest_revision_as_object()
    raw = [
        {**item, "value": _filled(dict(item["value"]), item["type"], True)}
        for item in page.sections.raw_data
    ]
    page.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block, raw, is_lazy=True
    )
    dimensions = list(Dimension.objects.all())
    programmes = []
    for n in range(count):
        start = 2019 + n % 8
        programme = Programme(
            title=f"Program contoh {n + 1}",
            dimension=dimensions[n % len(dimensions)],
            quick_win=n % 10 == 0,
            start_year=start,
            end_year=min(start + n % 5, 2029),
            lead_agency="Diskominfo",
            description="Program contoh untuk pengukuran.",
        )
        programme.budget_lines = [
            ProgrammeBudget(year=start + k, amount=Decimal(100_000_000), funding_source="apbd")
            for k in range(min(3, 2029 - start + 1))
        ]
        programme.indicators = [
            ProgrammeIndicator(
                indicator="Indikator", unit="%", baseline=10, target=90, target_year=2029
            )
        ]
        programmes.append(programme)
    page.programmes = programmes
    page.save_revision().publish()
    return MasterPlanPage.objects.get(pk=plan.pk)


def timed(fn, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programmes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    plan = make_plan(args.programmes)
    try:
        client = Client()
        url = plan.url
        assert client.get(url).status_code == 200
        page_median, page_best = timed(lambda: client.get(url), args.runs)
        language = plan.locale.language_code

        def draw():
            forget_pdfs(plan.pk)
            store_pdf(plan.pk, plan.live_revision_id, language)

        pdf_median, pdf_best = timed(draw, max(1, args.runs // 2))
        size = len(render_pdf(plan))
        pdf_url = url + "pdf/"
        assert client.get(pdf_url).status_code == 200
        download_median, download_best = timed(lambda: client.get(pdf_url), args.runs * 4)
        print(f"plan with {args.programmes} programmes on {connection.vendor}")
        print(f"page: median {page_median * 1000:.0f} ms, best {page_best * 1000:.0f} ms")
        print(
            f"PDF in the worker (draw and store): median {pdf_median:.2f} s, "
            f"best {pdf_best:.2f} s, {size / 1024:.0f} KiB"
        )
        print(
            f"PDF download (stored): median {download_median * 1000:.1f} ms, "
            f"best {download_best * 1000:.1f} ms"
        )
    finally:
        plan.delete()


if __name__ == "__main__":
    main()
