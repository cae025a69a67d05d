"""Publishing an event with more seats moves people up from its waiting list; a registration
makes the cached copies of its event's pages stale (seats left)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from citynet.page_cache_signals import invalidate_event

from .models import EventPage, Registration


@receiver(page_published, sender=EventPage)
def fill_freed_seats(sender, instance, **kwargs):
    from .seating import fill_seats

    if instance.pk == instance.registration_event().pk:
        fill_seats(instance)


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def seats_changed(sender, instance, **kwargs):
    invalidate_event(instance.event)
