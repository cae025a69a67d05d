"""Query latency of the public search (database backend) against plain Wagtail
`Page.objects.search()` on the same data, in the same run. Timings belong here, never in
tests.

Prepare a benchmark database once (PostgreSQL), then run:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python manage.py generate_volume_data --cities 500 --practices 20000
    .venv/bin/python manage.py update_index          # Wagtail's own index, for the baseline
    .venv/bin/python manage.py search_index rebuild  # the public search's index
    .venv/bin/python bench/search_latency.py --runs 20

Four parts, each against plain Wagtail search on the same data in the same run:
- "search page": the whole answer the search page needs (total, 10 hits with highlighted
  snippets, six facets' counts); "cold" empties the cache before every run (facet counts
  recomputed, as right after a publish), "warm" reuses them. Wagtail: the first 10 live
  pages of `Page.objects.live().search(q)` (no facets, no snippets).
- "listing": the practice listing's page with a keyword (`/en/practices/?q=…`: filters,
  counts, 12 cards), through the Django test client. Wagtail: `PracticePage` search.
- "suggest": the autocomplete's eight titles. Wagtail: `Page.objects.live().autocomplete()`.
- "admin": the admin's page search (`/admin/pages/search/?q=…`) as a superuser.
`--no-wagtail` skips the baselines (Wagtail's multi-word searches take a minute each here).
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

from practices.models import PracticePage  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.query import SearchRequest  # noqa: E402
from search.service import search, suggest  # noqa: E402

settings.DEBUG = False  # no query log: time what production runs
logging.getLogger("citynet.requests").setLevel(logging.WARNING)  # one line per request

# Few queries: Wagtail's baseline takes about a minute per multi-word query at this volume.
QUERIES = ["izin", "layanan publik", "sampah", "perizinan daring", "xyzzy"]
LISTING_QUERIES = ["sekolah", "sekolah data", "layanan publik"]
SUGGESTS = ["per", "pelay", "sekol", "perizni", "xyzzy"]
ADMIN_QUERIES = ["sekolah", "sekolah data"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(fn, runs):
    fn()  # warm-up
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def row(values, width=20):
    return f"{percentile(values, 0.5):.1f}/{percentile(values, 0.95):.1f}".rjust(width)


def get(client, url, params):
    response = client.get(url, params, HTTP_HOST="localhost")
    assert response.status_code == 200, (url, params, response.status_code)
    return response


def search_page(args):
    print(
        f"{'search page':<24}{'cold p50/p95 ms':>20}{'warm p50/p95 ms':>20}"
        f"{'wagtail p50/p95 ms':>22}{'hits':>8}"
    )
    all_cold, all_warm, all_wagtail = [], [], []
    for q in QUERIES:
        request = SearchRequest.from_params(QueryDict(f"q={q}"), "id")
        total = search(request).total

        def cold(request=request):
            cache.clear()
            search(request)

        cold_ms = timed(cold, args.runs)
        warm_ms = timed(lambda request=request: search(request), args.runs)
        wagtail = [0.0]
        if not args.no_wagtail:
            wagtail = timed(lambda q=q: list(Page.objects.live().search(q)[:10]), args.runs)
        all_cold += cold_ms
        all_warm += warm_ms
        all_wagtail += wagtail
        print(f"{q:<24}{row(cold_ms)}{row(warm_ms)}{row(wagtail, 22)}{total:>8}")
    print(f"{'all queries':<24}{row(all_cold)}{row(all_warm)}{row(all_wagtail, 22)}\n")


def listing(args):
    client = Client()
    print(
        f"{'listing ?q=':<24}{'cold p50/p95 ms':>20}{'warm p50/p95 ms':>20}"
        f"{'wagtail p50/p95 ms':>22}"
    )
    for q in LISTING_QUERIES:

        def cold(q=q):
            cache.clear()
            get(client, "/en/practices/", {"q": q})

        cold_ms = timed(cold, args.runs)
        warm_ms = timed(lambda q=q: get(client, "/en/practices/", {"q": q}), args.runs)
        wagtail = [0.0]
        if not args.no_wagtail:
            wagtail = timed(
                lambda q=q: list(PracticePage.objects.live().search(q)[:12]), max(args.runs // 5, 1)
            )
        print(f"{q:<24}{row(cold_ms)}{row(warm_ms)}{row(wagtail, 22)}")
    print()


def suggestions(args):
    print(f"{'suggest':<24}{'p50/p95 ms':>20}{'wagtail p50/p95 ms':>22}{'titles':>8}")
    all_ms = []
    for q in SUGGESTS:
        found = len(suggest(q, "id"))
        ms = timed(lambda q=q: suggest(q, "id"), args.runs)
        wagtail = [0.0]
        if not args.no_wagtail:
            wagtail = timed(lambda q=q: list(Page.objects.live().autocomplete(q)[:8]), args.runs)
        all_ms += ms
        print(f"{q:<24}{row(ms)}{row(wagtail, 22)}{found:>8}")
    print(f"{'all prefixes':<24}{row(all_ms)}\n")


def admin_search(args):
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        print("admin search: no superuser in this database (load_demo_data makes one)")
        return
    client = Client()
    client.force_login(user)
    print(f"{'admin page search':<24}{'p50/p95 ms':>20}")
    for q in ADMIN_QUERIES:
        ms = timed(
            lambda q=q: get(client, "/admin/pages/search/", {"q": q}), max(args.runs // 4, 3)
        )
        print(f"{q:<24}{row(ms)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--no-wagtail", action="store_true", help="skip Wagtail's baselines (minutes per query)"
    )
    parser.add_argument(
        "--only", choices=["search", "listing", "suggest", "admin"], action="append"
    )
    args = parser.parse_args()
    print(
        f"{connection.vendor}, {SearchEntry.objects.count()} search entries, "
        f"{Page.objects.live().count()} live pages, {args.runs} runs per query\n"
    )
    parts = {
        "search": search_page,
        "listing": listing,
        "suggest": suggestions,
        "admin": admin_search,
    }
    for name, part in parts.items():
        if not args.only or name in args.only:
            part(args)


if __name__ == "__main__":
    main()
