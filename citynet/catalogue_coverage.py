"""How much of the editors' admin comes out in Indonesian.

Wagtail 8.0.1 ships Indonesian for fewer than half of its interface strings; `locale_upstream/`
completes it (and taggit's and django-tasks'). This module lists the message ids the installed
apps can show editors, asks Django's own translation machinery (with every catalogue merged the
way a request sees them) which come out translated, and reports the figure. `manage.py
translation_coverage` prints it and CI fails below 100%, so a Wagtail upgrade or a new string
cannot leave an admin string untranslated unnoticed.

Message ids come from each package's English source catalogue (`locale/en/…`) where it ships
one (Wagtail, Django); packages without one (taggit, django-tasks) are scanned with Django's
`makemessages` into a temporary folder, so their new strings are found too.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polib
from django.apps import apps
from django.utils.translation import trans_real

LANGUAGE = "id"
DOMAINS = ("django", "djangojs")
# Apps outside Wagtail whose strings editors meet in the admin (Django's admin pieces,
# tags, task results). Every installed Wagtail app counts as well.
EDITOR_FACING_APPS = (
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "taggit",
    "django_tasks",
    "django_tasks_db",
)
# Wagtail's admin serves only its own JavaScript catalogue (wagtailadmin_javascript_catalog).
JAVASCRIPT_PACKAGES = ("wagtail.admin",)


@dataclass(frozen=True)
class Message:
    app: str
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None

    @property
    def key(self):
        """The key gettext files a message under (context and plural included)."""
        base = f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt else self.msgid
        return (base, 0) if self.msgid_plural else base


@dataclass
class Coverage:
    domain: str
    total: int = 0
    missing: list = field(default_factory=list)

    @property
    def translated(self):
        return self.total - len(self.missing)

    @property
    def percent(self):
        return 100.0 * self.translated / self.total if self.total else 100.0


def editor_facing_apps():
    """App configs whose strings editors can meet, Wagtail's first."""
    configs = apps.get_app_configs()
    wagtail = [c for c in configs if c.name == "wagtail" or c.name.startswith("wagtail.")]
    others = [c for c in configs if c.name in EDITOR_FACING_APPS]
    return wagtail + others


@cache
def _scanned_catalogue(app_path, domain):
    """Message ids of a package without an English catalogue, found by makemessages."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / Path(app_path).name
        shutil.copytree(app_path, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
        (copy / "locale").mkdir()
        command = [sys.executable, "-m", "django", "makemessages", "-l", "en", "-d", domain]
        command += ["--no-location", "-v0"]
        # Without settings: makemessages then reads only this package's files.
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)  # noqa: S603
        po = copy / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        return polib.pofile(str(po)) if po.exists() else []


def source_messages(app_config, domain):
    """Every message id `app_config` can show, from its English catalogue or a scan."""
    path = Path(app_config.path)
    po_path = path / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    if po_path.exists():
        entries = polib.pofile(str(po_path))
    elif domain == "django" and app_config.name in EDITOR_FACING_APPS:
        entries = _scanned_catalogue(str(path), domain)
    else:
        entries = []
    return [
        Message(app_config.label, e.msgid, e.msgctxt, e.msgid_plural or None)
        for e in entries
        if e.msgid and not e.obsolete
    ]


def merged_catalogue(domain):
    """The Indonesian catalogue a request sees: installed apps, then LOCALE_PATHS on top."""
    if domain == "django":
        return trans_real.translation(LANGUAGE)._catalog
    by_name = {c.name: c for c in apps.get_app_configs()}
    localedirs = [Path(by_name[name].path) / "locale" for name in JAVASCRIPT_PACKAGES]
    return trans_real.DjangoTranslation(
        LANGUAGE, domain=domain, localedirs=[str(d) for d in localedirs]
    )._catalog


def coverage(domain):
    """How many of the editor-facing message ids of `domain` have an Indonesian translation."""
    catalogue = merged_catalogue(domain)
    seen = set()
    result = Coverage(domain)
    for app_config in editor_facing_apps():
        if domain == "djangojs" and app_config.name not in JAVASCRIPT_PACKAGES:
            continue
        for message in source_messages(app_config, domain):
            if message.key in seen:
                continue
            seen.add(message.key)
            result.total += 1
            if not catalogue.get(message.key):
                result.missing.append(message)
    return result


def missing_as_po(results):
    """The untranslated messages as a PO file to translate into locale_upstream/."""
    po = polib.POFile(wrapwidth=100)
    po.metadata = {
        "Language": LANGUAGE,
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    for result in results:
        for m in result.missing:
            po.append(
                polib.POEntry(
                    msgid=m.msgid,
                    msgctxt=m.msgctxt,
                    msgid_plural=m.msgid_plural or "",
                    msgstr_plural={0: ""} if m.msgid_plural else {},
                    comment=f"{result.domain}: {m.app}",
                )
            )
    return po
