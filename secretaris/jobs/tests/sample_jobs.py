"""Background functions for the queue tests (module level, as the worker needs)."""

from __future__ import annotations

from secretaris.jobs.queue import TryAgain, background

CALLS: list[str] = []


@background(label="Optellen")
def add(a: int, b: int) -> dict:
    CALLS.append("add")
    return {"sum": a + b}


@background(label="Altijd fout", max_attempts=3)
def always_fails() -> dict:
    CALLS.append("always_fails")
    raise OSError("mailserver onbereikbaar")


@background(label="Meteen fout", no_retry=(ValueError,))
def refuses() -> dict:
    CALLS.append("refuses")
    raise ValueError("kan nooit lukken")


@background(label="Tweede keer goed")
def second_time_lucky() -> dict:
    CALLS.append("lucky")
    if CALLS.count("lucky") == 1:
        raise TryAgain("2 niet gelukt", {"sent": 3, "failed": ["A", "B"]})
    return {"sent": 2, "failed": []}


def not_marked() -> dict:
    CALLS.append("not_marked")
    return {}
