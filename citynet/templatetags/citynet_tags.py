"""Template helpers for the public site."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from citynet.page_cache import shared_fragment
from citynet.visibility import public_pages

register = template.Library()


@register.inclusion_tag("citynet/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in every language: its translation where one is live, else that
    language's home page, so switching never lands on a 404."""
    request = context.get("request")
    current = get_language()
    urls = {}
    if isinstance(page, Page) and page.pk:
        # Filters use the same values in every language, so a filtered listing stays filtered.
        query = request.GET.copy() if request else None
        if query:
            query.pop("page", None)
        suffix = f"?{query.urlencode()}" if query else ""
        site = Site.find_for_request(request) if request else None
        translations = shared_fragment(
            "translations",
            (site.pk if site else None, page.pk),
            lambda: _translation_urls(page, site, request),
            request,
        )
        urls = {code: url + suffix for code, (url, is_page) in translations.items() if is_page}
        urls.update({code: url for code, (url, is_page) in translations.items() if not is_page})
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                # Each language is named in itself, so a visitor recognises their own.
                "name": get_language_info(code)["name_local"],
                "url": url or f"/{code}/",
                "current": code == current,
            }
        )
    return {"languages": links}


def _translation_urls(page, site, request):
    """{language: (url, True)} of the page's live translations, and (home url, False) for
    the languages it has none in."""
    urls = {}
    for translation in public_pages(page.get_translations(inclusive=True)).select_related("locale"):
        urls[translation.locale.language_code] = (translation.get_url(request), True)
    missing = [code for code, _name in settings.LANGUAGES if code not in urls]
    if missing and site:
        homes = public_pages(site.root_page.get_translations(inclusive=True))
        for home in homes.filter(locale__language_code__in=missing).select_related("locale"):
            urls.setdefault(home.locale.language_code, (home.get_url(request), False))
    return urls


@register.simple_tag(takes_context=True)
def site_header(context):
    """The home page's URL and the menu (pages flagged 'show in menus' under it) in the
    active language, as (pk, title, url), from the shared cache until the next publish."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home_url": None, "menu": []}

    def compute():
        home = site.root_page.localized
        children = public_pages(home.get_children().in_menu()).specific(defer=True)
        return {
            "home_url": home.get_url(request),
            "menu": [(child.pk, child.title, child.get_url(request)) for child in children],
        }

    return shared_fragment("site-header", (site.pk, get_language()), compute, request)


@register.simple_tag
def query_with_page(request, number):
    """The current query string with another page number, filters kept."""
    query = request.GET.copy()
    query["page"] = number
    return query.urlencode()


@register.simple_tag
def facet_options(facet):
    """The `<option>`s of a facet's select (citynet/includes/facet_select.html), built in
    Python: a listing of 500 member cities has some 600 of them on every page, which the
    template language takes tens of milliseconds to render. Options are dicts (listings)
    or objects (the search page) with value, label, count and selected."""
    out = []
    for option in facet.options:
        if isinstance(option, dict):
            value, label = option["value"], option["label"]
            count, selected = option["count"], option["selected"]
        else:
            value, label = option.value, option.label
            count, selected = option.count, option.selected
        out.append(
            f'<option value="{conditional_escape(value)}"{" selected" if selected else ""}>'
            f"{conditional_escape(label)} ({localize(count)})</option>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above
