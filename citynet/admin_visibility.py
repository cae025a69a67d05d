"""Which pages an admin user may see the titles of, outside the explorer.

Wagtail's explorer and search already keep to the pages a user may explore, but its page
chooser browses the whole tree and a bulk action's confirmation lists every page whose id
is in the address. A city editor may see the pages they can explore (their city's subtree
and the pages above it) and whatever the public may see; never another city's drafts.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from citynet.visibility import public_pages


def pages_visible_to(user):
    if user.is_superuser:
        return Page.objects.all()
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    return Page.objects.filter(Q(pk__in=explorable) | Q(pk__in=public_pages().values("pk")))


class VisiblePagesOnlyMixin:
    """For Wagtail's page bulk actions: pages the user may not see are left out of the
    confirmation altogether, not listed as "no permission" with their titles."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra.get("items_with_no_access", [])
        if refused:
            visible = set(
                pages_visible_to(self.request.user)
                .filter(pk__in=[page.pk for page in refused])
                .values_list("pk", flat=True)
            )
            extra["items_with_no_access"] = [page for page in refused if page.pk in visible]
        return objects, extra


class ChooserParentMiddleware:
    """The page chooser names the page it browses into (`/admin/choose-page/<id>/`) before
    any hook can filter it; an id the user may not see is a 404 there instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name != "wagtailadmin_choose_page_child":
            return None
        user = request.user
        if user.is_authenticated and not user.is_superuser:
            parent_id = view_kwargs.get("parent_page_id")
            if not pages_visible_to(user).filter(pk=parent_id).exists():
                raise Http404
        return None
