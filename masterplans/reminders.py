"""Reminding city editors of their yearly progress report, by email in their language.

Once a day (the first worker heartbeat of the day to claim it in the shared cache, or
`manage.py send_report_reminders` from cron) `send_report_reminders` looks at every
published plan: when its report is due or overdue (masterplans.dashboard), each active
editor of its city with an email address gets one message for that state, recorded in
ReportReminder so no one is written to twice.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from citynet.tasks import retrying
from citynet.users import admin_language

from .dashboard import ReportState, plan_statuses
from .evaluation import evaluable_plans
from .models import ReportReminder

logger = logging.getLogger(__name__)

KINDS = {ReportState.DUE: ReportReminder.Kind.DUE, ReportState.OVERDUE: ReportReminder.Kind.OVERDUE}


def editors_of(plan):
    from django.contrib.auth import get_user_model

    city = plan.city
    if city is None or city.editors_group_id is None:
        return []
    return list(
        get_user_model()
        .objects.filter(groups=city.editors_group_id, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )


def remind(status, user, base_url):
    """Send one reminder unless `user` already had it; True when sent."""
    kind = KINDS[status.state]
    try:
        with transaction.atomic():
            ReportReminder.objects.create(
                plan=status.plan, year=status.year_due, kind=kind, user=user
            )
            with translation.override(admin_language(user)):
                context = {
                    "user": user,
                    "plan": status.plan,
                    "year": status.year_due,
                    "deadline": status.deadline,
                    "overdue": kind == ReportReminder.Kind.OVERDUE,
                    "file_url": base_url.rstrip("/")
                    + reverse("masterplans_file_report", args=[status.plan.pk]),
                }
                subject = " ".join(
                    render_to_string("masterplans/email/reminder_subject.txt", context).split()
                )
                body = render_to_string("masterplans/email/reminder.txt", context)
            # Queued for the worker by the email backend; the row commits with it.
            send_mail(subject, body, None, [user.email])
    except IntegrityError:
        return False  # another worker sent it
    return True


def send_due_reminders(today=None, base_url=""):
    today = today or timezone.localdate()
    base_url = base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    plans = list(evaluable_plans().select_related("city"))
    sent = 0
    for status in plan_statuses(plans, today):
        if status.state not in KINDS:
            continue
        for user in editors_of(status.plan):
            sent += remind(status, user, base_url)
    return sent


@task()
def send_report_reminders(attempt=1):
    with retrying(send_report_reminders, attempt=attempt):
        sent = send_due_reminders()
        logger.info("sent %d progress report reminders", sent)


def enqueue_daily():
    """On a worker heartbeat: the first of the day to claim the day enqueues the check
    (unless REPORT_REMINDERS_DAILY is off: the test settings, where workers run for other
    reasons)."""
    if not getattr(settings, "REPORT_REMINDERS_DAILY", True):
        return
    key = f"masterplans:report-reminders:{timezone.localdate().isoformat()}"
    if cache.add(key, 1, timeout=2 * 24 * 3600):
        send_report_reminders.enqueue()
