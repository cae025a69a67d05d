"""`manage.py backup` / `restore` (citynet.backups): what they write and what they refuse.
The full round trip of the demo site into an empty database runs in `bin/backup-check`."""

import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from tests.s3 import MotoServer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

Document = get_document_model()


def make_document():
    return Document.objects.create(
        title="Laporan", file=ContentFile(b"%PDF-1.4 laporan tahunan", name="laporan.pdf")
    )


def test_backup_writes_the_dump_every_file_and_a_manifest(on_disk):
    document = make_document()
    location = on_disk / "backup"
    call_command("backup", str(location), stdout=StringIO())
    manifest = json.loads((location / "manifest.json").read_text())
    assert manifest["database"]["name"] == "database.pgdump"
    assert (location / "database.pgdump").read_bytes().startswith(b"PGDMP")
    assert document.file.name in manifest["files"]["default"]
    copied = location / "files" / "default" / document.file.name
    assert copied.read_bytes() == b"%PDF-1.4 laporan tahunan"
    assert manifest["counts"]["documents"] == 1

    with pytest.raises(CommandError, match="already holds a backup"):
        call_command("backup", str(location))


def test_restore_refuses_a_damaged_backup_and_a_non_empty_database(on_disk):
    document = make_document()
    location = on_disk / "backup"
    call_command("backup", str(location), stdout=StringIO())
    # This database is not empty: refused, nothing written.
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(location))
    assert Document.objects.count() == 1
    copied = location / "files" / "default" / document.file.name
    copied.write_bytes(b"tampered")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(location))
    (location / "database.pgdump").unlink()
    with pytest.raises(CommandError, match="database.pgdump is missing"):
        call_command("restore", str(location))


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="No manifest.json"):
        call_command("restore", str(tmp_path))


def test_backup_into_a_bucket(on_disk, monkeypatch):
    server = MotoServer().start()
    try:
        bucket = server.new_bucket("backups")
        for key, value in server.environment(bucket).items():
            monkeypatch.setenv(key, value)
        make_document()
        call_command("backup", f"s3://{bucket}/2026-12-02", stdout=StringIO())
        listing = server.client().list_objects_v2(Bucket=bucket)
        keys = {item["Key"] for item in listing["Contents"]}
        assert {"2026-12-02/manifest.json", "2026-12-02/database.pgdump"} <= keys
        assert any(k.startswith("2026-12-02/files/default/documents/") for k in keys)
        with pytest.raises(CommandError, match="database is not empty"):
            call_command("restore", f"s3://{bucket}/2026-12-02")  # verified, then refused
    finally:
        server.stop()
