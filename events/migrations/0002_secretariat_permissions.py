"""The secretariat runs events: speakers and registrations are theirs to manage.

City editors get no model permission here; what they may see of registrations is decided
by events.admin_views.RegistrationPermissionPolicy (their own city, events it hosts)."""

from django.db import migrations

from citynet.roles import SECRETARIAT, grant_global

SPECS = (
    ("events", "speaker", ("add", "change", "delete", "view")),
    ("events", "registration", ("change", "delete", "view")),
)


def grant(apps, schema_editor):
    grant_global(apps, SECRETARIAT, SPECS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("citynet", "0003_seed_dimensions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
