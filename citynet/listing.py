"""What the language-level listing pages (practices, master plans, events) share."""

from citynet.visibility import public_pages


class ListingPage:
    """Mixin for a listing page that exists once per language."""

    @classmethod
    def for_locale(cls, locale_id):
        """The live listing of this language (for links from other pages)."""
        return public_pages(cls.objects.filter(locale_id=locale_id)).first()


def noindex_filtered(request, response):
    """Filtered variants of a listing are not worth a search engine's crawl budget."""
    if set(request.GET) - {"page"}:
        response["X-Robots-Tag"] = "noindex"
    return response
