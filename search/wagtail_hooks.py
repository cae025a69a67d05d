"""The search app plugs itself into the core and the other apps through hooks
(citynet.search_hooks), so nothing below it imports it."""

from contextlib import contextmanager

from django.core.management import call_command
from wagtail import hooks


@hooks.register("citynet_search_kinds", order=40)
def register_city_kind():
    from .city_kind import city_kind

    return city_kind()


@hooks.register("citynet_keyword_search")
def keyword_search(text, language=None):
    from . import service

    return service.matching_ids(text, language)


@hooks.register("citynet_health_checks")
def health_checks():
    from .health import check_search

    return {"search": (check_search, False)}


@hooks.register("citynet_bulk_load")
@contextmanager
def index_once_at_the_end():
    """No index update per page while a bulk load runs; one rebuild after it."""
    from . import signals

    with signals.paused():
        yield
    call_command("search_index", "rebuild", verbosity=0)
