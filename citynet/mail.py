"""Every email leaves through the task worker.

With a real queue (TASKS_BACKEND=database), EMAIL_BACKEND is `QueuedEmailBackend`: sending
an email (Wagtail's review notifications, password resets, registration emails) only writes
a task, in the same database transaction as the change it reports, so a request never waits
on the mail server and a rolled-back change sends nothing. The worker delivers it through
EMAIL_DELIVERY_BACKEND (SMTP from EMAIL_URL, the console, files), retrying with backoff.
"""

import base64
from email import message_from_bytes
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from citynet.tasks import retrying

QUEUED = f"{__name__}.QueuedEmailBackend"


def delivery_connection():
    """A connection to the backend that really delivers (never the queue itself)."""
    if settings.EMAIL_BACKEND != QUEUED:
        return get_connection()
    if settings.EMAIL_DELIVERY_BACKEND == QUEUED:
        raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND must be a backend that delivers")
    return get_connection(settings.EMAIL_DELIVERY_BACKEND)


def serialize(message):
    """An EmailMessage as JSON-safe data for the task's arguments."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):  # attached as a ready MIME part
            attachments.append(["", base64.b64encode(attachment.as_bytes()).decode(), "mime"])
            continue
        name, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([name, base64.b64encode(content).decode(), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(a) for a in getattr(message, "alternatives", [])],
        "content_subtype": message.content_subtype,
        "attachments": attachments,
    }


def mime_part(raw):
    """A MIME part back from its bytes, as the MIMEBase that EmailMessage.attach takes."""
    parsed = message_from_bytes(raw)
    part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype())
    for header in list(part.keys()):
        del part[header]
    for header, value in parsed.items():
        part[header] = value
    part.set_payload(parsed.get_payload())
    return part


def deserialize(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(a) for a in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for name, content, mimetype in data["attachments"]:
        if mimetype == "mime":
            message.attach(mime_part(base64.b64decode(content)))
        else:
            message.attach(name, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(data, attempt=1):
    with retrying(deliver_email, data, attempt=attempt):
        delivery_connection().send_messages([deserialize(data)])


class QueuedEmailBackend(BaseEmailBackend):
    """Hands each message to the worker (`deliver_email`) instead of sending it."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if isinstance(message, EmailMessage) and message.recipients():
                deliver_email.enqueue(serialize(message))
                queued += 1
        return queued
