"""What the task queue holds: counts by state, the oldest waiting task, the latest failures.

Failed tasks (after their retries, citynet.tasks) are never silently lost: they stay in the
database with their exception and traceback until `prune_db_task_results` removes them.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone

from citynet.workers import live_workers


class Command(BaseCommand):
    help = "Report the database task queue: waiting, running, failed and recent failures."

    def add_arguments(self, parser):
        parser.add_argument("--failures", type=int, default=10, help="latest failures to list")

    def handle(self, *args, failures, **options):
        try:
            from django_tasks_db.models import DBTaskResult
        except ImportError as error:
            raise CommandError("django-tasks-db is not installed") from error
        if failures < 0 or failures > 1000:
            raise CommandError("--failures must be between 0 and 1000")
        counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
        for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
            self.stdout.write(f"{status.lower():<11} {counts.get(status, 0)}")
        workers = live_workers()
        self.stdout.write(f"workers     {workers.count()}")
        for worker in workers.order_by("started_at"):
            self.stdout.write(f"  {worker}, since {worker.started_at:%Y-%m-%d %H:%M}")
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if oldest is not None:
            waited = (timezone.now() - oldest.enqueued_at).total_seconds()
            self.stdout.write(f"oldest waiting: {oldest.task_path}, {waited:.0f} s")
        for result in DBTaskResult.objects.failed().order_by("-finished_at")[:failures]:
            self.stdout.write(
                f"FAILED {result.finished_at:%Y-%m-%d %H:%M} {result.task_path} "
                f"args={result.args_kwargs}: {result.exception_class_path}"
            )
