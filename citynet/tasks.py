"""Retries with backoff for the hub's tasks; django-tasks runs a task once and records it.

A task body runs inside `retrying(task, *args, attempt=attempt, **kwargs)`: when it fails,
the same task is enqueued again to run 30 s, 1 min, 2 min later (on a backend that can defer;
at once on the immediate backend), and the failure is logged. The last attempt's failure
propagates, so the backend records the task as FAILED, where `/readyz` and the task results
in the database show it to the secretariat. Tasks must therefore be idempotent.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
FIRST_DELAY = 30  # seconds, doubled for each attempt


def delay_after(attempt):
    return timedelta(seconds=FIRST_DELAY * 2 ** (attempt - 1))


@contextmanager
def retrying(task, *args, attempt=1, **kwargs):
    try:
        yield
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("%s failed for good after %d attempts", task.name, attempt)
            raise
        later = task
        if task.get_backend().supports_defer:
            later = task.using(run_after=timezone.now() + delay_after(attempt))
        logger.warning("%s failed (attempt %d); trying again", task.name, attempt, exc_info=True)
        later.enqueue(*args, attempt=attempt + 1, **kwargs)
