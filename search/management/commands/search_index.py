"""Build, repair and check the public search index.

manage.py search_index rebuild   # every entry from the pages; with ELASTICSEARCH_URL,
                                 # a new Elasticsearch index swapped in behind the alias
manage.py search_index sync      # replay updates Elasticsearch missed (run from cron)
manage.py search_index status    # counts: pages, entries, documents, pending updates
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from citynet.console import progress_bar
from search import indexing
from search.models import PendingIndexUpdate, SearchEntry


class Command(BaseCommand):
    help = "Rebuild the public search index, replay pending updates, or report its state."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status"])

    def handle(self, action, **options):
        getattr(self, action)()

    def elastic(self):
        if not settings.ELASTICSEARCH_URL:
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
        # A rebuild writes every entry: nothing is pending any more.
        PendingIndexUpdate.objects.all().delete()
        self.stdout.write(f"Elasticsearch: {name} now behind the alias.")

    def sync(self):
        if self.elastic() is None:
            self.stdout.write("Elasticsearch is not configured; nothing to replay.")
            return
        replayed, pending = indexing.replay_pending()
        self.stdout.write(f"Replayed {replayed} page(s); {pending} still pending.")
        if pending:
            raise CommandError(f"{pending} update(s) still pending: is Elasticsearch up?")

    def status(self):
        pages = indexing.searchable_count()
        entries = SearchEntry.objects.count()
        self.stdout.write(f"Live pages of searchable kinds: {pages}")
        self.stdout.write(f"Database index entries:         {entries}")
        elastic = self.elastic()
        if elastic is not None:
            try:
                documents = elastic.count()
            except elastic.errors as error:
                documents = f"unreachable ({error})"
            self.stdout.write(f"Elasticsearch documents:        {documents}")
        self.stdout.write(f"Pending index updates:          {PendingIndexUpdate.objects.count()}")
        if entries > pages:
            self.stdout.write(self.style.WARNING("More entries than live pages: run rebuild."))
