"""A time limit on the database work of every public search.

A visitor's words decide how much PostgreSQL must read, so without a limit a crafted or
unlucky query could run for a minute and hold a gunicorn worker (and a connection) the
whole time; a few such requests would take the site down. Each public search therefore
runs under `SEARCH_STATEMENT_TIMEOUT_MS` (PostgreSQL's statement_timeout, for this
transaction only); when it is hit the caller gets `SearchTooSlow` and answers a clear
message instead of a 500. SQLite (the demo) has no such setting and runs unguarded.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from citynet.search_hooks import KeywordSearchTooSlow

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled by the timeout


class SearchTooSlow(KeywordSearchTooSlow):
    """The search's database work took longer than SEARCH_STATEMENT_TIMEOUT_MS."""


def _set_timeout(cursor, value):
    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [value])


@contextmanager
def time_limited():
    milliseconds = int(getattr(settings, "SEARCH_STATEMENT_TIMEOUT_MS", 0) or 0)
    if connection.vendor != "postgresql" or milliseconds <= 0:
        yield
        return
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SHOW statement_timeout")
                previous = cursor.fetchone()[0]
                _set_timeout(cursor, f"{milliseconds}ms")
            yield
            # Inside an outer transaction (tests, ATOMIC_REQUESTS) the setting would outlive
            # this block: put the previous value back. A cancelled block rolls it back itself.
            with connection.cursor() as cursor:
                _set_timeout(cursor, previous)
    except OperationalError as error:
        if getattr(error.__cause__, "pgcode", None) == QUERY_CANCELED:
            raise SearchTooSlow from error
        raise
