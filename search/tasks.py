"""Index updates run in the worker through Wagtail's task layer (django-tasks). The changes
themselves wait in the outbox (search.outbox), written with the page change; this task only
drains it, so a lost or failed task loses nothing: the worker's heartbeat drains again
whatever is still due (search.apps)."""

from django_tasks import task

from . import outbox


@task()
def drain_index_updates():
    outbox.drain()


@task()
def sync_subtree_task(page_id, attempt=1):
    """Tasks queued before the outbox existed: recorded in the outbox now."""
    outbox.record([page_id], subtree=True)


@task()
def sync_pages_task(page_ids, attempt=1):
    """Tasks queued before the outbox existed: recorded in the outbox now."""
    outbox.record(page_ids)
