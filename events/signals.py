"""Publishing an event with more seats moves people up from its waiting list."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage


@receiver(page_published, sender=EventPage)
def fill_freed_seats(sender, instance, **kwargs):
    from .seating import fill_seats

    if instance.pk == instance.registration_event().pk:
        fill_seats(instance)
