"""Practices on city profiles and the home page, and their share of the demo data."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from citynet.sections import CITY_SECTIONS, HOME_SECTIONS

from .models import PracticeIndexPage, PracticePage

CITY_PRACTICES_SHOWN = 12
HOME_PRACTICES_SHOWN = 6


def _live_practices(locale_id):
    return (
        PracticePage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .select_related("city", "dimension")
        .order_by("-first_published_at", "-pk")
    )


def _index(locale_id):
    return PracticeIndexPage.objects.live().filter(locale_id=locale_id).first()


@hooks.register(CITY_SECTIONS)
def city_practices(city, request):
    practices = list(_live_practices(city.locale_id).filter(city=city)[: CITY_PRACTICES_SHOWN + 1])
    return {
        "heading": _("Best practices"),
        "template": "practices/includes/city_practices.html",
        "practices": practices[:CITY_PRACTICES_SHOWN],
        "more": len(practices) > CITY_PRACTICES_SHOWN,
        "index": _index(city.locale_id),
        "city": city,
    }


@hooks.register(HOME_SECTIONS)
def newest_practices(home, request):
    return {
        "heading": _("Newest practices"),
        "template": "practices/includes/home_practices.html",
        "practices": list(_live_practices(home.locale_id)[:HOME_PRACTICES_SHOWN]),
        "index": _index(home.locale_id),
    }


@hooks.register("citynet_demo_data")
def load_practices_demo(command):
    from .demo import load_demo_practices

    load_demo_practices(command)
