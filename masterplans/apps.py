from django.apps import AppConfig


class MasterplansConfig(AppConfig):
    name = "masterplans"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citynet.workers import on_beat

        from . import reminders, signals

        signals.connect()
        on_beat(reminders.enqueue_daily)
