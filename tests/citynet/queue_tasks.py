"""Tasks for the task-queue tests (tasks must live at module level to be found by name)."""

from django_tasks import task

from citynet.tasks import retrying

calls = []


@task()
def note(value):
    calls.append(value)
    return value


@task()
def always_fails(value, attempt=1):
    with retrying(always_fails, value, attempt=attempt):
        calls.append((value, attempt))
        raise RuntimeError("the mail server is down")


@task()
def note_workers():
    """Records which workers have a heartbeat while this task runs."""
    from citynet.models import WorkerHeartbeat

    calls.append(sorted(WorkerHeartbeat.objects.values_list("worker_id", flat=True)))


@task()
def slow_note(value, seconds=8):
    """A task long enough to kill its worker in the middle of (bin/cluster-smoke)."""
    import time

    time.sleep(seconds)
    return value
