"""Index updates run through Wagtail's task layer (django-tasks), so a queue backend can take
them off the request that published the page; a failure is tried again later."""

from django_tasks import task

from citynet.tasks import retrying

from .indexing import sync_pages


@task()
def sync_pages_task(page_ids, attempt=1):
    with retrying(sync_pages_task, page_ids, attempt=attempt):
        sync_pages(page_ids)
