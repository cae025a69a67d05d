"""Emails to registrants, in the language they registered in, through Django's email
settings (EMAIL_URL; the console in development).

Emails are sent by the task worker, never inside the web request: `queue_registration_email`
enqueues `send_registration_email_task` once the transaction commits, and a failure (the mail
server down) is tried again with backoff (citynet.tasks)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.models import Locale

from citynet.mail import delivery_connection
from citynet.tasks import retrying

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
    # Already in the worker: deliver, do not queue again.
    send_mail(subject, body, None, [registration.email], connection=delivery_connection())


@task()
def send_registration_email_task(registration_id, kind, base_url="", attempt=1):
    from .models import Registration

    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return  # deleted meanwhile: nobody to write to
    with retrying(send_registration_email_task, registration_id, kind, base_url, attempt=attempt):
        send_registration_email(registration, kind, base_url)


def queue_registration_email(registration, kind, base_url=""):
    """Send `kind` to the registrant from the worker, after the current transaction commits."""
    pk = registration.pk
    transaction.on_commit(
        lambda: send_registration_email_task.enqueue(pk, kind, base_url), robust=True
    )
