"""Finding English interface text on an admin screen that should be in Bahasa Indonesia.

A screen's text (text nodes, and the title, aria-label, placeholder and alt attributes people
and screen readers meet) is checked two ways: a piece of text that is exactly an English
message id of Wagtail, Django or the project (with a different Indonesian translation) is
untranslated; and a piece containing a common English word that Indonesian does not use is
suspect. Content is not interface: the database's names and titles (pages, cities, groups,
collections, workflows) are taken out first, as are parts marked with a `lang` other than
Indonesian, and a short allowlist of names.
"""

import re
from functools import cache
from html.parser import HTMLParser

from django.utils import translation
from django.utils.translation import gettext

from citynet.catalogue_coverage import DOMAINS, editor_facing_apps, source_messages

# Names, not words to translate.
ALLOWLIST = (
    "Wagtail",
    "Citynet",
    "Citynet Knowledge Hub",
    "English",
    "Bahasa Indonesia",
    "Draftail",
    "Smart City",
    "Gerakan Menuju 100 Smart City",
    "WITA",
    "WIB",
    "WIT",
)
# Common English words with no use in Indonesian interface text.
ENGLISH_WORDS = frozenset(
    """the and of your you this with for are has have been from add edit delete save search
    publish published page pages draft choose select cancel close more view history settings
    help title submit upload images documents users account sign there here what which will
    would should can not any other previous next show hide filter sort create created updated
    changes latest revisions workflow snippets collection explorer dashboard reports locked
    unlock copy move preview owner children child parent results found yet nothing only must
    please click drag drop file files date time language languages required optional
    characters actions""".split()  # noqa: SIM905 (a word list reads better as text)
)
SKIPPED_TAGS = {"script", "style", "svg", "code", "pre", "noscript"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Identifiers shown as they are: time zones (Asia/Makassar) on the account form.
IDENTIFIER = re.compile(r"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$")
# Wagtail's side panel toggle renders its empty counter as "None" inside a `hidden` element
# that its JavaScript fills with a number; nobody meets it.
IGNORED_PIECES = {"None"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.pieces = []

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").lower()
        skipped = tag in SKIPPED_TAGS or (lang and not lang.startswith("id"))
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.append((tag, skipped))
        if not (self.skipping or skipped):
            for name in ATTRIBUTES:
                if attrs.get(name):
                    self.pieces.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.pieces.append(attrs["value"])

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.pieces.append(data)


def visible_text(html):
    """Text pieces of an HTML document a person (or a screen reader) meets."""
    parser = _Text()
    parser.feed(html)
    return [" ".join(piece.split()) for piece in parser.pieces if piece.strip()]


@cache
def english_message_ids():
    """English message ids whose Indonesian differs: seeing one means it was not translated."""
    ids = set()
    with translation.override("id"):
        for domain in DOMAINS:
            for app_config in editor_facing_apps():
                for message in source_messages(app_config, domain):
                    if message.msgctxt or message.msgid_plural or "%" in message.msgid:
                        continue
                    text = " ".join(message.msgid.split())
                    if len(text) > 2 and gettext(message.msgid) != message.msgid:
                        ids.add(text)
    return frozenset(ids)


def content_names():
    """Names and titles from the database: content, shown as its authors wrote it."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Page, Task, Workflow

    from citynet.models import Dimension

    names = set(ALLOWLIST)
    for title, draft_title in Page.objects.values_list("title", "draft_title"):
        names.update((title, draft_title))
    names.update(Group.objects.values_list("name", flat=True))
    names.update(Collection.objects.values_list("name", flat=True))
    names.update(Workflow.objects.values_list("name", flat=True))
    names.update(Task.objects.values_list("name", flat=True))
    for dimension in Dimension.objects.all():
        names.update(v for v in vars(dimension).values() if isinstance(v, str))
    return sorted((n for n in names if n and len(n) > 2), key=len, reverse=True)


def english_pieces(pieces, names=()):
    """The pieces that look like untranslated English interface text."""
    english_ids = english_message_ids()
    found = []
    for piece in pieces:
        text = piece
        for name in names:
            if name in text:
                text = text.replace(name, " ")
        text = " ".join(text.split())
        if not text or IDENTIFIER.match(text) or text in IGNORED_PIECES:
            continue
        words = {w.lower() for w in WORD.findall(text)}
        if text in english_ids or words & ENGLISH_WORDS:
            found.append(piece)
    return found
