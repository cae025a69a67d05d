"""Text from visitors, made safe for search backends."""

import unicodedata


def has_control_characters(text):
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def clean_search_text(text, max_length):
    """Words only: control characters (NUL and friends) become spaces, runs of white space
    collapse, and the result is cut to `max_length`. Search backends (SQLite's full-text
    search, PostgreSQL) reject NUL bytes, so they must never reach a query."""
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in str(text))
    return " ".join(spaced.split())[:max_length]
