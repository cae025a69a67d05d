"""Leases for the task worker: heartbeats, and recovery of tasks whose worker died.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again, so
a worker killed in the middle of a task (a deploy, the OOM killer, a lost machine) would
leave it RUNNING for ever. Each worker (citynet's `db_worker`) therefore writes a heartbeat
every third of `TASKS_WORKER_LEASE` seconds, and every worker, on each beat, hands tasks
back to the queue when they have run longer than the lease under a worker that has not
beaten within it. Tasks are idempotent (citynet.tasks), so running one again is safe; a
task that has lost its worker MAX_ATTEMPTS times is recorded as failed instead.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus

from citynet.tasks import MAX_ATTEMPTS

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running this task stopped without finishing it."""


ON_BEAT = []


def on_beat(func):
    """Run `func()` on every worker heartbeat (apps register periodic checks this way, e.g.
    the search outbox re-queues its due updates). Keep it quick: it shares the heartbeat's
    thread; slow work belongs in a task it enqueues."""
    if func not in ON_BEAT:
        ON_BEAT.append(func)
    return func


def lease_seconds():
    return max(int(getattr(settings, "TASKS_WORKER_LEASE", 60)), 1)


def beat(worker_id):
    from citynet.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "seen_at": timezone.now(),
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def live_workers(now=None):
    from citynet.models import WorkerHeartbeat

    cutoff = (now or timezone.now()) - timedelta(seconds=lease_seconds())
    return WorkerHeartbeat.objects.filter(seen_at__gte=cutoff)


def recover_lost_tasks(now=None):
    """Requeue (or, after too many lost attempts, fail) tasks whose worker is gone.
    Returns (requeued, failed) counts."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_seconds())
    alive = set(live_workers(now).values_list("worker_id", flat=True))
    requeued = failed = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        if result.worker_ids and result.worker_ids[-1] in alive:
            continue  # a long task on a live worker
        same_claim = DBTaskResult.objects.filter(
            pk=result.pk, status=result.status, started_at=result.started_at
        )
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            error = WorkerLost(f"its worker stopped during {len(result.worker_ids)} attempts")
            if same_claim.exists():
                result.set_failed(error)
                failed += 1
            logger.error("task %s %s failed for good: %s", result.pk, result.task_path, error)
            continue
        if same_claim.update(status=TaskResultStatus.READY):
            requeued += 1
            logger.warning(
                "task %s %s lost its worker %s; back in the queue",
                result.pk,
                result.task_path,
                result.worker_ids[-1] if result.worker_ids else "?",
            )
    return requeued, failed


class Lease(threading.Thread):
    """The heartbeat thread of one worker process."""

    def __init__(self, worker_id):
        super().__init__(name=f"lease-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def tick(self):
        beat(self.worker_id)
        recover_lost_tasks()
        for func in ON_BEAT:
            try:
                func()
            except Exception:  # one app's check must not stop the heartbeat
                logger.exception("worker beat hook %s failed", func.__name__)

    def run(self):
        interval = max(lease_seconds() / 3, 0.5)
        try:
            while not self.stopped.is_set():
                try:
                    self.tick()
                except Exception:  # a database hiccup must not end the heartbeat
                    logger.exception("worker heartbeat failed")
                    connection.close()
                self.stopped.wait(interval)
        finally:
            connection.close()

    def stop(self):
        from citynet.models import WorkerHeartbeat

        self.stopped.set()
        self.join(timeout=10)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
