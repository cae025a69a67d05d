"""User accounts in the admin, held to the roles of DESIGN.md.

Wagtail lets anyone with "change user" tick *Administrator* (superuser) and put an account in
any group. The secretariat manages city editors and the Secretariat group only: it cannot
grant or remove superuser status, cannot open a superuser's account, and sees only those
groups on the form (an account's other groups are kept as they are). Installed through
`citynet.apps.CitynetUsersAppConfig`, the documented way to customise Wagtail's user views.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users


def manageable_groups(user):
    """Groups `user` may put accounts in: every group for a superuser; otherwise the
    Secretariat group and the member cities' editors groups."""
    from django.contrib.auth.models import Group

    from citynet.models import CityPage
    from citynet.roles import SECRETARIAT

    groups = Group.objects.order_by("name")
    if user.is_superuser:
        return groups
    city_groups = CityPage.objects.filter(editors_group__isnull=False).values("editors_group")
    return groups.filter(Q(name=SECRETARIAT) | Q(pk__in=city_groups))


class RoleLimitedFormMixin:
    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        if acting_user is None or acting_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = manageable_groups(acting_user)

    def clean_groups(self):
        chosen = self.cleaned_data.get("groups")
        if self.acting_user is None or self.acting_user.is_superuser or not self.instance.pk:
            return chosen
        # Groups the acting user cannot see on the form stay as they were.
        kept = self.instance.groups.exclude(pk__in=manageable_groups(self.acting_user))
        return (chosen or kept.none()) | kept


class CitynetUserCreationForm(RoleLimitedFormMixin, UserCreationForm):
    pass


class CitynetUserEditForm(RoleLimitedFormMixin, UserEditForm):
    pass


class ActingUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class CreateView(ActingUserFormMixin, users.CreateView):
    pass


class EditView(ActingUserFormMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return CitynetUserEditForm if for_update else CitynetUserCreationForm
