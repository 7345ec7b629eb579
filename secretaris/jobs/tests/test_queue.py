"""The task queue: jobs run in the worker, are retried, and show where they are."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from secretaris.jobs.models import Job
from secretaris.jobs.queue import enqueue
from secretaris.jobs.testing import run_jobs
from secretaris.jobs.tests import sample_jobs
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_calls():
    sample_jobs.CALLS.clear()


def test_a_job_waits_in_the_queue_until_the_worker_runs_it():
    user = make_user("alice")
    job = enqueue(sample_jobs.add, a=2, b=3, started_by=user, subject="test:1")
    assert job.status == Job.WAITING and sample_jobs.CALLS == []
    run_jobs()
    job.refresh_from_db()
    assert job.status == Job.DONE and job.result == {"sum": 5} and job.attempts == 1
    assert job.started_by == user and job.finished_at and job.label == "Optellen"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_failing_job_is_retried_then_marked_failed_with_its_error():
    job = enqueue(sample_jobs.always_fails)
    run_jobs()
    job.refresh_from_db()
    assert sample_jobs.CALLS == ["always_fails"] * 3
    assert job.status == Job.FAILED and job.attempts == 3
    assert job.last_error == "OSError: mailserver onbereikbaar"
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1


def test_an_error_that_cannot_pass_is_not_retried():
    job = enqueue(sample_jobs.refuses)
    run_jobs()
    job.refresh_from_db()
    assert sample_jobs.CALLS == ["refuses"] and job.status == Job.FAILED


def test_a_partial_result_is_kept_while_a_new_attempt_waits(settings):
    settings.JOBS_RETRY_DELAYS = (3600,)
    job = enqueue(sample_jobs.second_time_lucky)
    run_jobs()  # the retry is an hour away: the batch stops
    job.refresh_from_db()
    assert job.status == Job.RETRY and job.result == {"sent": 3, "failed": ["A", "B"]}
    assert job.last_error == "TryAgain: 2 niet gelukt"
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_jobs()
    job.refresh_from_db()
    assert job.status == Job.DONE and job.attempts == 2 and job.last_error == ""


def test_a_job_enqueued_in_a_transaction_that_fails_is_never_run():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(sample_jobs.add, a=1, b=1)
        raise RuntimeError("the request failed")
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()
    run_jobs()
    assert sample_jobs.CALLS == []


def test_only_functions_marked_as_background_run():
    with pytest.raises(ValueError, match="not marked"):
        enqueue(sample_jobs.not_marked)
    # A row that names another function (written by hand, say) is refused by the worker.
    job = enqueue(sample_jobs.add, a=1, b=2)
    Job.objects.filter(pk=job.pk).update(function="secretaris.jobs.tests.sample_jobs.not_marked")
    run_jobs()
    job.refresh_from_db()
    assert job.status == Job.FAILED and "geen achtergrondtaak" in job.last_error
    assert sample_jobs.CALLS == []


def test_a_job_that_is_already_finished_is_not_run_twice():
    job = enqueue(sample_jobs.add, a=1, b=2)
    run_jobs()
    from secretaris.jobs.queue import run_job

    run_job.enqueue(job.pk)  # a duplicate task for the same job
    run_jobs()
    assert sample_jobs.CALLS == ["add"]


def test_a_beheerder_sees_each_jobs_state_in_the_admin_but_not_its_arguments(client):
    job = enqueue(sample_jobs.always_fails)
    run_jobs()
    enqueue(sample_jobs.add, a=123456789, b=1)
    client.force_login(make_user("dora", staff=True))
    listing = client.get(reverse("admin:jobs_job_changelist")).content.decode()
    assert "Altijd fout" in listing and "Mislukt" in listing and "In de wachtrij" in listing
    detail = client.get(reverse("admin:jobs_job_change", args=[job.pk])).content.decode()
    assert "OSError: mailserver onbereikbaar" in detail
    waiting = Job.objects.get(label="Optellen")
    other = client.get(reverse("admin:jobs_job_change", args=[waiting.pk])).content.decode()
    assert "123456789" not in other


def test_someone_without_staff_rights_cannot_see_the_jobs(client):
    enqueue(sample_jobs.add, a=1, b=2)
    client.force_login(make_user("alice"))
    response = client.get(reverse("admin:jobs_job_changelist"))
    assert response.status_code == 302 and "/beheer/login/" in response.url


def test_running_jobs_in_a_test_leaves_the_process_signal_handlers_as_they_were():
    import signal

    before = signal.getsignal(signal.SIGTERM)
    enqueue(sample_jobs.add, a=1, b=2)
    run_jobs()
    assert signal.getsignal(signal.SIGTERM) is before
