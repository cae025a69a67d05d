"""With a real queue every email leaves through the worker (citynet.mail)."""

from email.mime.text import MIMEText

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from citynet import tasks as retries
from citynet.mail import deserialize, serialize
from citynet.roles import SECRETARIAT
from tests.conftest import build_site_tree, make_user
from tests.practices.test_admin import practice_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def queued_mail(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.EMAIL_BACKEND = "citynet.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM


def work():
    from django.core.management import call_command

    call_command("db_worker", batch=True, interval=0, no_startup_delay=True, verbosity=0)


def test_a_message_survives_the_queue_whole():
    message = EmailMultiAlternatives(
        "Pendaftaran dikonfirmasi ✓",
        "Teks",
        "hub@example.org",
        ["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["d@example.org"],
        headers={"X-Citynet": "1"},
        alternatives=[("<p>Teks</p>", "text/html")],
    )
    message.attach("agenda.ics", "BEGIN:VCALENDAR", "text/calendar")
    message.attach("map.png", b"\x89PNG\x00\xff", "image/png")
    part = MIMEText("ready-made part", "plain")
    part.add_header("Content-Disposition", "attachment", filename="note.txt")
    message.attach(part)
    again = deserialize(serialize(message))
    assert again.message().as_bytes().count(b"X-Citynet: 1") == 1
    for field in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to"):
        assert getattr(again, field) == getattr(message, field)
    assert again.alternatives[0][:2] == ("<p>Teks</p>", "text/html")
    # Django gives text attachments back as text, binary ones as bytes.
    assert [a[1] for a in again.attachments[:2]] == ["BEGIN:VCALENDAR", b"\x89PNG\x00\xff"]
    sent = again.message().as_bytes()
    assert b"ready-made part" in sent and b'filename="note.txt"' in sent


def test_sending_only_queues_and_the_worker_delivers(queued_mail):
    assert send_mail("Subject", "Body", None, ["someone@example.org"]) == 1
    assert mail.outbox == []
    assert DBTaskResult.objects.ready().count() == 1
    work()
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_an_email_of_a_rolled_back_change_is_never_sent(queued_mail):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Subject", "Body", None, ["someone@example.org"])
        raise RuntimeError("the change failed")
    work()
    assert mail.outbox == []


def test_delivery_failure_is_retried_then_kept_as_failed(queued_mail, settings, monkeypatch):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    monkeypatch.setattr(retries, "MAX_ATTEMPTS", 2)
    send_mail("Subject", "Body", None, ["someone@example.org"])
    work()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)  # deferred by backoff
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work()
    failed = DBTaskResult.objects.get(pk=retry.pk)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert failed.args_kwargs["args"][0]["to"] == ["someone@example.org"]  # kept to resend
    assert mail.outbox == []


def test_review_notification_is_queued_not_sent_in_the_request(queued_mail, client):
    site_tree = build_site_tree()
    make_user("secretariat", Group.objects.get(name=SECRETARIAT))
    editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.kupang.pk])
    response = client.post(add, {**practice_form(), "action-submit": "submit"})
    assert response.status_code == 302
    assert mail.outbox == []  # the editor's request did not talk to a mail server
    assert DBTaskResult.objects.ready().filter(task_path="citynet.mail.deliver_email").exists()
    work()
    assert any("secretariat@example.org" in m.to for m in mail.outbox)
