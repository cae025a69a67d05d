"""Language handling for URLs that have no language prefix."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Outside i18n_patterns: their 404s are final, not a hint to try /en/… instead.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/django-admin/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 on an unprefixed URL (the API, the admin,
    documents) stays a 404. Django would redirect it to /<lang>/…, which Wagtail's catch-all
    page route always "matches", so an API client got a 302 to an HTML page instead."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
