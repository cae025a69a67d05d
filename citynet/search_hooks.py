"""How the core reaches the public search without importing it (DESIGN: apps -> search ->
core, never back). The search app registers these Wagtail hooks (search/wagtail_hooks.py):

- `citynet_keyword_search`: `fn(text, language) -> [page id]`, best first (the API's
  ?search=); it raises a `KeywordSearchTooSlow` when it hit its time limit;
- `citynet_health_checks`: `{name: (check, required)}` added to /readyz;
- `citynet_bulk_load`: a context manager a bulk load (the demo loader) runs inside, e.g.
  to pause index updates and rebuild the index once at the end.
"""

from contextlib import ExitStack, contextmanager

from wagtail import hooks


class KeywordSearchTooSlow(Exception):
    """The keyword search took longer than its time limit."""


class NoKeywordSearch(Exception):
    """No app provides a keyword search."""


def keyword_search(text, language=None):
    for fn in hooks.get_hooks("citynet_keyword_search"):
        return fn(text, language)
    raise NoKeywordSearch


def health_checks():
    checks = {}
    for fn in hooks.get_hooks("citynet_health_checks"):
        checks.update(fn())
    return checks


@contextmanager
def bulk_load():
    with ExitStack() as stack:
        for fn in hooks.get_hooks("citynet_bulk_load"):
            stack.enter_context(fn())
        yield
