"""Health endpoints for load balancers and operators.

`/healthz` says the process answers (no database, no cache: a load balancer may call it
every second). `/readyz` checks the parts a request needs, each in a few milliseconds, and
answers 503 when a required one is down: the database, the shared cache, the default
(media) and private storages. The task queue (how many tasks wait, how long the oldest has
waited, how many failed) and the search backend are reported but never make the site
unready: tasks wait in the database, and search falls back to the database backend.
Error messages can name internal hosts, so they are shown only to a request that carries
`Authorization: Bearer <HEALTH_TOKEN>` or comes from a signed-in superuser; others see which
part failed, not why.
"""

import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from citynet.search_hooks import health_checks

PROBE_KEY = "citynet:readyz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    value = str(time.monotonic())
    cache.set(PROBE_KEY, value, 30)
    if cache.get(PROBE_KEY) != value:
        raise RuntimeError("the cache did not keep a value")
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def _check_storage(alias):
    storage = storages[alias]
    if isinstance(storage, FileSystemStorage):
        # exists() of a file in a missing folder is just False: look at the folder itself.
        storage.listdir("")
    else:
        storage.exists(PROBE_KEY)
    return {"backend": type(storage).__name__}


def check_storage():
    return {alias: _check_storage(alias) for alias in ("default", "private")}


def check_tasks():
    """The queue's backlog from the database backend (django-tasks-db) when it is in use."""
    from django_tasks import task_backends

    backend = task_backends["default"]
    report = {"backend": type(backend).__name__}
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return report
    from citynet.workers import live_workers

    if isinstance(backend, DatabaseBackend):
        ready = DBTaskResult.objects.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        report.update(
            waiting=ready.count(),
            oldest_waiting_seconds=(
                round((timezone.now() - oldest).total_seconds()) if oldest else None
            ),
            failed=DBTaskResult.objects.failed().count(),
            workers=live_workers().count(),
        )
    return report


# name -> (check, required for serving requests)
CHECKS = {
    "database": (check_database, True),
    "cache": (check_cache, True),
    "storage": (check_storage, True),
    "tasks": (check_tasks, False),
}  # and the apps' own (citynet_health_checks), e.g. the search backend


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def may_see_errors(request):
    token = getattr(settings, "HEALTH_TOKEN", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and given and hmac.compare_digest(token, given):
        return True
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_superuser)


@never_cache
@require_safe
def readyz(request):
    results, ready = {}, True
    for name, (check, required) in {**CHECKS, **health_checks()}.items():
        started = time.perf_counter()
        try:
            result = {"ok": True, **check()}
        except Exception as error:  # noqa: BLE001 - any failure is the answer, not a 500
            result = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
            ready = ready and not required
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        result["required"] = required
        results[name] = result
    if not may_see_errors(request):
        for result in results.values():
            result.pop("error", None)
    return JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )
