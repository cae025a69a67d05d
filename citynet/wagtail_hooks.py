"""Admin: the dimension taxonomy as snippets, and guards that page permissions alone miss."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
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


@hooks.register("before_delete_page")
def only_secretariat_deletes_cities(request, page):
    """Wagtail lets anyone with 'change' on a page delete it; a whole city is the secretariat's."""
    if isinstance(page.specific_deferred, CityPage) and not is_secretariat(request.user):
        messages.error(request, _("Only the secretariat can delete a member city."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
