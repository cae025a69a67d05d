"""Keep city provisioning and cached listing counts consistent when cities change."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from citynet import facet_cache
from citynet.models import CityPage, Dimension, DimensionElement
from citynet.provisioning import release_city


@receiver(post_delete, sender=CityPage)
def release_deleted_city(sender, instance, **kwargs):
    # Runs inside the delete's own transaction: a failed delete keeps the group too.
    with transaction.atomic():
        release_city(instance)


@receiver(page_published, sender=CityPage)
@receiver(page_unpublished, sender=CityPage)
@receiver(post_delete, sender=CityPage)
def city_changed(sender, **kwargs):
    # Practice counts depend on cities too (province, city facets).
    facet_cache.bump("cities", "practices")


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, CityPage):
        facet_cache.bump("cities", "practices")


@receiver(post_save, sender=Dimension)
@receiver(post_save, sender=DimensionElement)
@receiver(post_delete, sender=DimensionElement)
def taxonomy_changed(sender, **kwargs):
    facet_cache.bump("practices")
