"""Seed the six smart-city dimensions and their elements; the secretariat edits them later."""

from django.db import migrations

from citynet.dimensions_seed import DIMENSIONS


def seed(apps, schema_editor):
    Dimension = apps.get_model("citynet", "Dimension")
    DimensionElement = apps.get_model("citynet", "DimensionElement")
    for order, (slug, name_en, name_id, desc_en, desc_id, elements) in enumerate(DIMENSIONS):
        dimension, _ = Dimension.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_id": name_id,
                "description_en": desc_en,
                "description_id": desc_id,
                "sort_order": order,
            },
        )
        for element_order, (element_slug, el_en, el_id) in enumerate(elements):
            DimensionElement.objects.get_or_create(
                slug=element_slug,
                defaults={
                    "dimension": dimension,
                    "name_en": el_en,
                    "name_id": el_id,
                    "sort_order": element_order,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("citynet", "0002_locales_and_roles")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
