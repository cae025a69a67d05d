"""The read-only JSON API at /api/v2/: live pages, images and documents.

Wagtail's API only ever serves live, public pages, so drafts stay private whatever the
query. Practices expose their structured fields (PracticePage.api_fields) and filter by
field, e.g. /api/v2/pages/?type=practices.PracticePage&city=12&dimension=3.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
