"""Places where other apps add to core pages without core importing them.

An app registers a Wagtail hook named `citynet_home_sections` or `citynet_city_sections`:
a callable taking (page, request) that returns a dict with `heading`, `template` and any
context the template needs, or None to add nothing. Practices, master plans and events
fill the city profile and home page this way, keeping dependencies one-directional.
"""

from wagtail import hooks

HOME_SECTIONS = "citynet_home_sections"
CITY_SECTIONS = "citynet_city_sections"


def collect_sections(hook_name, page, request):
    """The sections of a page, from the shared cache until the next content change
    (citynet.page_cache.shared_fragment): they cost most of a page's queries."""
    from django.utils.translation import get_language

    from citynet.page_cache import shared_fragment

    def compute():
        sections = []
        for hook in hooks.get_hooks(hook_name):
            section = hook(page, request)
            if section:
                sections.append(section)
        return sections

    return shared_fragment(hook_name, (page.pk, get_language()), compute, request)
