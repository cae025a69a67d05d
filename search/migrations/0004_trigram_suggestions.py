"""Suggestions from PostgreSQL: pg_trgm, the index's vocabulary (`SearchWord`, filled here
from the entries) and trigram GIN indexes on it and on the entries' titles. pg_trgm is a
trusted extension (PostgreSQL 13+): the database's owner may create it. SQLite gets the
table only."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# fastupdate off: rows go straight into the index instead of a pending list that every
# search would scan (and that makes the planner shun the index). Only the worker writes.
INDEXES = {
    "search_word_trgm": "search_searchword USING gin (word gin_trgm_ops) WITH (fastupdate = off)",
    "search_entry_title_trgm": "search_searchentry USING gin (title gin_trgm_ops)"
    " WITH (fastupdate = off)",
}


def fill(apps, schema_editor):
    from search.indexing import vocabulary_of

    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchWord = apps.get_model("search", "SearchWord")
    words = set()
    for title, summary in SearchEntry.objects.values_list("title", "summary").iterator(2000):
        words |= vocabulary_of([(title, summary)])
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in sorted(words)], batch_size=2000, ignore_conflicts=True
    )
    if schema_editor.connection.vendor == "postgresql":
        for name, target in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_index_outbox"),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.RunPython(fill, drop_indexes),
    ]
