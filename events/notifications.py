"""Emails to registrants, in the language they registered in, through Django's email
settings (EMAIL_URL; the console in development)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

SUBJECTS = {
    "registered": "events/email/registered_subject.txt",
    "promoted": "events/email/promoted_subject.txt",
    "cancelled": "events/email/cancelled_subject.txt",
}


def registration_page(registration):
    """The registrant's language version of the event (or the event itself)."""
    event = registration.event
    locale = Locale.objects.filter(language_code=registration.language).first()
    page = event.get_translation_or_none(locale) if locale else None
    return page if page is not None and page.live else event


def manage_url(registration, base_url=""):
    page = registration_page(registration)
    path = page.url + page.reverse_subpage("registration", args=[registration.token])
    return base_url.rstrip("/") + path


def send_registration_email(registration, kind, base_url=""):
    base_url = base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    with translation.override(registration.language):
        page = registration_page(registration)
        context = {
            "registration": registration,
            "event": page,
            "manage_url": manage_url(registration, base_url),
            "calendar_url": base_url.rstrip("/") + page.url + page.reverse_subpage("ics"),
        }
        subject = " ".join(render_to_string(SUBJECTS[kind], context).split())
        body = render_to_string(f"events/email/{kind}.txt", context)
    send_mail(subject, body, None, [registration.email])
