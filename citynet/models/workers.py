"""Which task workers are alive (citynet.workers)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A running `db_worker` writes its row every few seconds; a task RUNNING under a worker
    whose row went quiet belonged to a process that died (killed, out of memory, machine
    lost) and is handed to another worker (django-tasks-db itself would leave it RUNNING)."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
