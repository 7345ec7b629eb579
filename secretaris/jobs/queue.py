"""The task queue: slow work leaves the request and runs in `secretaris worker`.

    @background(label="Uitnodigingen versturen", no_retry=(NotOpen,))
    def send_invitations(scan_pk: int) -> dict: ...

    job = enqueue(send_invitations, scan_pk=12, started_by=request.user, subject="scan:12")

`enqueue` writes a Job row and a task for Django's tasks framework (the `django-tasks`
backport with its database backend) in the caller's transaction: both are committed
together or not at all, so no job is lost and none runs before the data it needs exists.
The worker (`secretaris worker`, over django_tasks_db's db_worker) runs `run_job`, which
calls the function with the job's keyword arguments and records the outcome on the Job.

An exception is retried up to the job's `max_attempts`, after a growing pause
(RETRY_DELAYS); exceptions in `no_retry` fail at once. A function can also raise
`TryAgain(message, result)` to report a partial result and ask for another attempt. Write
functions so that running them again is safe, and pass ids, never secrets: arguments are
stored in the database until the job is pruned. A long job can call `report({...})` to
show how far it got (the Job's result until it ends).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from secretaris.jobs.models import Job

RETRY_DELAYS = (60, 300, 1800)  # seconds before the 2nd, 3rd, 4th… attempt
_current: ContextVar[int | None] = ContextVar("current_job", default=None)


class TryAgain(Exception):
    """Part of the work failed; `result` says what was done. Retry while attempts last."""

    def __init__(self, message: str, result: dict | None = None) -> None:
        super().__init__(message)
        self.result = result or {}


def background(
    label: str, max_attempts: int = 3, no_retry: tuple[type[Exception], ...] = ()
) -> Callable:
    """Mark a module-level function as runnable by the worker."""

    def mark(function: Callable[..., dict | None]) -> Callable[..., dict | None]:
        function.background = {  # type: ignore[attr-defined]
            "label": label,
            "max_attempts": max_attempts,
            "no_retry": no_retry,
        }
        return function

    return mark


def enqueue(
    function: Callable[..., Any],
    *,
    started_by: Any = None,
    subject: str = "",
    label: str = "",
    **kwargs: Any,
) -> Job:
    """Queue `function(**kwargs)` (JSON values only) for the worker; returns its Job."""
    options = getattr(function, "background", None)
    if options is None:
        raise ValueError(f"{function.__qualname__} is not marked with @background")
    with transaction.atomic():
        job = Job.objects.create(
            function=f"{function.__module__}.{function.__qualname__}",
            kwargs=kwargs,
            label=label or options["label"],
            subject=subject,
            started_by=started_by if getattr(started_by, "pk", None) else None,
            max_attempts=options["max_attempts"],
        )
        run_job.enqueue(job.pk)
    return job


def pending(function: Callable[..., Any], subject: str) -> Job | None:
    """A job of `function` about `subject` that has not finished yet (to start it once)."""
    return Job.objects.filter(
        function=f"{function.__module__}.{function.__qualname__}",
        subject=subject,
        status__in=(Job.WAITING, Job.RUNNING, Job.RETRY),
    ).first()


def report(progress: dict) -> None:
    """Called by a running job function: show `progress` as the job's result so far (the
    page that started it can poll it). Outside a job, or inside a transaction (where the
    row would only be seen after the commit), it does nothing."""
    job_id = _current.get()
    if job_id is None or connection.in_atomic_block:
        return
    Job.objects.filter(pk=job_id).update(result=progress, updated_at=timezone.now())


def _delay(attempt: int) -> timedelta:
    delays = getattr(settings, "JOBS_RETRY_DELAYS", RETRY_DELAYS)
    return timedelta(seconds=delays[min(attempt, len(delays)) - 1] if delays else 0)


@task()
def run_job(job_id: int) -> str:
    """Run one attempt of a job (called by the worker)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished or job.status == Job.RUNNING:
            return "niets te doen"
        job.status, job.attempts = Job.RUNNING, job.attempts + 1
        job.save(update_fields=["status", "attempts", "updated_at"])
    function = import_string(job.function)
    options = getattr(function, "background", None)
    if options is None:  # only marked functions run, whatever a row says
        return _finish(job, Job.FAILED, error=f"{job.function} is geen achtergrondtaak")
    token = _current.set(job.pk)
    try:
        result = function(**job.kwargs) or {}
    except Exception as exc:
        partial = exc.result if isinstance(exc, TryAgain) else job.result
        final = isinstance(exc, options["no_retry"]) or job.attempts >= job.max_attempts
        if final:
            _finish(job, Job.FAILED, error=_describe(exc), result=partial)
            raise
        job.status, job.last_error, job.result = Job.RETRY, _describe(exc), partial
        job.save(update_fields=["status", "last_error", "result", "updated_at"])
        run_job.using(run_after=timezone.now() + _delay(job.attempts)).enqueue(job.pk)
        return f"poging {job.attempts} mislukt; nieuwe poging gepland"
    finally:
        _current.reset(token)
    return _finish(job, Job.DONE, result=result)


def _finish(job: Job, status: str, error: str = "", result: dict | None = None) -> str:
    job.status, job.finished_at = status, timezone.now()
    job.last_error = error or ("" if status == Job.DONE else job.last_error)
    job.result = job.result if result is None else result
    job.save(update_fields=["status", "finished_at", "last_error", "result", "updated_at"])
    return job.get_status_display()


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]
