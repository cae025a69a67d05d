"""Pages linked from another page, shown in the reader's language.

A link chosen in the admin (an event's host city, a session's practices) points at one
translation; translations copy it unchanged. Pages showing such links map them to the
translation in their own language with one query, falling back to the linked page.
"""

from django.db.models import Q

from citynet.visibility import public_pages


def localized(pages, locale_id, public_only=True):
    """{linked page pk: the page to show}, for each page in `pages`.

    Links to pages the public may not see (not live, or in a view-restricted subtree, in
    either language) are left out unless `public_only` is false."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    model = type(pages[0])
    keys = {page.translation_key for page in pages}
    candidates = model.objects.filter(translation_key__in=keys)
    if public_only:
        candidates = public_pages(candidates)
    by_key, fallback = {}, set()
    for page in candidates.filter(Q(pk__in=[p.pk for p in pages]) | Q(locale_id=locale_id)):
        if page.locale_id == locale_id:
            by_key[page.translation_key] = page
        fallback.add(page.pk)
    shown = {}
    for page in pages:
        match = by_key.get(page.translation_key)
        if match is None and page.pk in fallback:
            match = page
        if match is not None:
            shown[page.pk] = match
    return shown
