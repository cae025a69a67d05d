"""Deployment checks (`manage.py check --deploy`) for what several app servers must share."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
PER_PROCESS_TASK_BACKENDS = (
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Facet counts, rate limits and cache invalidation must be the same on every server."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Error(
                "The default cache is kept per process, so app servers would disagree.",
                hint="Set REDIS_URL to a Redis server every app server shares.",
                id="citynet.E001",
            )
        ]
    return []


@register(deploy=True)
def real_task_queue(app_configs, **kwargs):
    """Slow work (indexing, emails) must go to a worker, not run inside the request."""
    if settings.TASKS["default"]["BACKEND"] in PER_PROCESS_TASK_BACKENDS:
        return [
            Error(
                "Tasks run inside the web request instead of on a queue.",
                hint="Use django_tasks_db.DatabaseBackend and run 'manage.py db_worker'.",
                id="citynet.E002",
            )
        ]
    return []
