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

"service" is the whole answer the search page needs: total, a page of 10 hits with
highlighted snippets, and facet counts for six facets; "cold" empties the cache before
every run (facet counts recomputed, as right after a publish), "warm" reuses them.
"wagtail" is the first 10 live pages of `Page.objects.live().search(q)` (no facets, no
snippets, no stemming beyond PostgreSQL's configuration): the floor to compare with.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from wagtail.models import Page  # noqa: E402

from search.models import SearchEntry  # noqa: E402
from search.query import SearchRequest  # noqa: E402
from search.service import search  # noqa: E402

# Few queries: Wagtail's baseline takes about a minute per multi-word query at this volume.
QUERIES = ["izin", "layanan publik", "sampah", "perizinan daring", "xyzzy"]


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--no-wagtail", action="store_true", help="skip Wagtail's baseline (minutes per query)"
    )
    args = parser.parse_args()
    print(
        f"{connection.vendor}, {SearchEntry.objects.count()} search entries, "
        f"{Page.objects.live().count()} live pages, {args.runs} runs per query\n"
    )
    print(
        f"{'query':<24}{'cold p50/p95 ms':>20}{'warm p50/p95 ms':>20}"
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
    print(f"\n{'all queries':<24}{row(all_cold)}{row(all_warm)}{row(all_wagtail, 22)}")


if __name__ == "__main__":
    main()
