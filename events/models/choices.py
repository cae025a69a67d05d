"""An event's fixed vocabularies and limits."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_CAPACITY = 100_000


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    CONGRESS = "congress", _("Congress")
    WEBINAR = "webinar", _("Webinar")


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    SITE_VISIT = "site_visit", _("Site visit")
    PRESS_CONFERENCE = "press_conference", _("Press conference")


class MaterialKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    SLIDES = "slides", _("Slides")
    PHOTO = "photo", _("Photo")
    REPORT = "report", _("Report")


class RegistrationState(models.TextChoices):
    NOT_OFFERED = "not_offered", _("No registration")
    NOT_YET_OPEN = "not_yet_open", _("Registration not open yet")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")
