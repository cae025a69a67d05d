"""One log line per request, with a request id that every other log line of the request
carries too, so an operator can follow one request across app servers and the proxy.

The id comes from the proxy's X-Request-ID when it is a plain token (so the proxy's and the
app's logs match), otherwise a new one; the response echoes it. With LOG_FORMAT=json every
line is a JSON object (python-json-logger), ready for a log collector.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

logger = logging.getLogger("citynet.requests")

current_request_id = ContextVar("request_id", default="-")
TOKEN = re.compile(r"[A-Za-z0-9._:-]{1,64}")
QUIET_PATHS = ("/healthz", "/readyz")  # load balancers ask every few seconds


def request_id_from(request):
    offered = request.headers.get("X-Request-ID", "")
    return offered if TOKEN.fullmatch(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_from(request)
        token = current_request_id.set(request.id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request.id
            return response
        finally:
            elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
            quiet = request.path_info in QUIET_PATHS and status < 500
            logger.log(
                logging.DEBUG if quiet else logging.INFO,
                "%s %s %s %sms",
                request.method,
                request.path_info,
                status,
                elapsed_ms,
                extra={
                    "request_id": request.id,
                    "method": request.method,
                    "path": request.path_info[:500],
                    "status": status,
                    "duration_ms": elapsed_ms,
                },
            )
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside requests, e.g. in the worker)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True
