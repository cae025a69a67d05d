"""The read-only JSON API at /api/v2/: live pages, images and documents.

Wagtail's API only ever serves live, public pages, so drafts stay private whatever the
query; images and documents are listed only when public (citynet.files). Practices
expose their structured fields (PracticePage.api_fields) and filter by field, e.g.
/api/v2/pages/?type=practices.PracticePage&city=12&dimension=3.
"""

from django.db import models
from django.db.models import Case, When
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from citynet.files import public_files
from citynet.search_hooks import KeywordSearchTooSlow, NoKeywordSearch, keyword_search
from citynet.text import has_control_characters

# Beyond these a number reaches the database as an out-of-range value (a 500), so it is
# refused first. No listing here is anywhere near a million rows.
MAX_OFFSET = 1_000_000
MAX_ID = 2**63 - 1
PAGE_ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")


def _whole_number(name, value, maximum):
    if value.isascii() and value.isdigit() and len(value) <= 19 and int(value) <= maximum:
        return
    raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")


class QueryParameterCheck:
    """Bad parameters are a 400 with a reason, never a 500 from the database or the search
    backend: a blank search or one with control characters, and numbers out of range
    (offset, limit, page ids, and filters on integer and foreign-key fields)."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        search = self.request.GET.get("search")
        if search is not None and (not search.strip() or has_control_characters(search)):
            raise BadRequestError("search needs at least one word and no control characters")
        integer_fields = {
            field.name
            for field in queryset.model._meta.get_fields()
            if isinstance(field, (models.IntegerField, models.AutoField, models.ForeignKey))
        }
        for name, value in self.request.GET.items():
            if name in ("offset", "limit"):
                _whole_number(name, value, MAX_OFFSET)
                continue
            page_id = name in PAGE_ID_PARAMETERS and value != "root"
            numeric_filter = name in integer_fields and value.lstrip("-").isdigit()
            if page_id or numeric_filter:
                _whole_number(name, value, MAX_ID)


class SearchTooSlowError(Exception):
    """?search= ran into the public search's time limit (search.limits)."""


class PublicSearchFilter(BaseFilterBackend):
    """?search= on pages answers from the public search service (search app), like the
    search page: stemmed Indonesian and English, best first unless ?order= is given. Only
    the kinds the public search holds (practices, plans, events, cities) can match."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        language = request.GET.get("locale") or None
        try:
            ids = keyword_search(request.GET["search"], language)
        except KeywordSearchTooSlow as error:
            raise SearchTooSlowError from error
        except NoKeywordSearch:  # the search app is not installed: Wagtail's own search
            return SearchFilter().filter_queryset(request, queryset, view)
        queryset = queryset.filter(pk__in=ids)
        if "order" not in request.GET:
            rank = Case(*(When(pk=pk, then=n) for n, pk in enumerate(ids)), default=len(ids))
            queryset = queryset.order_by(rank)
        return queryset


class CitynetPagesAPIViewSet(QueryParameterCheck, PagesAPIViewSet):
    filter_backends = [
        PublicSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def handle_exception(self, exc):
        if isinstance(exc, SearchTooSlowError):
            message = _("This search took too long. Try fewer or more specific words.")
            return Response({"message": message}, status=503, headers={"Retry-After": "30"})
        return super().handle_exception(exc)


class PublicFilesOnly:
    def get_queryset(self):
        return public_files(super().get_queryset())


class CitynetImagesAPIViewSet(QueryParameterCheck, PublicFilesOnly, ImagesAPIViewSet):
    pass


class CitynetDocumentsAPIViewSet(QueryParameterCheck, PublicFilesOnly, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CitynetPagesAPIViewSet)
api_router.register_endpoint("images", CitynetImagesAPIViewSet)
api_router.register_endpoint("documents", CitynetDocumentsAPIViewSet)
