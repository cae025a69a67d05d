"""Pages linked from another page, shown in the reader's language.

A link chosen in the admin (an event's host city, a session's practices) points at one
translation; translations copy it unchanged. Pages showing such links map them to the
translation in their own language with one query, falling back to the linked page.
"""


def localized(pages, locale_id, live_only=False):
    """{linked page pk: the page to show}, for each page in `pages`.

    With `live_only`, links to pages that are not live (in either language) are left out."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    model = type(pages[0])
    translations = model.objects.filter(
        translation_key__in={page.translation_key for page in pages}, locale_id=locale_id
    )
    if live_only:
        translations = translations.live()
    by_key = {page.translation_key: page for page in translations}
    shown = {}
    for page in pages:
        match = by_key.get(page.translation_key)
        if match is None and (page.live or not live_only):
            match = page
        if match is not None:
            shown[page.pk] = match
    return shown
