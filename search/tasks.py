"""Index updates run through Wagtail's task layer (django-tasks), so a queue backend can take
them off the request that published the page; a failure is tried again later."""

from django_tasks import task

from citynet.tasks import retrying

from .indexing import searchable_descendants, sync_pages

SUBTREE_CHUNK = 500


@task()
def sync_subtree_task(page_id, attempt=1):
    """Re-index a page and every searchable page below it (a city renamed, moved or made
    private; the home page published). The subtree is listed here, in the worker: the request
    that published it only wrote this task, however many pages lie below."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return  # deleted meanwhile; its deletion queued its own update
    with retrying(sync_subtree_task, page_id, attempt=attempt):
        ids = searchable_descendants(page)
        for start in range(0, len(ids), SUBTREE_CHUNK):
            sync_pages(ids[start : start + SUBTREE_CHUNK])


@task()
def sync_pages_task(page_ids, attempt=1):
    with retrying(sync_pages_task, page_ids, attempt=attempt):
        sync_pages(page_ids)
