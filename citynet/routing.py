"""Page routing in one query instead of one per URL segment (and one per `.specific`).

Wagtail's `Page.route` walks the path a segment at a time: a child query and a `.specific`
query per level, seven queries for /en/cities/kupang/public-wifi/. Every page's path is also
stored in `url_path`, so the home page looks up all the ancestors named by the path at once
(migration citynet 0006 indexes `url_path`) and walks them in memory, with Wagtail's rules:
a page whose class routes by itself (RoutablePageMixin: feeds, registration, PDFs) gets the
rest of the path, as Wagtail would hand it over; an unknown segment is a 404; the last page
must be live.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def routes_itself(page_class):
    from citynet.models import HomePage

    return page_class.route not in (Page.route, HomePage.route)


def claims(page, page_class, remaining):
    """Whether `page` handles the rest of the path itself rather than a child page: a
    routable page whose own routes match it (checked on the class, without loading the
    page), or a page type with any other routing of its own."""
    if not routes_itself(page_class):
        return False
    if not issubclass(page_class, RoutablePageMixin):
        return True
    if not page.live:
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return False
    return True


def route_from(root, request, path_components):
    """What `root.route(request, path_components)` would return, in two queries."""
    if not path_components:
        return Page.route(root, request, path_components)
    prefixes = [
        root.url_path + "/".join(path_components[: depth + 1]) + "/"
        for depth in range(len(path_components))
    ]
    found = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)}
    current, current_class = root, type(root)
    for depth, prefix in enumerate(prefixes):
        if current is not root and claims(current, current_class, path_components[depth:]):
            return current.specific.route(request, path_components[depth:])
        child = found.get(prefix)
        if child is None or child.depth != current.depth + 1:
            raise Http404
        current, current_class = child, child.specific_class
        if current_class is None:
            raise Http404  # a page whose type was removed
    related = getattr(current_class, "select_related_on_serve", ())
    if related:  # what the page shows of its foreign keys, in the same query
        page = current_class.objects.select_related(*related).get(pk=current.pk)
    else:
        page = current.specific
    if routes_itself(current_class):
        return page.route(request, [])
    if not page.live:
        raise Http404
    return RouteResult(page)
