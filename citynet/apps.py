from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CitynetConfig(AppConfig):
    default = True  # apps.py also holds the users app config below
    name = "citynet"
    verbose_name = _("Citynet core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citynet import (
            admin_i18n,
            checks,  # noqa: F401
            exports,
            page_cache_signals,  # noqa: F401
            signals,  # noqa: F401
        )

        exports.install()
        admin_i18n.translate_chooser_labels_per_request()
        admin_i18n.translate_snippet_breadcrumbs_per_request()
        _single_line_page_titles()


def _single_line_page_titles():
    """Page titles go into the subjects of Wagtail's review emails (a header): a title with a
    line break would break the email, so every page form refuses one with a clear error."""
    from wagtail.models import Page

    from citynet.text import validate_single_line

    for name in ("title", "seo_title"):
        field = Page._meta.get_field(name)
        if validate_single_line not in field.validators:
            field.validators.append(validate_single_line)


class CitynetUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the hub's role limits on the user forms (citynet.users)."""

    user_viewset = "citynet.users.UserViewSet"
