"""Index updates run through Wagtail's task layer (django-tasks), so a queue backend can take
them off the request that published the page."""

from django_tasks import task

from .indexing import sync_pages


@task()
def sync_pages_task(page_ids):
    sync_pages(page_ids)
