"""`manage.py restore LOCATION`: a backup into an empty database and empty storages."""

from django.core.management.base import BaseCommand, CommandError

from citynet.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (folder or s3://bucket/prefix) into an empty database and empty "
        "storages; every checksum is verified first."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="the backup's folder, or s3://bucket/prefix")

    def handle(self, *args, location, **options):
        try:
            manifest = restore(location, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {location}: {manifest['counts']}"))
