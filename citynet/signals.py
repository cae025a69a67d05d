"""Keep city provisioning consistent when CityPages disappear, however they are deleted."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from citynet.models import CityPage
from citynet.provisioning import release_city


@receiver(post_delete, sender=CityPage)
def release_deleted_city(sender, instance, **kwargs):
    # Runs inside the delete's own transaction: a failed delete keeps the group too.
    with transaction.atomic():
        release_city(instance)
