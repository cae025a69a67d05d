"""Email city editors whose yearly progress report is due or overdue (for cron; the task
worker also runs it once a day)."""

from django.core.management.base import BaseCommand

from masterplans.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Email city editors whose yearly progress report is due or overdue."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminders sent")
