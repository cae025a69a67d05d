"""Server time and query count of the practice chooser (practices/chooser.py) at volume: the
modal as it opens, a search by title words and by city, a filter, a far page; and the plan
editor with programmes linked to practices. Timings belong here, never in tests.

Prepare a benchmark database once (PostgreSQL), as for bench/practice_pages.py:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python manage.py generate_volume_data --cities 500 --practices 20000
    .venv/bin/python bench/practice_chooser.py --runs 30

Requests go through Django's full request handling (the test client) as Kupang's demo
editor, so the times are the server's, without network or browser.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import logging  # noqa: E402
from urllib.parse import parse_qs, urlsplit  # noqa: E402

import django  # noqa: E402

django.setup()
logging.getLogger("citynet.requests").setLevel(logging.WARNING)

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.practice_pages import timed  # noqa: E402
from citynet.models import Dimension  # noqa: E402
from masterplans.models import MasterPlanPage  # noqa: E402
from practices.chooser import PracticeFilterForm, choosable_practices  # noqa: E402
from practices.models import PracticePage  # noqa: E402


def hits(url):
    """How many practices the listing behind `url` matches (the locale as the view fills it)."""
    if "practice-chooser" not in url:
        return "-"
    data = {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}
    data.setdefault("locale", "en")
    form = PracticeFilterForm(data)
    return form.filter(choosable_practices()).count() if form.is_valid() else "invalid"


def cases():
    choose = reverse("practice_chooser:choose") + "?multiple=1"
    results = reverse("practice_chooser:choose_results") + "?multiple=1"
    dimension = Dimension.objects.get(slug="smart-living").pk
    plan = MasterPlanPage.objects.filter(city__slug="kupang").order_by("pk").first()
    yield "modal opens", choose
    yield "search 'sekolah'", f"{results}&q=sekolah"
    yield "search 'layanan publik'", f"{results}&q=layanan+publik"
    yield "search a city", f"{results}&q=kupang"
    yield "dimension filter", f"{results}&dimension={dimension}"
    yield "all languages, p. 500", f"{results}&locale=&p=500"
    if plan is not None:
        yield "plan editor", reverse("wagtailadmin_pages:edit", args=[plan.pk])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.DEBUG = False
    client = Client()
    editor = get_user_model().objects.filter(username="editor.kupang").first()
    if editor is None or not PracticePage.objects.exists():
        sys.exit("No demo editor or practices: see the preparation steps at the top of this file.")
    client.force_login(editor)
    total = PracticePage.objects.live().count()
    print(f"database: {connection.vendor}, live practices: {total}, runs: {args.runs}")
    print(
        "{:<24} {:>6} {:>8} {:>8} {:>8} {:>8}".format(
            "case", "status", "queries", "hits", "p50", "p95"
        )
    )
    for name, url in cases():
        client.get(url, HTTP_HOST="localhost")  # warm code paths
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, HTTP_HOST="localhost")
        queries = len(ctx.captured_queries)
        p50, p95 = timed(client, url, args.runs, cold=False)
        status, found = response.status_code, hits(url)
        size = len(response.content) // 1024
        print(f"{name:<24} {status:>6} {queries:>8} {found:>8} {size:>8} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
