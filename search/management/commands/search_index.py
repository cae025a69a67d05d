"""Build, repair and check the public search index.

manage.py search_index rebuild   # every entry from the pages; with Elasticsearch, a new
                                 # index filled, caught up and swapped in behind the alias
manage.py search_index sync      # drain the outbox now, backoffs included (after an outage)
manage.py search_index status    # pages, entries, documents, the outbox's backlog, orphans
manage.py search_index clean     # delete orphan Elasticsearch indices (failed rebuilds)
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from citynet.console import progress_bar
from search import indexing, outbox
from search.backends.elastic import configured
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the public search index, drain its outbox, report its state, clean up."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status", "clean"])

    def handle(self, action, **options):
        getattr(self, action)()

    def elastic(self):
        if not configured():
            return None
        from search.backends.elastic import ElasticBackend

        return ElasticBackend.default()

    def rebuild(self):
        total = indexing.searchable_count()
        with progress_bar(self, "database", total) as bar:
            count = indexing.rebuild_database_index(bar.update)
        self.stdout.write(f"Database index: {count} entries.")
        elastic = self.elastic()
        if elastic is None:
            self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL is empty).")
            return
        try:
            with progress_bar(self, "elastic", count) as bar:
                name = elastic.rebuild(bar.update)
        except elastic.errors as error:
            raise CommandError(
                f"Elasticsearch rebuild failed: {error}. The alias still points at the old "
                "index; searches answer from it (or from the database)."
            ) from error
        # The outbox is left alone: its updates are newer than or as new as what the
        # rebuild wrote, and the worker still applies them.
        self.stdout.write(f"Elasticsearch: {name} now behind the alias.")

    def sync(self):
        done, failed = outbox.drain(due_only=False)
        waiting = outbox.backlog()["waiting"]
        self.stdout.write(f"Applied {done} update(s); {failed} failed; {waiting} waiting.")
        if failed:
            raise CommandError(f"{failed} update(s) failed: is Elasticsearch up?")

    def status(self):
        pages = indexing.searchable_count()
        entries = SearchEntry.objects.count()
        self.stdout.write(f"Live pages of searchable kinds: {pages}")
        self.stdout.write(f"Database index entries:         {entries}")
        elastic = self.elastic()
        if elastic is not None:
            try:
                documents = elastic.count()
                orphans = elastic.orphans()
            except elastic.errors as error:
                documents, orphans = f"unreachable ({error})", []
            self.stdout.write(f"Elasticsearch documents:        {documents}")
            for name, created in orphans:
                when = created.isoformat(timespec="seconds") if created else "unknown"
                self.stdout.write(
                    self.style.WARNING(f"Orphan index (not behind the alias): {name}, {when}")
                )
        backlog = outbox.backlog()
        self.stdout.write(f"Waiting index updates:          {backlog['waiting']}")
        if backlog["waiting"]:
            age = timezone.now() - backlog["oldest"]
            self.stdout.write(
                f"Oldest waiting update:          {backlog['oldest'].isoformat(timespec='seconds')}"
                f" ({int(age.total_seconds())} s ago)"
            )
            self.stdout.write(f"Updates that failed at least once: {backlog['failing']}")
        if entries > pages:
            self.stdout.write(self.style.WARNING("More entries than live pages: run rebuild."))

    def clean(self):
        elastic = self.elastic()
        if elastic is None:
            self.stdout.write("Elasticsearch is not configured; nothing to clean.")
            return
        gone = elastic.clean()
        self.stdout.write(f"Deleted {len(gone)} orphan index(es): {', '.join(gone) or '-'}")
