"""Storage for generated files that must never have a public address."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside MEDIA_ROOT with no URL at all: Django's FileSystemStorage would
    fall back to MEDIA_URL, so a template asking for `.url` could print a link that looks
    public. Views read these files and answer with them after checking permission."""

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them through a view.")
