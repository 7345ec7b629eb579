"""On PostgreSQL, raters of one scan save side by side (they share the scan row), while
closing the scan waits for the saves under way and every later save sees it closed."""

from __future__ import annotations

import threading

import pytest
from django.db import OperationalError, connection, transaction

from secretaris.scan.models import SCAN_LOCKED, Rater, ScanClosed
from secretaris.scan.tests.conftest import add_rater, open_with_link

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("municipality")]


def scores(competency) -> dict[str, int]:
    return {i.code: 3 for i in competency.indicators}


def set_lock_timeout(value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = '{value}'")


def test_a_save_under_way_lets_others_save_and_makes_closing_wait(scan):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite locks the whole database for every write: nothing to share")
    first = add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")
    second = add_rater(scan, "wethouders", "Wendy Wethouder", "wendy@gemeente.nl")
    open_with_link(scan, first)
    competency = scan.competencies()[0]
    holding, release = threading.Event(), threading.Event()

    def save_under_way() -> None:  # a save that has taken its locks and not committed yet
        try:
            with transaction.atomic():
                SCAN_LOCKED.first(scan.pk)
                holding.set()
                release.wait(20)
        finally:
            connection.close()

    other = threading.Thread(target=save_under_way)
    other.start()
    try:
        assert holding.wait(20)
        set_lock_timeout("5s")
        Rater.objects.get(pk=second.pk).save_page(competency, scores(competency))  # at once
        set_lock_timeout("300ms")
        with pytest.raises(OperationalError, match="lock timeout"):
            scan.close()  # waits for the save under way
    finally:
        release.set()
        other.join(20)
    set_lock_timeout("5s")
    assert scan.close()
    with pytest.raises(ScanClosed):
        Rater.objects.get(pk=first.pk).save_page(competency, scores(competency))
    set_lock_timeout("0")
