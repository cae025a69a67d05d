"""The real task queue: django-tasks-db in PostgreSQL and its `db_worker`, run here."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from citynet import tasks as retries

from . import queue_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE
    queue_tasks.calls.clear()
    yield
    queue_tasks.calls.clear()


def work():
    """One worker run that stops when nothing is ready."""
    call_command("db_worker", batch=True, interval=0, no_startup_delay=True, verbosity=0)


def test_a_task_enqueued_in_a_committed_transaction_runs_once(queue):
    with transaction.atomic():
        queue_tasks.note.enqueue("published")
    assert queue_tasks.calls == []  # nothing runs in the request
    assert DBTaskResult.objects.ready().count() == 1
    work()
    work()
    assert queue_tasks.calls == ["published"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_task_enqueued_in_a_rolled_back_transaction_never_runs(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_tasks.note.enqueue("never")
        raise RuntimeError("the page could not be saved")
    work()
    assert queue_tasks.calls == []
    assert not DBTaskResult.objects.exists()


def test_a_failing_task_is_retried_with_backoff_then_recorded_as_failed(queue, monkeypatch):
    queue_tasks.always_fails.enqueue("email")
    work()
    # The retry waits (30 s backoff): one attempt so far, the next one deferred.
    assert queue_tasks.calls == [("email", 1)]
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).get()
    assert waiting.run_after > waiting.enqueued_at
    assert not DBTaskResult.objects.ready().exists()

    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=waiting.enqueued_at)
    monkeypatch.setattr(retries, "FIRST_DELAY", 0)
    work()
    expected = [("email", n) for n in range(1, retries.MAX_ATTEMPTS + 1)]
    assert queue_tasks.calls == expected
    assert DBTaskResult.objects.count() == retries.MAX_ATTEMPTS
    last = DBTaskResult.objects.failed().get()
    assert last.exception_class_path.endswith("RuntimeError")


def test_backoff_doubles():
    assert [retries.delay_after(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]


def test_registration_email_is_sent_by_the_worker_not_the_request(client, settings):
    from django.core import mail

    from tests.conftest import build_site_tree
    from tests.events.conftest import build_event_tree, registration_data

    events = build_event_tree(build_site_tree())
    settings.TASKS = DATABASE_QUEUE
    response = client.post(events.upcoming.url + "register/", registration_data())
    assert response.status_code in (200, 302)
    assert mail.outbox == []
    assert DBTaskResult.objects.ready().filter(task_path__contains="registration_email").exists()
    work()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maria@example.org"]


def test_plan_pdf_is_drawn_by_the_worker_and_the_request_only_serves_it(client, settings):
    from wagtail.models import Locale

    from masterplans.drafting import start_plan
    from masterplans.models import MasterPlanTemplate
    from tests.conftest import build_site_tree, make_user
    from tests.masterplans.test_public import build_plan

    site = build_site_tree()
    editor = make_user("editor.kupang", site.kupang.editors_group)
    template = MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))
    settings.TASKS = DATABASE_QUEUE
    plan = build_plan(start_plan(site.kupang_id, template, 2019, editor))
    assert DBTaskResult.objects.ready().filter(task_path__endswith="render_pdf_task").count() == 1

    # Asked before the worker ran: 202 and a page that reloads itself; nothing drawn here.
    pending = client.get(plan.url + "pdf/")
    assert pending.status_code == 202 and pending["Retry-After"] == "5"
    assert 'http-equiv="refresh"' in pending.content.decode()
    client.get(plan.url + "pdf/")  # polling does not queue the same PDF again
    assert DBTaskResult.objects.ready().filter(task_path__endswith="render_pdf_task").count() == 1

    work()
    ready = client.get(plan.url + "pdf/")
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF-")


def test_task_report_lists_failures(queue, monkeypatch):
    from io import StringIO

    monkeypatch.setattr(retries, "MAX_ATTEMPTS", 1)
    queue_tasks.always_fails.enqueue("report")
    queue_tasks.note.enqueue("fine")
    work()
    out = StringIO()
    call_command("task_report", stdout=out)
    report = out.getvalue()
    assert "failed      1" in report and "successful  1" in report
    assert "queue_tasks.always_fails" in report and "RuntimeError" in report


def test_draft_pdf_in_the_admin_waits_inside_the_admin(client, settings):
    from django.urls import reverse
    from wagtail.models import Locale

    from masterplans.drafting import start_plan
    from masterplans.models import MasterPlanTemplate
    from tests.conftest import build_site_tree, make_user

    site = build_site_tree()
    editor = make_user("editor.kupang", site.kupang.editors_group)
    template = MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))
    settings.TASKS = DATABASE_QUEUE
    plan = start_plan(site.kupang_id, template, 2019, editor)  # a draft: no public URL
    client.force_login(editor)
    pending = client.get(reverse("masterplans_draft_pdf", args=[plan.pk]))
    assert pending.status_code == 202
    body = pending.content.decode()
    assert 'http-equiv="refresh"' in body
    assert reverse("wagtailadmin_pages:edit", args=[plan.pk]) in body
    assert 'href="None"' not in body
    assert "wagtailadmin/base.html" in [t.name for t in pending.templates]
    work()
    ready = client.get(reverse("masterplans_draft_pdf", args=[plan.pk]))
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF-")
