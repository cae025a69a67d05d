"""An index on Wagtail's page url_path, for citynet.routing's one-query routing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("citynet", "0005_worker_heartbeat"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS citynet_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS citynet_page_url_path",
        )
    ]
