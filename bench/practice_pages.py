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
time is the server's time to build the response, without network or browser. The query
count is for an empty cache; times are given cold (cache emptied before every request, as
right after a publish) and warm (facet counts cached).
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
from django.core.cache import cache  # noqa: E402
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


def timed(client, url, runs, cold):
    times = []
    for _ in range(runs):
        if cold:
            cache.clear()  # facet counts recomputed, as after a publish
        started = time.perf_counter()
        client.get(url, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95


def measure(client, url, runs):
    client.get(url, HTTP_HOST="localhost")  # warm code paths, as a running server would be
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url, HTTP_HOST="localhost").status_code
    queries = len(ctx.captured_queries)  # read now: later requests clear the query log
    return status, queries, *timed(client, url, runs, cold=True), *timed(client, url, runs, False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.DEBUG = False
    client = Client()
    total = PracticePage.objects.live().count()
    print(f"database: {connection.vendor}, live practices: {total}, runs per page: {args.runs}")
    print("cold: caches emptied before each request (as after a publish); warm: counts cached")
    header = ("page", "status", "queries", "cold p50", "cold p95", "warm p50", "warm p95")
    print("{:<22} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9}".format(*header))
    for name, url in cases():
        status, queries, *times = measure(client, url, args.runs)
        print(f"{name:<22} {status:>6} {queries:>8} " + " ".join(f"{t:>9.1f}" for t in times))


if __name__ == "__main__":
    main()
