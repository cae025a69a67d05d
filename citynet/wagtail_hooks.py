"""Admin: the dimension taxonomy as snippets, and guards that page permissions alone miss."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from citynet.models import CityPage, Dimension
from citynet.permissions import is_secretariat


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "list-ul"
    menu_label = gettext_lazy("Smart-city dimensions")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name_en", "name_id", "slug", "sort_order"]
    ordering = ["sort_order"]
    search_fields = ["name_en", "name_id"]


register_snippet(DimensionViewSet)


def _refuse_city_deletion(request, pages):
    """Wagtail lets anyone with 'change' on a page delete it; a whole city is the secretariat's.

    Returns a redirect when `pages` include a member city and the user is not secretariat.
    """
    pks = [page.pk for page in pages]
    if is_secretariat(request.user) or not CityPage.objects.filter(pk__in=pks).exists():
        return None
    messages.error(request, _("Only the secretariat can delete a member city."))
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def only_secretariat_deletes_cities(request, page):
    return _refuse_city_deletion(request, [page])


@hooks.register("before_bulk_action")
def only_secretariat_bulk_deletes_cities(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return _refuse_city_deletion(request, list(objects))
    return None


@hooks.register("before_serve_document")
def serve_only_visible_documents(document, request):
    """A document no public page uses (a draft's attachment, a restricted page's file) is a
    404 for everyone but the admin users who may choose or change it (citynet.files)."""
    from django.http import Http404

    from citynet.files import may_see_file

    if not may_see_file(request.user, document):
        raise Http404
    return None


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_visible_pages(pages, request):
    from citynet.admin_visibility import pages_visible_to

    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_visible_to(request.user).values("pk"))


def _visible_only(action_class):
    from citynet.admin_visibility import VisiblePagesOnlyMixin

    return type(action_class.__name__, (VisiblePagesOnlyMixin, action_class), {})


# Registered after Wagtail's own (order), so these replace them in the bulk action registry.
for _action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register("register_bulk_action", _visible_only(_action), order=10)


@hooks.register("before_bulk_action")
def secretariat_keeps_to_its_roles(request, action_type, objects, action_class_instance):
    """Bulk actions on users follow the same roles as the user form (citynet.users): only a
    superuser acts on a superuser's account or assigns a group outside the roles."""
    from django.contrib.auth import get_user_model

    from citynet.users import manageable_groups

    if request.user.is_superuser or not objects or not isinstance(objects[0], get_user_model()):
        return None
    refused = any(user.is_superuser for user in objects)
    if action_type == "assign_role":
        role = action_class_instance.cleaned_form.cleaned_data.get("role")
        refused = refused or not manageable_groups(request.user).filter(pk=role.pk).exists()
    if refused:
        messages.error(
            request, _("Only an administrator can change administrators or assign that role.")
        )
        return redirect("wagtailusers_users:index")
    return None
