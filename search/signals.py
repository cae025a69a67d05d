"""Wagtail's page signals -> index updates (DESIGN: published, unpublished, deleted, moved;
not post_save, which fires for every draft). View restrictions change what is public, so
they resync the pages beneath them too."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import outbox
from .indexing import remove_entries

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
    """In the outbox, in the page change's own transaction (search.outbox)."""
    outbox.record(page_ids)


def enqueue_subtree(page_id):
    """The page and all below it, listed by the worker (not in the request)."""
    outbox.record([page_id], subtree=True)


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


# Facet values whose names the index copies: renaming one re-indexes the pages carrying it.
RENAMEABLE = {
    "tag": ("taggit.Tag", ("slug", "name")),
    "dimension": ("citynet.Dimension", ("slug", "name_en", "name_id")),
}


def remember_names(sender, instance, **kwargs):
    fields = getattr(sender, "_search_rename_fields", ())
    instance._search_old_names = (
        sender.objects.filter(pk=instance.pk).values_list(*fields).first() if instance.pk else None
    )


def facet_value_renamed(sender, instance, created, **kwargs):
    """A tag or dimension renamed (or its slug changed): the pages listed under its old or
    new slug are re-indexed, in the same transaction as the rename."""
    old = getattr(instance, "_search_old_names", None)
    fields = sender._search_rename_fields
    if created or not active() or old is None:
        return
    if tuple(old) == tuple(getattr(instance, f) for f in fields):
        return
    from .models import SearchTerm

    page_ids = SearchTerm.objects.filter(
        facet=sender._search_facet, value__in={old[0], instance.slug}
    ).values_list("entry_id", flat=True)
    enqueue(list(page_ids))


def connect():
    from django.apps import apps

    for facet, (model_name, fields) in RENAMEABLE.items():
        model = apps.get_model(model_name)
        model._search_facet, model._search_rename_fields = facet, fields
        pre_save.connect(remember_names, sender=model, dispatch_uid=f"search_{facet}_names")
        post_save.connect(facet_value_renamed, sender=model, dispatch_uid=f"search_{facet}_renamed")
    page_published.connect(page_changed, dispatch_uid="search_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="search_moved")
    pre_delete.connect(page_deleting, dispatch_uid="search_deleted")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr")
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr_gone"
    )
