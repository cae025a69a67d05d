"""/healthz and /readyz, with each part down in turn."""

import json

import pytest
from django.db import OperationalError

from citynet import health

pytestmark = pytest.mark.django_db


def readyz(client):
    response = client.get("/readyz")
    return response.status_code, json.loads(response.content)


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_every_part(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        status, body = readyz(client)
    assert status == 200 and body["status"] == "ready"
    assert set(body["checks"]) == {"database", "cache", "storage", "tasks", "search"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["search"]["backend"] == "database"
    assert body["checks"]["tasks"]["backend"] == "ImmediateBackend"


def test_database_down_is_503(client, monkeypatch, settings):
    class DownConnection:
        def cursor(self):
            raise OperationalError("could not connect to server at 10.0.0.5: Connection refused")

    monkeypatch.setattr(health, "connection", DownConnection())
    status, body = readyz(client)
    assert status == 503 and body["status"] == "unavailable"
    assert not body["checks"]["database"]["ok"]
    # Why it failed (internal hosts) is for operators only.
    assert "error" not in body["checks"]["database"]
    settings.HEALTH_TOKEN = "s3cret-token"
    response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer wrong")
    assert "error" not in json.loads(response.content)["checks"]["database"]
    response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert "Connection refused" in json.loads(response.content)["checks"]["database"]["error"]


def test_cache_down_is_503(client, settings):
    # A real Redis client against a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    status, body = readyz(client)
    assert status == 503 and not body["checks"]["cache"]["ok"]
    assert body["checks"]["database"]["ok"]


def test_storage_down_is_503(client, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "unmounted"},
        },
    }
    status, body = readyz(client)
    assert status == 503 and not body["checks"]["storage"]["ok"]
    (tmp_path / "unmounted").mkdir()
    assert readyz(client)[0] == 200


def test_search_down_is_reported_but_not_fatal(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    status, body = readyz(client)
    assert status == 200
    assert not body["checks"]["search"]["ok"] and not body["checks"]["search"]["required"]


def test_task_backlog_and_oldest_waiting(client, settings):
    from tests.citynet import queue_tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queue_tasks.note.enqueue("waiting")
    status, body = readyz(client)
    tasks = body["checks"]["tasks"]
    assert status == 200 and tasks["backend"] == "DatabaseBackend"
    assert tasks["waiting"] == 1 and tasks["oldest_waiting_seconds"] >= 0
    assert tasks["workers"] == 0  # nobody is working the queue: an operator should know
    assert tasks["failed"] == 0
