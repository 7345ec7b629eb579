"""Finished jobs are deleted by `secretaris opschonen` after JOB_RETENTION_DAYS; work that
is still waiting or being retried is never deleted."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from secretaris.jobs.models import Job
from secretaris.jobs.queue import enqueue
from secretaris.jobs.retention import prune_finished
from secretaris.jobs.testing import run_jobs
from secretaris.jobs.tests import sample_jobs

pytestmark = pytest.mark.django_db


def finished_days_ago(days: int) -> Job:
    job = enqueue(sample_jobs.add, a=1, b=2)
    run_jobs()
    moment = timezone.now() - timedelta(days=days)
    Job.objects.filter(pk=job.pk).update(finished_at=moment)
    DBTaskResult.objects.filter(args_kwargs__args=[job.pk]).update(finished_at=moment)
    return job


def test_jobs_finished_longer_ago_than_the_retention_go_with_their_task_rows(settings):
    settings.JOB_RETENTION_DAYS = 30
    old, recent = finished_days_ago(31), finished_days_ago(29)
    waiting = enqueue(sample_jobs.add, a=5, b=5)  # not run: still in the queue
    Job.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(days=90))
    assert prune_finished() == 1
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert DBTaskResult.objects.filter(args_kwargs__args=[old.pk]).count() == 0
    assert DBTaskResult.objects.filter(args_kwargs__args=[waiting.pk], status="READY").exists()


def test_a_dry_run_counts_and_deletes_nothing(settings):
    settings.JOB_RETENTION_DAYS = 30
    finished_days_ago(40)
    assert prune_finished(dry_run=True) == 1
    assert Job.objects.count() == 1


def test_opschonen_reports_the_jobs_it_deleted(settings):
    settings.JOB_RETENTION_DAYS = 30
    finished_days_ago(40)
    out = StringIO()
    call_command("opschonen", stdout=out)
    assert (
        "Achtergrondtaken: 1 afgeronde taak/taken ouder dan 30 dagen verwijderd." in out.getvalue()
    )
    assert Job.objects.count() == 0
