from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitynetConfig(AppConfig):
    name = "citynet"
    verbose_name = _("Citynet core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citynet import signals  # noqa: F401
