"""`manage.py backup LOCATION`: the database and every stored file (citynet.backups)."""

from django.core.management.base import BaseCommand, CommandError

from citynet.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media and private storages to a folder or s3://bucket/prefix."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="a new folder, or s3://bucket/prefix")

    def handle(self, *args, location, **options):
        try:
            manifest = backup(location, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {location}: {manifest['counts']}"))
