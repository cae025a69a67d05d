"""A small ranking vector (title and summary) and the facet values as lines, all kept in
the table's row so a search at 20,000 pages reads neither from TOAST storage (PostgreSQL:
`toast_tuple_target` moves the long text out of the row, `STORAGE MAIN` keeps these three
in). Existing entries are filled in here (their terms are all the search page's facets; a
kind's extra facets arrive with the next rebuild)."""

import django.contrib.postgres.search
from django.db import migrations, models

FORWARD = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 1024)",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_vector SET STORAGE MAIN,"
    " ALTER COLUMN facet_lines SET STORAGE MAIN, ALTER COLUMN extra_facet_lines SET STORAGE MAIN",
    "UPDATE search_searchentry e SET"
    " rank_vector = setweight(to_tsvector('simple', title_terms), 'A')"
    " || setweight(to_tsvector('simple', summary_terms), 'B'),"
    " facet_lines = coalesce((SELECT string_agg(t.facet || E'\\t' || t.value || E'\\t'"
    " || t.label, E'\\n' ORDER BY t.facet, t.value) FROM search_searchterm t"
    " WHERE t.entry_id = e.page_id), '')",
]


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)
        return
    from search.indexing import facet_lines

    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    terms = {}
    for term in SearchTerm.objects.order_by("facet", "value"):
        terms.setdefault(term.entry_id, []).append(term)
    for entry in SearchEntry.objects.only("pk"):
        entry.facet_lines = facet_lines(terms.get(entry.pk, []))
        entry.save(update_fields=["facet_lines"])


def reset_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_trigram_suggestions"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="facet_lines",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="extra_facet_lines",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill, reset_storage),
    ]
