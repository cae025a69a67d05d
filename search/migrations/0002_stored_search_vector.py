"""A stored, weighted search vector per entry with a GIN index (PostgreSQL), and the
summary's stems it weighs above the text. Existing entries are filled in here."""

import django.contrib.postgres.search
from django.db import migrations, models

GIN_INDEX = "search_entry_vector_gin"


def fill(apps, schema_editor):
    from search import text

    SearchEntry = apps.get_model("search", "SearchEntry")
    batch = []
    for entry in SearchEntry.objects.only("pk", "summary").iterator(chunk_size=1000):
        entry.summary_terms = text.index_terms(entry.summary)
        batch.append(entry)
        if len(batch) >= 1000:
            SearchEntry.objects.bulk_update(batch, ["summary_terms"])
            batch = []
    SearchEntry.objects.bulk_update(batch, ["summary_terms"])
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE search_searchentry SET search_vector ="
        " setweight(to_tsvector('simple', title_terms), 'A')"
        " || setweight(to_tsvector('simple', summary_terms), 'B')"
        " || setweight(to_tsvector('simple', text_terms), 'C')"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON search_searchentry USING gin (search_vector)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="summary_terms",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill, drop_index),
    ]
