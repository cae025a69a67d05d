"""Seats and the waiting list: registering, cancelling and promoting, safe under concurrency.

Every change takes a row lock on the event (SELECT ... FOR UPDATE) inside a transaction,
so two requests for the last seat are served one after the other on any number of app
servers: confirmed registrations never exceed the capacity. Emails go out only after the
transaction commits.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import EventPage, Registration, RegistrationState, RegistrationStatus
from .notifications import queue_registration_email


class RegistrationClosed(Exception):
    """Registration is not open (not yet, or any more)."""


class AlreadyRegistered(Exception):
    """This email address already holds a registration for the event."""

    def __init__(self, registration):
        super().__init__(registration.email)
        self.registration = registration


def _lock(event):
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def register(event, registration, language, base_url=""):
    """Save an unsaved Registration for `event` as confirmed or waitlisted and return it."""
    target = event.registration_event()
    try:
        with transaction.atomic():
            locked = _lock(target)
            if locked.registration_state() != RegistrationState.OPEN:
                raise RegistrationClosed
            existing = (
                Registration.objects.filter(event=locked, email=registration.email)
                .exclude(status=RegistrationStatus.CANCELLED)
                .first()
            )
            if existing is not None:
                raise AlreadyRegistered(existing)
            confirmed = locked.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            full = locked.capacity is not None and confirmed >= locked.capacity
            registration.event = locked
            registration.language = language
            registration.status = (
                RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED
            )
            registration.save()
            queue_registration_email(registration, "registered", base_url)
    except IntegrityError:
        # Only reachable if the lock was bypassed; the unique constraint still holds.
        existing = (
            Registration.objects.filter(event=target, email=registration.email)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
        if existing is None:
            raise
        raise AlreadyRegistered(existing) from None
    return registration


def cancel(registration, base_url=""):
    """Cancel a registration; a freed seat goes to the first on the waiting list.

    Returns the registrations promoted (possibly none). Cancelling twice changes nothing."""
    with transaction.atomic():
        locked = _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            return []
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        queue_registration_email(current, "cancelled", base_url)
        return _fill_seats(locked, base_url)


def fill_seats(event, base_url=""):
    """Promote from the waiting list while seats are free (after a capacity increase)."""
    with transaction.atomic():
        return _fill_seats(_lock(event.registration_event()), base_url)


def _fill_seats(locked, base_url):
    confirmed = locked.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    waiting = locked.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )
    if locked.capacity is not None:
        free = max(locked.capacity - confirmed, 0)
        waiting = waiting[:free]
    promoted = list(waiting.select_for_update())
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        queue_registration_email(registration, "promoted", base_url)
    return promoted
