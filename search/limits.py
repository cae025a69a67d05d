"""A time limit on the database work of every public search.

A visitor's words decide how much PostgreSQL must read, so without a limit a crafted or
unlucky query could run for a minute and hold a gunicorn worker (and a connection) the
whole time; a few such requests would take the site down. Each public search therefore
runs under `SEARCH_STATEMENT_TIMEOUT_MS` (PostgreSQL's statement_timeout, for this
transaction only); when it is hit the caller gets `SearchTooSlow` and answers a clear
message instead of a 500. SQLite (the demo) has no such setting and runs unguarded.

The same block also turns sequential scans off for the search's own statements: the
planner does not know that filtering a sequential scan on the stored search vector reads
each row's vector from TOAST storage (about 100 ms at 20,000 entries), while the GIN index
answers the match without reading any vector (about 3 ms), so it picks the scan for every
common word. The setting lasts for this transaction only.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from citynet.search_hooks import KeywordSearchTooSlow

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled by the timeout


class SearchTooSlow(KeywordSearchTooSlow):
    """The search's database work took longer than SEARCH_STATEMENT_TIMEOUT_MS."""


def _configure(cursor, settings_):
    """Set these run-time settings for the current transaction, in one statement; returns
    what they were."""
    names = list(settings_)
    reads = ", ".join(["current_setting(%s)"] * len(names))
    writes = ", ".join(["set_config(%s, %s, true)"] * len(names))
    params = names + [part for name in names for part in (name, settings_[name])]
    cursor.execute(f"SELECT {reads}, {writes}", params)  # noqa: S608 - placeholders only
    return dict(zip(names, cursor.fetchone()[: len(names)], strict=True))


@contextmanager
def time_limited():
    if connection.vendor != "postgresql":
        yield
        return
    # JIT off too: with sequential scans off, a plan that has no other way (a tiny
    # table) is costed so high that PostgreSQL would spend ~100 ms compiling it.
    wanted = {"enable_seqscan": "off", "jit": "off"}
    milliseconds = int(getattr(settings, "SEARCH_STATEMENT_TIMEOUT_MS", 0) or 0)
    if milliseconds > 0:
        wanted["statement_timeout"] = f"{milliseconds}ms"
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                previous = _configure(cursor, wanted)
            yield
            # Inside an outer transaction (tests, ATOMIC_REQUESTS) the settings would outlive
            # this block: put the previous values back. A cancelled block rolls them back.
            with connection.cursor() as cursor:
                _configure(cursor, previous)
    except OperationalError as error:
        if getattr(error.__cause__, "pgcode", None) == QUERY_CANCELED:
            raise SearchTooSlow from error
        raise
