"""Practices on city profiles and the home page, and their share of the demo data."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from citynet.sections import CITY_SECTIONS, HOME_SECTIONS

from .models import PracticeIndexPage, live_practices

CITY_PRACTICES_SHOWN = 12
HOME_PRACTICES_SHOWN = 6


def _newest(locale_id):
    return live_practices(locale_id).order_by("-first_published_at", "-pk")


@hooks.register(CITY_SECTIONS)
def city_practices(city, request):
    practices = list(_newest(city.locale_id).filter(city=city)[: CITY_PRACTICES_SHOWN + 1])
    return {
        "heading": _("Best practices"),
        "template": "practices/includes/city_practices.html",
        "practices": practices[:CITY_PRACTICES_SHOWN],
        "more": len(practices) > CITY_PRACTICES_SHOWN,
        "index": PracticeIndexPage.for_locale(city.locale_id),
        "city": city,
    }


@hooks.register(HOME_SECTIONS)
def newest_practices(home, request):
    return {
        "heading": _("Newest practices"),
        "template": "practices/includes/home_practices.html",
        "practices": list(_newest(home.locale_id)[:HOME_PRACTICES_SHOWN]),
        "index": PracticeIndexPage.for_locale(home.locale_id),
    }


@hooks.register("citynet_demo_data")
def load_practices_demo(command):
    from .demo import load_demo_practices

    load_demo_practices(command)


@hooks.register("citynet_search_kinds", order=10)
def register_search_kind():
    from .search_kind import practice_kind

    return practice_kind()


@hooks.register("register_admin_viewset")
def register_practice_chooser():
    from .chooser import practice_chooser_viewset

    return practice_chooser_viewset
