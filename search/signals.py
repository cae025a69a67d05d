"""Wagtail's page signals -> index updates (DESIGN: published, unpublished, deleted, moved;
not post_save, which fires for every draft). View restrictions change what is public, so
they resync the pages beneath them too."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import remove_entries
from .tasks import sync_pages_task, sync_subtree_task

_paused = ContextVar("search_sync_paused", default=False)


@contextmanager
def paused():
    """No index updates from signals inside (bulk loads that rebuild the index after)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def active():
    return settings.SEARCH_SYNC and not _paused.get()


def enqueue(page_ids):
    """After the transaction commits, so a worker never reads the page before it is saved."""
    if page_ids:
        ids = sorted(set(page_ids))
        transaction.on_commit(lambda: sync_pages_task.enqueue(ids), robust=True)


def enqueue_subtree(page_id):
    """The page and all below it, listed by the worker (not in the request)."""
    transaction.on_commit(lambda: sync_subtree_task.enqueue(page_id), robust=True)


def page_changed(sender, instance, **kwargs):
    if active():
        enqueue_subtree(instance.pk)


def page_deleting(sender, instance, **kwargs):
    """The entry goes with the page (before the cascade, so Wagtail's index rows go too);
    Elasticsearch hears of it after the commit."""
    if active() and isinstance(instance, Page) and instance.pk:
        remove_entries([instance.pk])
        enqueue([instance.pk])


def restriction_changed(sender, instance, **kwargs):
    if active() and instance.page_id:
        enqueue_subtree(instance.page_id)


def connect():
    page_published.connect(page_changed, dispatch_uid="search_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="search_moved")
    pre_delete.connect(page_deleting, dispatch_uid="search_deleted")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr")
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr_gone"
    )
