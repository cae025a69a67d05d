"""The read-only JSON API at /api/v2/: live pages, images and documents.

Wagtail's API only ever serves live, public pages, so drafts stay private whatever the
query. Practices expose their structured fields (PracticePage.api_fields) and filter by
field, e.g. /api/v2/pages/?type=practices.PracticePage&city=12&dimension=3.
"""

from django.db.models import Case, When
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from citynet.text import has_control_characters


class SearchQueryCheck:
    """A blank search or one with control characters is a 400 with a reason, not a 500
    from the search backend."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        search = self.request.GET.get("search")
        if search is not None and (not search.strip() or has_control_characters(search)):
            raise BadRequestError("search needs at least one word and no control characters")


class PublicSearchFilter(BaseFilterBackend):
    """?search= on pages answers from the public search service (search app), like the
    search page: stemmed Indonesian and English, best first unless ?order= is given. Only
    the kinds the public search holds (practices, plans, events, cities) can match."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        from search import service

        language = request.GET.get("locale") or None
        ids = service.matching_ids(request.GET["search"], language)
        queryset = queryset.filter(pk__in=ids)
        if "order" not in request.GET:
            rank = Case(*(When(pk=pk, then=n) for n, pk in enumerate(ids)), default=len(ids))
            queryset = queryset.order_by(rank)
        return queryset


class CitynetPagesAPIViewSet(SearchQueryCheck, PagesAPIViewSet):
    filter_backends = [
        PublicSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


class CitynetImagesAPIViewSet(SearchQueryCheck, ImagesAPIViewSet):
    pass


class CitynetDocumentsAPIViewSet(SearchQueryCheck, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CitynetPagesAPIViewSet)
api_router.register_endpoint("images", CitynetImagesAPIViewSet)
api_router.register_endpoint("documents", CitynetDocumentsAPIViewSet)
