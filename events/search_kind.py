"""How the public search holds an event: title, theme, description, summary and venue
(registered in wagtail_hooks); its date is the event's start."""

from django.utils.translation import gettext_lazy as _

from search.registry import Description, SearchKind, plain

from .models import EventPage


def describe(page):
    return Description(
        summary=page.theme,
        body=plain(f"{page.description} {page.summary} {page.venue}"),
        city=page.host_city,
        date=page.start,
        year=page.start.year if page.start else None,
    )


def event_kind():
    return SearchKind(
        key="event",
        label=_("Events"),
        model=EventPage,
        describe=describe,
        select_related=("host_city",),
    )
