"""A practice moved under another city belongs to that city from then on."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from citynet.models import CityPage

from .models import PracticePage


@receiver(post_page_move)
def follow_new_city(sender, instance, parent_page_after, **kwargs):
    if not isinstance(instance.specific_deferred, PracticePage):
        return
    city_id = parent_page_after.pk if parent_page_after.specific_class is CityPage else None
    PracticePage.objects.filter(pk=instance.pk).update(city_id=city_id)
