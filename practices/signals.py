"""A practice moved under another city belongs to that city from then on; any change to
what the practice listing counts forgets its cached counts."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from citynet import facet_cache
from citynet.models import CityPage

from .models import PracticePage


@receiver(post_page_move)
def follow_new_city(sender, instance, parent_page_after, **kwargs):
    if not isinstance(instance.specific_deferred, PracticePage):
        return
    city_id = parent_page_after.pk if parent_page_after.specific_class is CityPage else None
    PracticePage.objects.filter(pk=instance.pk).update(city_id=city_id)
    facet_cache.bump("practices")


@receiver(page_published, sender=PracticePage)
@receiver(page_unpublished, sender=PracticePage)
@receiver(post_delete, sender=PracticePage)
def practice_changed(sender, **kwargs):
    facet_cache.bump("practices")
