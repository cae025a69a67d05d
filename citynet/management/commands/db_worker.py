"""django-tasks-db's `db_worker`, with a heartbeat that lets a killed worker's tasks be
recovered (citynet.workers). citynet comes first in INSTALLED_APPS, so this is the command
`manage.py db_worker` runs; its options are django-tasks-db's."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from citynet.workers import Lease, beat, recover_lost_tasks


class Command(db_worker.Command):
    help = (
        "Run the database task worker; it beats a heartbeat and puts back in the queue the "
        "tasks of workers that died mid-task."
    )

    def handle(self, *args, **options):
        if options["reload"] and not options["batch"] and not os.environ.get(DJANGO_AUTORELOAD_ENV):
            # The autoreloader's parent only restarts the child, which runs the tasks.
            return super().handle(*args, **options)
        beat(options["worker_id"])  # before the first claim
        recover_lost_tasks()  # e.g. the task the previous worker was killed in
        lease = Lease(options["worker_id"])
        lease.start()
        try:
            return super().handle(*args, **options)
        finally:
            lease.stop()
