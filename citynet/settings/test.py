"""Tests: PostgreSQL by default (CI's database), fast hashing, everything in memory."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/citynet"
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so tests can read each response's context; tests/citynet/test_page_cache.py turns it on.
PAGE_CACHE_ENABLED = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
SEARCH_INDEX_PREFIX = "citynet-test"
SEARCH_SYNC = False  # the search_sync fixture turns it on
ELASTICSEARCH_URL = ""  # tests/search/test_elastic_live.py reads CITYNET_TEST_ELASTICSEARCH_URL
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Static files are served by the test client's finders; whitenoise only matters in production.
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]  # noqa: F405
# Workers started by the queue tests must not enqueue the daily reminders (they count tasks);
# tests/masterplans/test_dashboard.py turns it on where it is the subject.
REPORT_REMINDERS_DAILY = False
