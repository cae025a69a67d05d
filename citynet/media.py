"""Uploaded media served through a permission check (citynet.files).

Images (originals and renditions) are served from MEDIA_URL by this view, not by a bare
file server, so a city's unpublished uploads cannot be fetched by guessing their names.
Documents go through Wagtail's own /documents/<id>/<name> view (checked by the
`before_serve_document` hook); their storage paths here are always a 404.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from citynet.files import is_public_file, may_see_file


def _image_for(path):
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).first()
    if path.startswith("images/"):
        rendition = (
            Image.get_rendition_model().objects.filter(file=path).select_related("image").first()
        )
        return rendition.image if rendition else None
    return None


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or "\x00" in path:
        raise Http404
    image = _image_for(path)
    if image is None:
        raise Http404
    public = is_public_file(image)
    if not may_see_file(request.user, image, public):
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    if public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response
