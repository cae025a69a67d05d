"""Many people register for the last seats at the same moment: real PostgreSQL
transactions in parallel threads, each with its own connection."""

import threading

import pytest
from django.db import connection, connections

from events import seating
from events.models import Registration
from tests.conftest import build_site_tree

from .conftest import add_registration, build_event_tree

# serialized_rollback: each test starts with what the migrations seeded (locales, groups,
# dimensions), which a transactional test's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEATS = 5
PEOPLE = 24


def run_at_once(count, work):
    """Start `count` threads together; return what each raised or returned."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(n):
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:  # noqa: BLE001 - reported back to the test
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def event(db):
    assert connection.vendor == "postgresql", "the concurrency tests need PostgreSQL"
    tree = build_event_tree(build_site_tree())
    tree.upcoming.capacity = SEATS
    tree.upcoming.save_revision().publish()
    return tree.upcoming


def test_simultaneous_registrations_never_overbook(event):
    def register(n):
        return seating.register(
            event, Registration(name=f"P{n}", email=f"p{n}@example.org"), "en"
        ).status

    results = run_at_once(PEOPLE, register)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert results.count("confirmed") == SEATS
    assert results.count("waitlisted") == PEOPLE - SEATS
    assert Registration.objects.filter(status="confirmed").count() == SEATS
    assert Registration.objects.filter(status="waitlisted").count() == PEOPLE - SEATS


def test_simultaneous_duplicates_keep_one_registration(event):
    def register(n):
        return seating.register(
            event, Registration(name=f"Same {n}", email="same@example.org"), "en"
        )

    results = run_at_once(8, register)
    saved = [r for r in results if isinstance(r, Registration)]
    duplicates = [r for r in results if isinstance(r, seating.AlreadyRegistered)]
    assert len(saved) == 1
    assert len(duplicates) == 7
    assert Registration.objects.filter(email="same@example.org").count() == 1


def test_simultaneous_cancellations_and_registrations_stay_within_capacity(event):
    confirmed = [add_registration(event, f"c{n}@example.org") for n in range(SEATS)]
    for n in range(6):
        add_registration(event, f"w{n}@example.org", status="waitlisted")

    def act(n):
        if n < 3:
            return seating.cancel(confirmed[n])
        return seating.register(
            event, Registration(name=f"New {n}", email=f"new{n}@example.org"), "en"
        )

    results = run_at_once(12, act)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Registration.objects.filter(status="confirmed").count() == SEATS
    # The three freed seats went to the first three on the waiting list, not newcomers.
    promoted = set(
        Registration.objects.filter(status="confirmed", email__startswith="w").values_list(
            "email", flat=True
        )
    )
    assert promoted == {"w0@example.org", "w1@example.org", "w2@example.org"}
