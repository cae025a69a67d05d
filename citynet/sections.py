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
    sections = []
    for hook in hooks.get_hooks(hook_name):
        section = hook(page, request)
        if section:
            sections.append(section)
    return sections
