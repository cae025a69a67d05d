"""How the public search holds a member city. The search app registers it itself
(search/wagtail_hooks.py), so the core (citynet) never imports the search app."""

from django.utils.translation import gettext_lazy as _

from citynet.models import CityPage

from .registry import Description, SearchKind, plain


def describe(page):
    return Description(
        summary=plain(page.intro),
        body=" ".join(filter(None, (page.official_name, page.province))),
        city=page,  # no date: a city's first publication is not news to show
    )


def city_kind():
    return SearchKind(key="city", label=_("Cities"), model=CityPage, describe=describe)
