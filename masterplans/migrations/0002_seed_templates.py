"""Seed the two master-plan templates and let the secretariat maintain templates."""

from django.db import migrations

from citynet.roles import SECRETARIAT, grant_global
from masterplans.template_seed import TEMPLATES

SPECS = (("masterplans", "masterplantemplate", ("add", "change", "delete", "view")),)


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Dimension = apps.get_model("citynet", "Dimension")
    MasterPlanTemplate = apps.get_model("masterplans", "MasterPlanTemplate")
    TemplateSection = apps.get_model("masterplans", "TemplateSection")
    grant_global(apps, SECRETARIAT, SPECS)
    dimensions = dict(Dimension.objects.values_list("slug", "pk"))
    for spec in TEMPLATES:
        locale, _ = Locale.objects.get_or_create(language_code=spec["language"])
        template, created = MasterPlanTemplate.objects.get_or_create(
            name=spec["name"],
            defaults={"locale": locale, "description": spec["description"], "horizon_years": 10},
        )
        if not created:
            continue
        for order, (key, title, kind, dimension, required, guidance) in enumerate(spec["sections"]):
            TemplateSection.objects.create(
                template=template,
                sort_order=order,
                key=key,
                title=title,
                kind=kind,
                dimension_id=dimensions.get(dimension) if dimension else None,
                required=required,
                guidance=guidance,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("masterplans", "0001_initial"),
        ("citynet", "0003_seed_dimensions"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
