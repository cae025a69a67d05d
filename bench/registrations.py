"""Registrations per second under concurrency, and the confirmed seats they end with.

Many threads (each with its own database connection, as app servers would have) register
for one event with few seats at the same time; every registration takes the event's row
lock. Reports throughput and checks that confirmed registrations never exceed the seats.
Run on PostgreSQL (the lock is what is measured):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python bench/registrations.py --threads 16 --registrations 800 --seats 100

It creates a throwaway event under the demo's events page and deletes it afterwards.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from events import seating  # noqa: E402
from events.models import EventIndexPage, EventPage, Registration  # noqa: E402


def make_event(seats):
    index = EventIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:
        sys.exit("No events page: run load_demo_data first (see the top of this file).")
    start = timezone.now() + timedelta(days=10)
    event = EventPage(
        title="Benchmark event",
        slug=f"benchmark-{int(time.time())}",
        start=start,
        end=start + timedelta(hours=3),
        time_zone="Asia/Makassar",
        capacity=seats,
        registration_opens=timezone.now() - timedelta(hours=1),
        registration_closes=start - timedelta(hours=1),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def run(event, threads, total):
    per_thread = total // threads
    latencies, errors = [], []
    barrier = threading.Barrier(threads)
    lock = threading.Lock()

    def worker(n):
        own = []
        try:
            barrier.wait()
            for i in range(per_thread):
                registration = Registration(name=f"B{n}-{i}", email=f"b{n}-{i}@example.org")
                began = time.perf_counter()
                seating.register(event, registration, "en")
                own.append(time.perf_counter() - began)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()
            with lock:
                latencies.extend(own)

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    began = time.perf_counter()
    for worker_thread in workers:
        worker_thread.start()
    for worker_thread in workers:
        worker_thread.join()
    return time.perf_counter() - began, latencies, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--registrations", type=int, default=800)
    parser.add_argument("--seats", type=int, default=100)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print(f"warning: running on {connection.vendor}; the figures mean little there")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = make_event(args.seats)
    try:
        elapsed, latencies, errors = run(event, args.threads, args.registrations)
        done = len(latencies)
        confirmed = event.registrations.filter(status="confirmed").count()
        waitlisted = event.registrations.filter(status="waitlisted").count()
        latencies.sort()
        print(f"database: {connection.vendor}, threads: {args.threads}, seats: {args.seats}")
        print(f"registrations: {done} in {elapsed:.2f} s = {done / elapsed:.0f} per second")
        if latencies:
            p95 = latencies[int(0.95 * (len(latencies) - 1))]
            print(
                f"latency per registration: p50 {statistics.median(latencies) * 1000:.1f} ms, "
                f"p95 {p95 * 1000:.1f} ms"
            )
        print(f"confirmed: {confirmed} (seats {args.seats}), waiting list: {waitlisted}")
        if errors:
            print(f"errors: {len(errors)}, first: {errors[0]}")
        if confirmed > args.seats:
            sys.exit("OVERBOOKED: more confirmed registrations than seats")
    finally:
        event.delete()


if __name__ == "__main__":
    main()
