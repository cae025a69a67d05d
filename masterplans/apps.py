from django.apps import AppConfig


class MasterplansConfig(AppConfig):
    name = "masterplans"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
