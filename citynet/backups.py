"""Backups of the whole hub: the database and both file storages, into a folder or a bucket.

A backup is a folder (or an `s3://bucket/prefix`) holding
- `database.pgdump` (pg_dump's custom format) or `database.sqlite3` (the demo's SQLite file,
  copied with SQLite's online backup),
- `files/default/...` (uploads and renditions) and `files/private/...` (plan PDFs),
- `manifest.json`: what was written, with a SHA-256 of every file, and counts to compare.

The database is dumped first (one consistent snapshot) and the files after: files are never
changed in place, so every file the dump refers to is in the backup (a newer upload may be
there too, unreferenced). Restoring checks every checksum before it touches anything, then
loads the dump into an empty database in one transaction, then writes the files into empty
storages: a broken backup or a non-empty target is refused, never half restored.
"""

import hashlib
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
STORAGE_ALIASES = ("default", "private")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something about the backup or the target makes it unsafe to go on."""


# Where backups go -----------------------------------------------------------------------


def backup_storage(location):
    """A storage for a backup: a local folder, or `s3://bucket/prefix` with the AWS_*
    credentials and endpoint of the media storage."""
    if location.startswith("s3://"):
        from citynet.settings.storages import s3_storages
        from citynet.storage import PrivateS3Storage

        bucket, _, prefix = location[len("s3://") :].partition("/")
        if not bucket:
            raise BackupError("An s3:// location needs a bucket: s3://bucket/prefix")
        options = s3_storages({**os.environ, "AWS_STORAGE_BUCKET_NAME": bucket})["private"]
        options = {**options["OPTIONS"], "bucket_name": bucket, "location": prefix.strip("/")}
        return PrivateS3Storage(**options)
    return FileSystemStorage(location=Path(location).resolve())


def walk(storage, folder=""):
    """Every file name in a storage, recursively (folders as the storage lists them)."""
    try:
        dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(dirs):
        yield from walk(storage, posixpath.join(folder, name) if folder else name)


def copy(source, name, target, target_name):
    """Copy one file between storages, returning its SHA-256 (read once, spooled)."""
    digest = hashlib.sha256()
    with source.open(name, "rb") as handle, tempfile.SpooledTemporaryFile(CHUNK * 8) as spool:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            spool.write(chunk)
        spool.seek(0)
        saved = target.save(target_name, File(spool, name=posixpath.basename(target_name)))
    if saved != target_name:
        raise BackupError(f"{target_name} already exists in the target; refusing to rename it")
    return digest.hexdigest()


def sha256_of(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# The database --------------------------------------------------------------------------


def _pg_environment():
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command, env=None):
    try:
        # A fixed program and arguments from settings, no shell.
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools)") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def dump_database(path):
    """Write the database to `path`; returns the file name used in the backup."""
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"],
            env=_pg_environment(),
        )
        return "database.pgdump"
    if connection.vendor == "sqlite":
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(path)
        with target:
            source.backup(target)
        source.close()
        target.close()
        return "database.sqlite3"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}")


def database_is_empty():
    return not connection.introspection.table_names()


def load_database(path, kind):
    if kind == "database.pgdump":
        if connection.vendor != "postgresql":
            raise BackupError("This backup holds a PostgreSQL dump; DATABASE_URL is not one")
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(path),
            ],
            env=_pg_environment(),
        )
    elif kind == "database.sqlite3":
        if connection.vendor != "sqlite":
            raise BackupError("This backup holds a SQLite file; DATABASE_URL is not SQLite")
        connection.close()
        shutil.copyfile(path, settings.DATABASES["default"]["NAME"])
    else:
        raise BackupError(f"Unknown database file in the manifest: {kind}")


def counts():
    """What a restore is compared by."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


# Backup and restore --------------------------------------------------------------------


def backup(location, log=lambda message: None):
    target = backup_storage(location)
    if target.exists(MANIFEST):
        raise BackupError(f"{location} already holds a backup; choose a new location")
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "counts": counts(),
        "files": {},
    }
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database"
        kind = dump_database(dump)
        storage = FileSystemStorage(location=work)
        manifest["database"] = {"name": kind, "sha256": copy(storage, "database", target, kind)}
    log(f"database: {kind}")
    for alias in STORAGE_ALIASES:
        source = storages[alias]
        written = {}
        for name in walk(source):
            written[name] = copy(source, name, target, f"files/{alias}/{name}")
        manifest["files"][alias] = written
        log(f"{alias} storage: {len(written)} files")
    body = json.dumps(manifest, indent=1, sort_keys=True).encode()
    target.save(MANIFEST, ContentFile(body))  # last: a backup without it is unfinished
    return manifest


def read_manifest(source):
    if not source.exists(MANIFEST):
        raise BackupError("No manifest.json here: not a backup, or an unfinished one")
    with source.open(MANIFEST, "rb") as handle:
        manifest = json.loads(handle.read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not {FORMAT}")
    return manifest


def verify(source, manifest):
    """Every file present with the checksum the manifest gives."""
    expected = [(manifest["database"]["name"], manifest["database"]["sha256"])]
    for alias, files in manifest["files"].items():
        expected += [(f"files/{alias}/{name}", sha) for name, sha in files.items()]
    for name, sha in expected:
        if not source.exists(name):
            raise BackupError(f"{name} is missing from the backup")
        if sha256_of(source, name) != sha:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")


def restore(location, log=lambda message: None):
    source = backup_storage(location)
    manifest = read_manifest(source)
    verify(source, manifest)
    log("backup verified")
    if not database_is_empty():
        raise BackupError("The database is not empty: restore into a new, empty database")
    for alias in STORAGE_ALIASES:
        if next(walk(storages[alias]), None) is not None:
            raise BackupError(f"The {alias} storage is not empty: restore into empty storage")
    with tempfile.TemporaryDirectory() as work:
        local = FileSystemStorage(location=work)
        kind = manifest["database"]["name"]
        copy(source, kind, local, kind)
        load_database(Path(work) / kind, kind)
    log(f"database loaded from {kind}")
    for alias, files in manifest["files"].items():
        for name in files:
            copy(source, f"files/{alias}/{name}", storages[alias], name)
        log(f"{alias} storage: {len(files)} files")
    from django.core.cache import cache

    cache.clear()  # counts and pages cached from whatever was there before
    restored = counts()
    if restored != manifest["counts"]:
        raise BackupError(
            f"Restored counts {restored} differ from the backup's {manifest['counts']}"
        )
    return manifest
