"""Events: seminars like Kupang 2019, their agenda, speakers, registrations and materials."""

from .event import (
    EventKind,
    EventMaterial,
    EventPage,
    EventSession,
    MaterialKind,
    RegistrationState,
    SessionKind,
    live_events,
)
from .index import EventIndexPage
from .registration import Registration, RegistrationStatus, visible_registrations
from .speakers import Speaker

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventMaterial",
    "EventPage",
    "EventSession",
    "MaterialKind",
    "Registration",
    "RegistrationState",
    "RegistrationStatus",
    "Speaker",
    "SessionKind",
    "live_events",
    "visible_registrations",
]
