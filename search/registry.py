"""Which pages the public search holds, registered by the apps that own them.

An app adds a kind with the `citynet_search_kinds` hook, returning a `SearchKind`; the search
app never imports practices, plans or events itself (DESIGN: apps -> search, not back).
"""

import html
from dataclasses import dataclass, field
from functools import cache

from django.utils.html import strip_tags
from wagtail import hooks

HOOK = "citynet_search_kinds"


@dataclass
class Description:
    """What a kind says about one of its pages, beyond the title."""

    summary: str = ""
    body: str = ""
    city: object = None  # a CityPage or None
    date: object = None  # datetime, for sorting by date
    year: int | None = None
    dimensions: list = field(default_factory=list)  # [(slug, label)]
    tags: list = field(default_factory=list)  # [(slug, name)]
    # Facets of this kind only, for its own listing: [(facet, value, label)]; the search
    # page does not show them.
    extra_facets: list = field(default_factory=list)


@dataclass(frozen=True)
class SearchKind:
    key: str  # "practice": in URLs (?kind=practice), facets and documents
    label: object  # translatable plural, e.g. _("Practices")
    model: type
    describe: object  # callable(page) -> Description
    # Related objects the describe function reads, for the rebuild's querysets.
    select_related: tuple = ()
    prefetch_related: tuple = ()


@cache
def _kinds():
    found = {}
    for hook in hooks.get_hooks(HOOK):
        kind = hook()
        found[kind.key] = kind
    return found


def kinds():
    """Registered kinds in registration order."""
    return dict(_kinds())


def kind_for(page):
    """The kind of a specific page, or None when the search does not hold its type."""
    for kind in _kinds().values():
        if isinstance(page, kind.model):
            return kind
    return None


def kind_models():
    return [k.model for k in _kinds().values()]


def plain(value):
    """Rich text or HTML as plain words."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def stream_text(page, field_name):
    """The searchable text of a StreamField, as Wagtail's own indexing extracts it."""
    stream_field = page._meta.get_field(field_name)
    return plain(" ".join(stream_field.get_searchable_content(getattr(page, field_name))))
