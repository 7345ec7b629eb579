"""For tests: run the queued jobs for real, in this process, until none is ready."""

from __future__ import annotations

import signal
from unittest import mock

from django.core.management import call_command

SIGNALS = [signal.SIGINT, signal.SIGTERM, *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])]


def run_jobs() -> None:
    """`secretaris worker --batch` in this process. The worker closes stale database
    connections between tasks, which inside a test's transaction would close the test's
    own connection on PostgreSQL; here that step is left out (a real worker process is
    tested in tests/test_scale.py). The worker's signal handlers (stop on Ctrl+C) are
    taken away again afterwards, so they do not outlive it in the test process."""
    handlers = {number: signal.getsignal(number) for number in SIGNALS}
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("worker", "--batch", verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
