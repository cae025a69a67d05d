"""Text from visitors, made safe for search backends, emails and spreadsheets."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = frozenset("\n\r")


def has_control_characters(text):
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def clean_search_text(text, max_length):
    """Words only: control characters (NUL and friends) become spaces, runs of white space
    collapse, and the result is cut to `max_length`. Search backends (SQLite's full-text
    search, PostgreSQL) reject NUL bytes, so they must never reach a query."""
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in str(text))
    return " ".join(spaced.split())[:max_length]


def validate_single_line(value):
    """For text that ends up in an email's lines or headers (names, organisations): no line
    breaks, tabs or other control characters, which could shape fake lines or headers."""
    if has_control_characters(str(value)):
        raise ValidationError(
            _("Please use a single line without tabs or control characters."),
            code="control_characters",
        )


def validate_plain_text(value):
    """For multi-line text (needs, notes): line breaks allowed, other control characters not."""
    if any(ch not in LINE_BREAKS for ch in str(value) if unicodedata.category(ch) == "Cc"):
        raise ValidationError(
            _("Please remove the control characters from this text."), code="control_characters"
        )


# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """`value` as a spreadsheet shows it but never runs it: text that would start a formula
    gets a leading apostrophe (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
