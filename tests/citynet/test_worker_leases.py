"""A worker that dies mid-task does not lose the task (citynet.workers)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from citynet.models import WorkerHeartbeat
from citynet.tasks import MAX_ATTEMPTS
from citynet.workers import beat, recover_lost_tasks

from . import queue_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.TASKS_WORKER_LEASE = 60
    queue_tasks.calls.clear()
    yield
    queue_tasks.calls.clear()


def work(**options):
    call_command("db_worker", batch=True, interval=0, no_startup_delay=True, verbosity=0, **options)


def claimed(value, worker_ids, minutes_ago):
    """A task some worker claimed `minutes_ago` and is (or was) running."""
    queue_tasks.note.enqueue(value)
    result = DBTaskResult.objects.get(args_kwargs__args=[value])
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING,
        worker_ids=worker_ids,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
    return result.pk


def status(pk):
    return DBTaskResult.objects.get(pk=pk).status


def test_the_worker_beats_while_it_runs_and_leaves_no_heartbeat_behind(queue):
    queue_tasks.note_workers.enqueue()
    work(worker_id="worker-a")
    assert queue_tasks.calls == [["worker-a"]]
    assert not WorkerHeartbeat.objects.exists()


def test_a_dead_workers_task_goes_back_to_the_queue_and_runs(queue):
    pk = claimed("lost", ["dead-worker"], minutes_ago=5)
    assert recover_lost_tasks() == (1, 0)
    assert status(pk) == TaskResultStatus.READY
    work()
    assert queue_tasks.calls == ["lost"]
    result = DBTaskResult.objects.get(pk=pk)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids[0] == "dead-worker" and len(result.worker_ids) == 2


def test_a_new_worker_recovers_lost_tasks_when_it_starts(queue):
    pk = claimed("after a deploy", ["killed"], minutes_ago=5)
    work()
    assert queue_tasks.calls == ["after a deploy"]
    assert status(pk) == TaskResultStatus.SUCCESSFUL


def test_a_live_workers_long_task_is_left_alone(queue):
    beat("busy-worker")
    pk = claimed("long", ["busy-worker"], minutes_ago=30)
    assert recover_lost_tasks() == (0, 0)
    assert status(pk) == TaskResultStatus.RUNNING


def test_a_task_claimed_within_the_lease_is_left_alone(queue):
    """A worker may claim a task before another worker sees its first heartbeat."""
    pk = claimed("just now", ["new-worker"], minutes_ago=0)
    assert recover_lost_tasks() == (0, 0)
    assert status(pk) == TaskResultStatus.RUNNING


def test_a_quiet_heartbeat_counts_as_dead(queue):
    beat("stalled")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=2))
    pk = claimed("stalled task", ["stalled"], minutes_ago=5)
    assert recover_lost_tasks() == (1, 0)
    assert status(pk) == TaskResultStatus.READY


def test_a_task_that_keeps_losing_its_worker_is_recorded_as_failed(queue):
    pk = claimed("poison", [f"w{n}" for n in range(MAX_ATTEMPTS)], minutes_ago=5)
    assert recover_lost_tasks() == (0, 1)
    result = DBTaskResult.objects.get(pk=pk)
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == "citynet.workers.WorkerLost"
    work()
    assert queue_tasks.calls == []


def test_task_report_lists_live_workers(queue):
    from io import StringIO

    beat("report-worker")
    out = StringIO()
    call_command("task_report", stdout=out)
    assert "workers     1" in out.getvalue() and "report-worker" in out.getvalue()
