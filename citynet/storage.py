"""Storage for generated files that must never have a public address."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside MEDIA_ROOT with no URL at all: Django's FileSystemStorage would
    fall back to MEDIA_URL, so a template asking for `.url` could print a link that looks
    public. Views read these files and answer with them after checking permission."""

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them through a view.")


try:  # django-storages is pinned; the import is guarded only so the filesystem needs no boto3
    from storages.backends.s3 import S3Storage
except ImportError:  # pragma: no cover
    S3Storage = None

if S3Storage is not None:

    class MediaS3Storage(S3Storage):
        """Uploads (images, renditions, documents) in a private S3-compatible bucket. Their
        addresses stay the app's own MEDIA_URL paths, so every read still goes through the
        permission check (citynet.media, Wagtail's document view); the bucket is never
        handed out, not even as a signed link."""

        def url(self, name, parameters=None, expire=None, http_method=None):
            return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    class PrivateS3Storage(S3Storage):
        """Generated files (plan PDFs) in the bucket: no address at all, like the disk one."""

        def url(self, name, parameters=None, expire=None, http_method=None):
            raise NotImplementedError("Private files have no URL; serve them through a view.")
