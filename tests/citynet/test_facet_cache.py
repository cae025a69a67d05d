"""Cached facet counts: reused while current, forgotten on a bump, shared through Redis."""

import os

import pytest
from django.core.cache import caches
from django.test import override_settings

from citynet import facet_cache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_counts_are_reused_until_the_version_is_bumped():
    calls = []

    def compute():
        calls.append(1)
        return {"kupang": len(calls)}

    assert facet_cache.cached_counts("t", "state", compute) == {"kupang": 1}
    assert facet_cache.cached_counts("t", "state", compute) == {"kupang": 1}
    assert facet_cache.cached_counts("t", "other", compute) == {"kupang": 2}
    facet_cache.bump("t")
    assert facet_cache.cached_counts("t", "state", compute) == {"kupang": 3}
    assert len(calls) == 3


def _redis_or_skip():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 - any failure means no server to test against
        pytest.skip(
            f"no Redis at {REDIS_URL} ({error.__class__.__name__}): shared-cache test skipped"
        )


def test_a_bump_in_one_process_reaches_another_through_redis():
    _redis_or_skip()
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": redis_cache}):
        caches["default"].clear()
        before = facet_cache.version("shared")
        # Another app server: its own connection to the same Redis.
        other = caches.create_connection("default")
        other.incr("facet-version:shared")
        assert facet_cache.version("shared") == before + 1
        caches["default"].clear()
