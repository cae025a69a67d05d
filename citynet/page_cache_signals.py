"""When cached pages go stale: Wagtail's page signals and saves of what pages show.

A publish can change the page, its city, every listing, the home page, feeds, the plan
comparison and search results, so page changes empty the whole page cache (one number in
the shared cache: see citynet.page_cache). Registrations only change their event's page.
Drafts and revisions never reach the public, so saving one leaves the cache alone.
"""

from functools import cache as memoize

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import TagBase
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from citynet import page_cache

SHOWN_BASES = (
    TagBase,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    Locale,
)


@memoize
def shown_on_pages(model):
    """Whether saving or deleting a `model` can change what a public page shows."""
    from wagtail.snippets.models import get_snippet_models

    return (
        issubclass(model, SHOWN_BASES)
        or model in get_snippet_models()
        or model._meta.label in settings.PAGE_CACHE_SHOWN_MODELS
    )


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    page_cache.invalidate_all()
    if settings.WAGTAILFRONTENDCACHE:
        purge_frontend_cache(instance)


def purge_frontend_cache(page):
    """Purge the page and the live pages above it (its city, its listing, the home page)
    from the CDN or proxy, in every language; the worker sends the purge requests."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_page(page)  # unpublished now, perhaps: still in the proxy
    batch.add_pages(page.get_ancestors().live().filter(depth__gt=1).specific())
    transaction.on_commit(batch.purge)


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # fixtures loading: nothing is served yet
    if isinstance(instance, Page):
        # A deleted page, or a live page saved outside publishing (a script, a bulk fix);
        # draft saves (has_unpublished_changes) show nothing new.
        if kwargs.get("signal") is post_delete or (
            instance.live and not instance.has_unpublished_changes
        ):
            page_cache.invalidate_all()
    elif shown_on_pages(sender):
        page_cache.invalidate_all()


def invalidate_event(event):
    """An event's seats changed: its pages in every language are stale."""
    paths = [
        page.get_url_parts()[2]
        for page in event.get_translations(inclusive=True).live().specific(defer=True)
        if page.get_url_parts()
    ]
    page_cache.invalidate_paths(*paths)
