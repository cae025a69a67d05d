"""Bulk creation of many live pages at once, for benchmark volume data.

Wagtail's `add_child` saves one page at a time (tens of milliseconds each); 20,000 practices
would take many minutes. Here treebeard paths are computed up front and the rows are
inserted in batches: the base `wagtailcore_page` rows with `bulk_create`, then the subclass
rows with the same low-level insert `bulk_create` uses. Pages made this way have no
revisions and are not in the search index until `manage.py update_index` runs: right for
benchmarks, never for content people edit.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BATCH = 1000


def _step(path):
    return int(path[-Page.steplen :], 36)


def bulk_add_children(parent, pages, progress=None):
    """Insert unsaved `pages` (all of one Page subclass) as live children of `parent`.

    Each page needs its own fields and `title` and `slug`; tree, locale and publishing
    fields are filled in here. Returns the pages with their primary keys set.
    """
    if not pages:
        return pages
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = _step(last.path) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
    for start in range(0, len(pages), BATCH):
        chunk = pages[start : start + BATCH]
        rows = [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in chunk]
        Page.objects.bulk_create(rows)
        for page, row in zip(chunk, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        model._base_manager._insert(chunk, fields=model._meta.local_concrete_fields)
        if progress:
            progress(len(chunk))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
