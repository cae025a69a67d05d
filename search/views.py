"""The search page and the suggest endpoint: they turn the query string into a
SearchRequest and render what the service answers; nothing here knows a backend."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from citynet.text import clean_search_text

from . import service
from .query import FACET_LABELS, SORTS, SearchRequest
from .registry import kinds

SUGGEST_MAX_LENGTH = 100
HTML_SAFE_JSON = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class HTMLSafeJSONEncoder(DjangoJSONEncoder):
    """JSON whose text never contains <, > or &, so echoing a visitor's words back cannot
    become markup even where a client mistakes the response for HTML."""

    def encode(self, o):
        return super().encode(o).translate(HTML_SAFE_JSON)


@dataclass
class ResultPage:
    """What citynet/includes/pagination.html reads from a Django Page, for search results."""

    number: int
    num_pages: int

    @property
    def paginator(self):
        return self

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


def TOO_SLOW_MESSAGE():  # noqa: N802 (a message, translated when asked)
    return _("This search took too long. Try fewer or more specific words, or try again later.")


def language():
    return (get_language() or "en").split("-")[0]


@require_GET
def search_page(request):
    search_request = SearchRequest.from_params(request.GET, language(), known_kinds=kinds())
    results, too_slow = None, False
    if search_request.text or search_request.filters:
        try:
            results = service.search(search_request)
        except service.SearchTooSlow:
            too_slow = True
    kind_tab = search_request.filters.get("kind", [""])[0]
    base_params = [("q", search_request.text)] if search_request.text else []
    base_params += [
        (facet, value)
        for facet, values in search_request.filters.items()
        if facet != "kind"
        for value in values
    ]
    tabs = []
    if results is not None:
        counts = {v.value: v.count for v in results.facet("kind").values}
        tabs.append(("", None, sum(counts.values()), urlencode(base_params)))
        for key, kind in kinds().items():
            tabs.append(
                (key, kind.label, counts.get(key, 0), urlencode([*base_params, ("kind", key)]))
            )
    context = {
        "search_request": search_request,
        "results": results,
        "tabs": tabs,
        "kind_tab": kind_tab,
        "facets": [f for f in results.facets if f.name != "kind"] if results else [],
        "sorts": SORTS.items(),
        "page_obj": ResultPage(search_request.page, results.num_pages) if results else None,
        "tips": service.no_results_tips(),
        "too_slow": too_slow,
        # Named as the form names them, in the visitor's language, not as URL parameters.
        "ignored": [
            (FACET_LABELS.get(name, _("Sort by")), value) for name, value in search_request.ignored
        ],
    }
    response = render(request, "search/search.html", context, status=503 if too_slow else 200)
    if too_slow:
        response["Retry-After"] = "30"
    # Result pages are endless combinations: keep crawlers to the pages themselves.
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def suggest(request):
    """JSON titles for autocomplete: {"query": ..., "suggestions": [{title, url, kind}]}."""
    text = clean_search_text(request.GET.get("q", ""), SUGGEST_MAX_LENGTH)
    body, status = {"query": text, "suggestions": []}, 200
    try:
        body["suggestions"] = service.suggest(text, language()) if len(text) >= 2 else []
    except service.SearchTooSlow:
        body["message"], status = TOO_SLOW_MESSAGE(), 503
    response = JsonResponse(body, encoder=HTMLSafeJSONEncoder, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
