"""Request handling shared by every view: language prefixes, hostile query strings, forms
on cached pages."""

import re
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.translation import gettext as _

# Outside i18n_patterns: their 404s are final, not a hint to try /en/… instead.
UNPREFIXED = (
    "/api/",
    "/admin/",
    "/documents/",
    "/django-admin/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 on an unprefixed URL (the API, the admin,
    documents) stays a 404. Django would redirect it to /<lang>/…, which Wagtail's catch-all
    page route always "matches", so an API client got a 302 to an HTML page instead."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class RejectNullCharactersMiddleware:
    """A NUL byte in the query string is a 400 before any view sees it.

    PostgreSQL cannot store or compare strings containing NUL, so such a value reaching a
    query fails deep in the driver (a 500). Form fields already reject NUL (Django's
    ProhibitNullCharactersValidator); query strings are checked here, for every view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                message = _("Bad request: the address contains a null character.")
                if request.path_info.startswith("/api/"):
                    # The API's own error shape, so clients parse one format.
                    return JsonResponse({"message": message}, status=400)
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class SameOriginFormsMiddleware:
    """Public forms that sit on cached pages (event registration) carry no CSRF token: a
    token would make every copy personal. For their POSTs (`CSRF_ORIGIN_ONLY_PATHS`) the
    browser's Origin header, or its Referer when it sends no Origin, must name this site or
    a trusted origin; then Django's token check is skipped. A POST from another site, or
    with neither header, still meets the token check and is refused (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def paths(self):
        return [re.compile(pattern) for pattern in settings.CSRF_ORIGIN_ONLY_PATHS]

    def __call__(self, request):
        if (
            request.method == "POST"
            and any(p.match(request.path_info) for p in self.paths)
            and same_origin(request)
        ):
            request._dont_enforce_csrf_checks = True  # read by CsrfViewMiddleware
        return self.get_response(request)


def same_origin(request):
    """The POST says it comes from a page of this site (Origin, else Referer)."""
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
        if not referer.scheme or not referer.netloc:
            return False
        origin = f"{referer.scheme}://{referer.netloc}"
    return origin in allowed
