"""For tests: run the queued jobs for real, in this process, until none is ready."""

from __future__ import annotations

from django.core.management import call_command


def run_jobs() -> None:
    call_command("worker", "--batch", verbosity=0)
