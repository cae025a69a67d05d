"""The autocomplete's title index becomes a trigram GiST index: it hands titles over
closest first (`'per' <<-> title`), so a three-letter prefix found in thousands of titles
costs as little as a rare one; the GIN index (0004) had every candidate read and sorted."""

from django.db import migrations

GIN = "search_entry_title_trgm"
GIST = "search_entry_title_trgm_gist"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIST} ON search_searchentry"
            " USING gist (title gist_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIST}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN} ON search_searchentry"
            " USING gin (title gin_trgm_ops) WITH (fastupdate = off)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_rank_vector_facet_lines"),
    ]

    operations = [migrations.RunPython(forward, backward)]
