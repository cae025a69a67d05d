from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citynet.workers import on_beat

        from . import outbox, signals

        signals.connect()
        on_beat(outbox.drain_if_due)
