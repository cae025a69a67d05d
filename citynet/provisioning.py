"""Each member city's own editors and files, kept in step with its CityPage.

A city's editors group and collection belong to the city, not to one language's page:
the English and Indonesian CityPages share them (same translation_key). Everything here
runs inside the page's own save or delete, so a city never exists half-provisioned.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

# Editors write and lock their own city's pages; publishing goes through the workflow.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Into the admin, and translating their own pages (English <-> Indonesian).
EDITOR_GLOBAL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
)
GROUP_NAME_MAX = 150


def editors_group_name(city):
    """Group names are data every admin sees: written in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("%(city)s editors") % {"city": city.title}


def archived_collection_name(name):
    with translation.override(settings.LANGUAGE_CODE):
        return _("%(city)s (archived)") % {"city": name}


def _permissions(pairs):
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def _unique_group_name(base, exclude_pk=None):
    base = base[: GROUP_NAME_MAX - 8]
    name, n = base, 1
    taken = Group.objects.exclude(pk=exclude_pk)
    while taken.filter(name=name).exists():
        n += 1
        name = f"{base} ({n})"
    return name


def _translations(city):
    from citynet.models import CityPage

    return CityPage.objects.filter(translation_key=city.translation_key).exclude(pk=city.pk)


def provision_city(city):
    """Give a new CityPage its group, collection and permissions, or join its translation's."""
    from citynet.models import CityPage

    sibling = (
        _translations(city)
        .exclude(editors_group=None)
        .select_related("editors_group", "collection")
        .first()
    )
    if sibling:
        group, collection = sibling.editors_group, sibling.collection
    else:
        group = Group.objects.create(name=_unique_group_name(editors_group_name(city)))
        group.permissions.add(*_permissions(EDITOR_GLOBAL_PERMISSIONS))
        collection = Collection.get_first_root_node().add_child(name=city.title)
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=collection, permission=permission)
            for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS)
        )
    page_permissions = _permissions(
        ("wagtailcore", codename) for codename in EDITOR_PAGE_PERMISSIONS
    )
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page=city, permission=p) for p in page_permissions],
        ignore_conflicts=True,
    )
    CityPage.objects.filter(pk=city.pk).update(editors_group=group, collection=collection)
    city.editors_group, city.collection = group, collection


def sync_city_names(city):
    """Rename the group and collection after the city, following its original-language page."""
    if not city.editors_group_id:
        return
    from wagtail.models import Locale

    if (
        city.locale_id != Locale.get_default().pk
        and _translations(city).filter(locale=Locale.get_default()).exists()
    ):
        return
    group = Group.objects.get(pk=city.editors_group_id)
    wanted = editors_group_name(city)
    if group.name != wanted and not group.name.startswith(f"{wanted[: GROUP_NAME_MAX - 8]} ("):
        group.name = _unique_group_name(wanted, exclude_pk=group.pk)
        group.save(update_fields=["name"])
    if city.collection_id:
        Collection.objects.filter(pk=city.collection_id).exclude(name=city.title).update(
            name=city.title
        )


def release_city(city):
    """After a CityPage is deleted: drop the group once no translation of the city is left.

    The collection's files are kept (renamed as archived) so nothing uploaded is lost; an
    empty collection is removed.
    """
    from citynet.models import CityPage

    if CityPage.objects.filter(translation_key=city.translation_key).exists():
        return
    if city.editors_group_id:
        Group.objects.filter(pk=city.editors_group_id).delete()
    if city.collection_id:
        collection = Collection.objects.filter(pk=city.collection_id).first()
        if collection is None:
            return
        has_files = (
            get_image_model().objects.filter(collection=collection).exists()
            or get_document_model().objects.filter(collection=collection).exists()
        )
        if has_files or collection.get_children_count():
            GroupCollectionPermission.objects.filter(collection=collection).delete()
            collection.name = archived_collection_name(collection.name)
            collection.save(update_fields=["name"])
        else:
            collection.delete()
