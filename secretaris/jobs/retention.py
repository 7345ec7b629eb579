"""Finished jobs do not stay forever: their arguments and results name accounts, scans and
counts, and nobody needs them once the work is long done. `secretaris opschonen` deletes
jobs finished (done or failed) more than JOB_RETENTION_DAYS ago, with the task rows of
the queue that finished before then. Waiting, running and retrying jobs always stay."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from secretaris.jobs.models import Job


def prune_finished(days: int | None = None, dry_run: bool = False) -> int:
    """Delete jobs finished more than `days` (default JOB_RETENTION_DAYS) ago and the
    queue's finished task rows of that age; the number of jobs (that would be) deleted."""
    days = settings.JOB_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    jobs = Job.objects.filter(status__in=(Job.DONE, Job.FAILED), finished_at__lt=cutoff)
    if dry_run:
        return jobs.count()
    with transaction.atomic():
        deleted, _ = jobs.delete()
        DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()
    return deleted
