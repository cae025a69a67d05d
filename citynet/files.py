"""Which uploaded images and documents the public may list and download.

A file is public when a publicly visible page (citynet.visibility) uses it, in a field, an
inline (materials, gallery, attachments) or a rich-text link, as Wagtail's reference index
records it, or when it sits in a collection the secretariat opened in *Settings -> File
settings*. Everything else (a city's draft attachments, files no page uses yet) is seen
only by admin users allowed to choose or change it. The API lists only public files; the
document and media views serve the rest to nobody else.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from citynet.visibility import public_pages


def public_collection_ids():
    from citynet.models import FileSettings

    return FileSettings.public_collections.through.objects.values("collection_id")


def _used_by_public_pages(model):
    """Ids (as text, the reference index's type) of `model` objects a public page uses."""
    page_type = ContentType.objects.get_for_model(Page)
    used_by_page = public_pages(
        Page.objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField()))
    )
    return (
        ReferenceIndex.objects.filter(
            base_content_type=page_type,
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .filter(Exists(used_by_page))
        .values("to_object_id")
    )


def public_files(queryset):
    """`queryset` of images or documents narrowed to the public ones (one query)."""
    return queryset.annotate(_pk_text=Cast("pk", CharField())).filter(
        Q(_pk_text__in=_used_by_public_pages(queryset.model))
        | Q(collection_id__in=public_collection_ids())
    )


def is_public_file(obj):
    return public_files(type(obj).objects.filter(pk=obj.pk)).exists()


def may_see_file(user, obj, public=None):
    """Public (pass `public` when already known), or the user may choose or change it in
    the admin (its city's editors, the secretariat)."""
    if is_public_file(obj) if public is None else public:
        return True
    if not (user and user.is_authenticated and user.is_active):
        return False
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], obj)
