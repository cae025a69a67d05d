from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Best practices")

    def ready(self):
        from practices import signals  # noqa: F401

    default_auto_field = "django.db.models.BigAutoField"
