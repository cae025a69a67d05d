"""Settings come from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "x1y2z3" * 10


def run(settings, *args, env=None, code=None):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"}
    }
    environment["DJANGO_SETTINGS_MODULE"] = f"citynet.settings.{settings}"
    environment.update(env or {})
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.EMAIL_BACKEND, s.MEDIA_ROOT, s.LANGUAGE_CODE, "
    "s.ELASTICSEARCH_URL or '-', s.CACHES['default']['BACKEND'])"
)


@pytest.mark.parametrize(
    "env,message",
    [
        ({"ALLOWED_HOSTS": "hub.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "hub.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-" + "a" * 50, "ALLOWED_HOSTS": "h.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_real_settings(env, message):
    result = run("production", "check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_passes_check_deploy():
    env = {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "hub.example.org,citynet.example.org",
        "REDIS_URL": "redis://cache.internal:6379/0",
    }
    result = run("production", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_refuses_per_process_cache_and_tasks():
    env = {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "hub.example.org",
        "REDIS_URL": "",
        "TASKS_BACKEND": "immediate",
    }
    result = run("production", "check", "--deploy", env=env)
    assert result.returncode != 0
    assert "citynet.E001" in result.stderr and "citynet.E002" in result.stderr


def test_without_database_url_the_site_runs_on_sqlite(tmp_path):
    result = run("dev", code=PRINT_SETTINGS, env={"MEDIA_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    engine, email, media, language, search, cache = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert email == "django.core.mail.backends.console.EmailBackend"
    assert media == str(tmp_path)
    assert (language, search) == ("en", "-")
    assert cache == "django.core.cache.backends.locmem.LocMemCache"


def test_environment_switches_database_email_language_and_search():
    env = {
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/citynet",
        "EMAIL_URL": "submission://user:pw@mail.example.org:587",
        "LANGUAGE_CODE": "id",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    result = run("dev", code=PRINT_SETTINGS, env=env)
    assert result.returncode == 0, result.stderr
    engine, email, _media, language, search, cache = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert email == "django.core.mail.backends.smtp.EmailBackend"
    assert (language, search) == ("id", "http://127.0.0.1:9200")
    assert cache == "django.core.cache.backends.redis.RedisCache"


def test_production_queues_email_for_the_worker_and_delivers_by_email_url():
    env = {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "hub.example.org",
        "EMAIL_URL": "submission://user:pw@mail.example.org:587",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_DELIVERY_BACKEND, s.EMAIL_HOST)"
    )
    result = run("production", code=code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "citynet.mail.QueuedEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
    ]
    tls = run("production", code=code.replace("s.EMAIL_HOST", "s.EMAIL_USE_TLS"), env=env)
    assert tls.stdout.split()[-1] == "True"


def test_an_email_url_with_an_unknown_scheme_is_refused_without_showing_the_password():
    result = run("dev", "check", env={"EMAIL_URL": "smtp+tls://user:s3cret@mail.example.org:587"})
    assert result.returncode != 0
    assert "EMAIL_URL: unknown scheme 'smtp+tls'" in result.stderr
    assert "s3cret" not in result.stderr
