"""The index outbox: changes are recorded with the page change, drained by the worker.

`record()` writes `IndexUpdate` rows inside the caller's transaction (a rolled-back publish
leaves none; a committed one leaves exactly its own) and, after the commit, asks the worker
to drain. `drain()` claims due rows (`SELECT … FOR UPDATE SKIP LOCKED`, then a lease, so
two workers never take the same row and a dead worker's rows come back), writes every page
they name to the database index and to Elasticsearch with the row id as the version, and
then deletes exactly the rows it claimed: a newer change to the same page has its own row,
which stays. A failure keeps the rows, counts the attempt and backs off.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from wagtail.models import Page

from .indexing import push_to_elasticsearch, searchable_descendants, sync_pages
from .models import IndexUpdate, SearchEntry

logger = logging.getLogger(__name__)

BATCH = 200  # rows claimed at a time
CHUNK = 500  # pages written per transaction (a subtree can hold thousands)
CLAIM_LEASE = timedelta(minutes=10)  # a claimed row comes back if its worker dies
FIRST_BACKOFF = 30  # seconds, doubled per attempt
MAX_BACKOFF = 3600


def record(page_ids, subtree=False):
    """An update for each page (and everything below it with `subtree`), in the current
    transaction; the worker is asked to drain once it commits."""
    rows = [IndexUpdate(page_id=pk, subtree=subtree) for pk in sorted(set(page_ids))]
    if not rows:
        return []
    created = IndexUpdate.objects.bulk_create(rows)
    transaction.on_commit(request_drain, robust=True)
    return created


def request_drain():
    from .tasks import drain_index_updates

    drain_index_updates.enqueue()


def backoff(attempts):
    return timedelta(seconds=min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** max(attempts - 1, 0)))


def claim(limit=BATCH, due_only=True, skip=(), upto=None):
    """Rows no other worker holds, oldest first, leased for CLAIM_LEASE. Without
    `due_only`, also the rows waiting out a backoff (an operator's `search_index sync`)."""
    now = timezone.now()
    with transaction.atomic():
        rows = IndexUpdate.objects.select_for_update(skip_locked=True).order_by("id")
        if due_only:
            rows = rows.filter(next_attempt_at__lte=now)
        if skip:
            rows = rows.exclude(id__in=skip)
        if upto is not None:
            rows = rows.filter(id__lte=upto)
        rows = list(rows[:limit])
        if rows:
            IndexUpdate.objects.filter(id__in=[r.id for r in rows]).update(
                next_attempt_at=now + CLAIM_LEASE
            )
    return rows


def pages_and_versions(rows):
    """{page id: version}: every page the rows name (a subtree row names all below it),
    each with the newest row id that covers it."""
    versions = {}
    for row in rows:
        ids = [row.page_id]
        if row.subtree:
            page = Page.objects.filter(pk=row.page_id).first()
            if page is not None:
                ids = searchable_descendants(page) or ids
        for pk in ids:
            versions[pk] = max(versions.get(pk, 0), row.id)
    return versions


def apply(versions):
    """Write these pages' current state to every index, CHUNK pages per transaction. The
    pages are locked while read and written, so a concurrent drain of a newer row for the
    same page reads after this one and writes after it."""
    ids = sorted(versions)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk__in=chunk).values_list("pk"))
            written, removed = sync_pages(chunk, versions)
        entries = list(
            SearchEntry.objects.filter(pk__in=[e.pk for e in written]).prefetch_related("terms")
        )
        push_to_elasticsearch(entries, {pk: versions[pk] for pk in removed})


def fail(rows, error, now=None):
    now = now or timezone.now()
    message = f"{type(error).__name__}: {error}"[:2000]
    by_attempts = {}
    for row in rows:  # one UPDATE per attempt count (a batch mostly shares one), not per row
        by_attempts.setdefault(row.attempts, []).append(row.id)
    for attempts, ids in by_attempts.items():
        IndexUpdate.objects.filter(id__in=ids).update(
            attempts=attempts + 1, next_attempt_at=now + backoff(attempts + 1), error=message
        )


def drain(due_only=True):
    """Process the updates waiting when it starts until none is due, each at most once
    (later ones queued their own drain). Returns (done, failed)."""
    done = failed = 0
    tried = set()
    upto = IndexUpdate.objects.aggregate(newest=Max("id"))["newest"]
    while upto is not None:
        rows = claim(BATCH, due_only, skip=tried, upto=upto)
        if not rows:
            break
        tried.update(r.id for r in rows)
        try:
            apply(pages_and_versions(rows))
        except Exception as error:  # noqa: BLE001 - any failure keeps the rows for later
            logger.warning("index update failed for %d row(s): %s", len(rows), error)
            fail(rows, error)
            failed += len(rows)
            continue
        IndexUpdate.objects.filter(id__in=[r.id for r in rows]).delete()
        done += len(rows)
    return done, failed


def backlog():
    """{"waiting", "oldest", "failing", "next_attempt"} for `search_index status`."""
    summary = IndexUpdate.objects.aggregate(
        oldest=Min("created_at"), next_attempt=Min("next_attempt_at")
    )
    return {
        "waiting": IndexUpdate.objects.count(),
        "failing": IndexUpdate.objects.filter(attempts__gt=0).count(),
        "oldest": summary["oldest"],
        "next_attempt": summary["next_attempt"],
    }


def drain_if_due():
    """On each worker heartbeat: queue a drain when updates are due (a failure's backoff
    has passed, or a dead worker's claim expired). One cheap query otherwise."""
    if IndexUpdate.objects.filter(next_attempt_at__lte=timezone.now()).exists():
        request_drain()
