"""One log line per request with a request id; JSON lines with LOG_FORMAT=json."""

import json
import logging

import pytest
from pythonjsonlogger.json import JsonFormatter

from citynet.request_log import RequestIdFilter
from citynet.settings import base

pytestmark = pytest.mark.django_db


def request_lines(caplog):
    return [r for r in caplog.records if r.name == "citynet.requests"]


def test_each_request_gets_an_id_and_one_line(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="citynet.requests")
    response = client.get("/en/")
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = request_lines(caplog)
    assert (line.method, line.path, line.status) == ("GET", "/en/", 200)
    assert line.duration_ms >= 0
    assert client.get("/en/")["X-Request-ID"] != request_id


def test_the_proxys_request_id_is_kept_when_it_is_a_plain_token(client, site_tree):
    response = client.get("/en/", HTTP_X_REQUEST_ID="lb-7f3a.91")
    assert response["X-Request-ID"] == "lb-7f3a.91"


@pytest.mark.parametrize("offered", ["a b", "x" * 65, "<script>", "id\r\nSet-Cookie: a=b", ""])
def test_a_hostile_request_id_is_replaced(client, site_tree, offered):
    response = client.get("/en/", HTTP_X_REQUEST_ID=offered)
    assert response["X-Request-ID"] != offered and len(response["X-Request-ID"]) == 32


def test_a_404_is_logged_with_its_status(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="citynet.requests")
    client.get("/en/cities/atlantis/")
    assert [r.status for r in request_lines(caplog)] == [404]


def test_health_probes_log_only_at_debug(client, caplog):
    caplog.set_level(logging.INFO, logger="citynet.requests")
    client.get("/healthz")
    assert request_lines(caplog) == []


def test_json_lines_carry_the_request_id_and_timing(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="citynet.requests")
    response = client.get("/en/", HTTP_X_REQUEST_ID="req-42")
    [record] = request_lines(caplog)
    options = dict(base.LOGGING["formatters"]["json"])
    options.pop("()")
    line = json.loads(JsonFormatter(**options).format(record))
    assert line["request_id"] == "req-42" == response["X-Request-ID"]
    assert line["level"] == "INFO" and line["logger"] == "citynet.requests"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/en/", 200)
    assert isinstance(line["duration_ms"], float) and "time" in line


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("worker", logging.INFO, __file__, 1, "task done", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"
