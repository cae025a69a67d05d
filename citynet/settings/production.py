"""Production: refuses to start without a real SECRET_KEY and ALLOWED_HOSTS.

`manage.py check --deploy` is clean with these settings (tests/citynet/test_settings.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DATABASES,
    EMAIL_DELIVERY_BACKEND,
    SECRET_KEY,
    TASK_BACKENDS,
    queue_emails,
)

DEBUG = False

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS to the site's host names, comma-separated (no '*')."
    )

# Keep database connections between requests (a new one costs a gunicorn worker several ms
# per request: bench/load.py measured the practice page at 31 req/s without, 48 with), and
# check them before reuse so a restarted database costs one error-free reconnect.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# A real queue: tasks wait in the database for `manage.py db_worker` (citynet.checks refuses
# a per-process backend, and a per-process cache, under `check --deploy`).
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "database")],
        "QUEUES": ["default"],
    }
}
EMAIL_BACKEND, EMAIL_DELIVERY_BACKEND = queue_emails(TASKS, EMAIL_DELIVERY_BACKEND)

# HTTPS everywhere; a proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
