"""Server time and query count per page at volume: the practice listing and detail, and
the city pages. Timings belong here, never in tests.

Prepare a benchmark database once (PostgreSQL), then run:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python manage.py generate_volume_data --cities 500 --practices 20000
    .venv/bin/python manage.py update_index          # only for the keyword rows
    .venv/bin/python bench/practice_pages.py --runs 30

Each page is requested through Django's full request handling (the test client), so the
time is the server's time to build the response, without network or browser.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from practices.models import PracticePage  # noqa: E402


def cases():
    practice = (
        PracticePage.objects.live().filter(locale__language_code="en").order_by("-pk").first()
    )
    if practice is None:
        sys.exit("No practices: see the preparation steps at the top of this file.")
    return [
        ("practice listing", "/en/practices/"),
        (
            "listing, 3 filters",
            "/en/practices/?province=Jawa+Timur&dimension=smart-living&sort=city",
        ),
        ("listing, page 400", "/en/practices/?page=400"),
        ("listing, keyword", "/en/practices/?q=sekolah+data"),
        ("practice detail", practice.url),
        ("city page", practice.city.url),
        ("cities listing", "/en/cities/?province=Bali"),
    ]


def measure(client, url, runs):
    client.get(url, HTTP_HOST="localhost")  # warm caches, as a running server would be
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url, HTTP_HOST="localhost").status_code
    queries = len(ctx.captured_queries)  # read now: later requests clear the query log
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return status, queries, statistics.median(times), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.DEBUG = False
    client = Client()
    total = PracticePage.objects.live().count()
    print(f"database: {connection.vendor}, live practices: {total}, runs per page: {args.runs}")
    print(f"{'page':<22} {'status':>6} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, url in cases():
        status, queries, p50, p95 = measure(client, url, args.runs)
        print(f"{name:<22} {status:>6} {queries:>8} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
