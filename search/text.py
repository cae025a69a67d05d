"""Words, stems and highlighted snippets, the same for every search backend.

Stemming happens here, in Python, with the Snowball Indonesian and English stemmers, so that
"izin" finds "perizinan" and "layanan" finds "pelayanan" on SQLite too (its full-text search
does not stem) and so that highlighting marks the words that actually matched.
"""

import re
import threading
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
SNIPPET_LENGTH = 240
# Words too common to carry meaning; PostgreSQL's configurations drop them as well, and a
# query made only of them would match nothing anywhere.
STOPWORDS = frozenset(
    "yang dan di ke dari untuk dengan atau pada ini itu dalam adalah oleh "  # noqa: SIM905
    "the a an and or of to in for on with by is are at as be".split()
)
_LANGUAGES = {"id": "indonesian", "en": "english"}


class _ThreadStemmers(threading.local):
    """One pair of Snowball stemmers per thread.

    A Snowball stemmer keeps the word it is working on in the object itself, so one shared
    between threads (gunicorn's threaded workers, runserver, ASGI) mixes words up: stems come
    out wrong or it raises. Each thread builds its own pair on first use (about 1 ms).
    """

    def __init__(self):
        self.by_language = {
            code: snowballstemmer.stemmer(name) for code, name in _LANGUAGES.items()
        }


_STEMMERS = _ThreadStemmers()


def words(text):
    """Lower-case words of `text`, punctuation and operators dropped."""
    return [w.lower() for w in WORD.findall(str(text))]


def stems(word):
    """The forms a word is matched by: its Indonesian and its English stem (a frozenset)."""
    return _stems(word.lower())


# Highlighting the snippets of one page of results stems about a thousand words, mostly
# the same ones again and again: remembered per process (a word's stems never change).
@lru_cache(maxsize=50_000)
def _stems(word):
    stemmers = _STEMMERS.by_language
    return frozenset((stemmers["id"].stemWord(word), stemmers["en"].stemWord(word)))


def query_words(text):
    """The meaningful words of a visitor's query, at most MAX_QUERY_WORDS, in order."""
    seen = []
    for word in words(str(text)[:MAX_QUERY_LENGTH]):
        if word not in STOPWORDS and word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def index_terms(text):
    """`text` as the stems the database backend indexes (both stems of every word)."""
    out = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        out.extend(sorted(stems(word)))
    return " ".join(out)


def matches(word, query_stems):
    return bool(stems(word) & query_stems)


def query_stems(query):
    found = set()
    for word in query_words(query):
        found |= stems(word)
    return found


def highlight(text, query):
    """`text` escaped, with every word that matches the query wrapped in <mark>."""
    return mark_safe(_marked(str(text), query_stems(query)))  # noqa: S308 - escaped in _marked


def snippet(text, query, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around its first matching word, escaped, matches
    marked; the beginning of the text when no word matches."""
    text = " ".join(str(text).split())
    wanted = query_stems(query)
    start = 0
    for m in WORD.finditer(text):
        if matches(m.group(), wanted):
            start = max(0, m.start() - length // 4)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + _marked(piece, wanted) + suffix)  # noqa: S308


def _marked(text, wanted):
    out, last = [], 0
    for m in WORD.finditer(text):
        if wanted and matches(m.group(), wanted):
            out.append(escape(text[last : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)
