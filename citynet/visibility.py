"""What the public may see of the page tree, in one place.

A page is *publicly visible* when it is live and neither it nor any page above it carries a
view restriction (login, password or groups: Wagtail's "Privacy" setting). Every place a page
can show up to an anonymous reader (listings, home and city sections, cross-links between
practices, events and plans, feeds, calendars, the API, search, suggestions, PDFs, files)
asks this module, so a restricted page disappears from all of them at once.

Wagtail's own `PageQuerySet.public()` first reads every restriction in a separate query and
builds one condition per restricted subtree; `public_pages` says the same in a single
correlated subquery, so filtering costs no extra query wherever it is used.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def _restricted_above():
    """A restriction on the outer page or on one of its ancestors (tree paths are prefixes)."""
    return Exists(
        PageViewRestriction.objects.annotate(
            prefix=Substr(OuterRef("path"), 1, Length("page__path"))
        ).filter(page__path=F("prefix"))
    )


def public_pages(queryset=None):
    """`queryset` (default: every page) narrowed to live pages outside restricted subtrees."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(live=True).exclude(_restricted_above())


def restricted_paths():
    """Tree paths of the pages that carry a view restriction, for checking many pages
    already in memory (`is_public(page, restricted)`) with one query."""
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_public(page, restricted=None):
    """Whether `page` is publicly visible. Pass `restricted_paths()` when asking about many."""
    if page is None or not page.live:
        return False
    if restricted is None:
        restricted = restricted_paths()
    return not (restricted and page.path.startswith(restricted))


def public_ids(pages):
    """The pks among `pages` (page objects of one model) that are publicly visible: one query."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return set()
    model = type(pages[0])
    return set(
        public_pages(model.objects.filter(pk__in=[p.pk for p in pages])).values_list(
            "pk", flat=True
        )
    )
