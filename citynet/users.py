"""User accounts in the admin, held to the roles of DESIGN.md.

Wagtail lets anyone with "change user" tick *Administrator* (superuser) and put an account in
any group. The secretariat manages city editors and the Secretariat group only: it cannot
grant or remove superuser status, cannot open a superuser's account, and sees only those
groups on the form (an account's other groups are kept as they are). Installed through
`citynet.apps.CitynetUsersAppConfig`, the documented way to customise Wagtail's user views.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.models import UserProfile
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


def admin_language(user):
    """The language `user` reads the admin and the hub's emails in."""
    return UserProfile.get_for_user(user).get_preferred_language()


class AdminLanguageFormMixin:
    """The account's admin language on the secretariat's user form.

    New accounts start in `CITYNET_EDITOR_LANGUAGE` (Bahasa Indonesia): most accounts the
    secretariat creates are city editors, Indonesian civil servants. Wagtail keeps the choice
    on the user's profile, where editors can change it themselves (Account > Preferences)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            initial = admin_language(self.instance)
        else:
            initial = settings.CITYNET_EDITOR_LANGUAGE
        # Not required: a form posted without it keeps the account's language (or, for a new
        # account, starts it in Indonesian) rather than failing.
        self.fields["admin_language"] = forms.ChoiceField(
            label=_("Admin language"),
            choices=get_available_admin_languages(),
            initial=initial,
            required=False,
            help_text=_(
                "The language of this person's admin screens and of the emails the hub sends "
                "them. City editors start in Bahasa Indonesia."
            ),
        )

    def save(self, commit=True):
        is_new = self.instance.pk is None
        user = super().save(commit=commit)
        if commit:
            profile = UserProfile.get_for_user(user)
            chosen = self.cleaned_data.get("admin_language")
            if chosen or is_new:
                profile.preferred_language = chosen or settings.CITYNET_EDITOR_LANGUAGE
                profile.save(update_fields=["preferred_language"])
        return user


class CitynetUserCreationForm(AdminLanguageFormMixin, RoleLimitedFormMixin, UserCreationForm):
    pass


class CitynetUserEditForm(AdminLanguageFormMixin, RoleLimitedFormMixin, UserEditForm):
    pass


class CitynetPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, with the email in the account's language, not the browser's."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(admin_language(context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


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
    # Wagtail's forms with the admin language field (in their extra_fields block).
    create_template_name = "citynet/admin/users/create.html"
    edit_template_name = "citynet/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return CitynetUserEditForm if for_update else CitynetUserCreationForm
