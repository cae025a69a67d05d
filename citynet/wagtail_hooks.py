"""Admin: the dimension taxonomy as snippets, and guards that page permissions alone miss."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
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


@hooks.register("citynet_search_kinds", order=40)
def register_search_kind():
    from .search_kind import city_kind

    return city_kind()
