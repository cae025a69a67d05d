"""How the public search holds a member city (registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Description, SearchKind, plain

from .models import CityPage


def describe(page):
    return Description(
        summary=plain(page.intro),
        body=" ".join(filter(None, (page.official_name, page.province))),
        city=page,
        date=page.first_published_at,
    )


def city_kind():
    return SearchKind(key="city", label=_("Cities"), model=CityPage, describe=describe)
