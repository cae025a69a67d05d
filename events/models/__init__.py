"""Events: seminars like Kupang 2019, their agenda, speakers, registrations and materials."""

from .choices import EventKind, MaterialKind, RegistrationState, SessionKind
from .event import EventPage, live_events
from .index import EventIndexPage
from .programme import EventMaterial, EventSession
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
