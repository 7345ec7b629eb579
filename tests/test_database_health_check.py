"""The PostgreSQL health check at the start of a request asks the server nothing while the
connection is plainly fine, and still replaces a connection the server has ended."""

from __future__ import annotations

import select
import time

import pytest
from django.db import connection

from secretaris.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_connection():
    if connection.vendor != "postgresql":
        pytest.skip("the health check is a PostgreSQL matter")
    other = DatabaseWrapper({**connection.settings_dict, "CONN_HEALTH_CHECKS": True}, "health")
    other.ensure_connection()
    yield other
    other.close()


def _backend_pid(wrapper: DatabaseWrapper) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _last_statement(pid: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row[0] if row else ""


def _start_request(wrapper: DatabaseWrapper) -> None:
    """What Django does for a reused connection when a request starts."""
    wrapper.close_if_unusable_or_obsolete()
    wrapper.close_if_health_check_failed()


def test_a_quiet_connection_is_checked_without_a_round_trip(second_connection):
    pid = _backend_pid(second_connection)
    with second_connection.cursor() as cursor:
        cursor.execute("SELECT 'the last statement before the check'")
    _start_request(second_connection)
    assert second_connection.health_check_done
    assert second_connection.connection is not None
    assert _last_statement(pid) == "SELECT 'the last statement before the check'"


def test_a_connection_the_server_ended_is_replaced_before_the_request_uses_it(
    second_connection,
):
    pid = _backend_pid(second_connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    fd = second_connection.connection.fileno()
    deadline = time.monotonic() + 10
    while not select.select([fd], [], [], 0.1)[0] and time.monotonic() < deadline:
        pass
    _start_request(second_connection)
    assert second_connection.connection is None  # closed by the check, not by a failing page
    assert _backend_pid(second_connection) != pid  # and the next query connects afresh


def test_a_connection_inside_a_transaction_gets_the_full_check(second_connection):
    pid = _backend_pid(second_connection)
    second_connection.set_autocommit(False)
    with second_connection.cursor() as cursor:
        cursor.execute("SELECT 'inside a transaction'")
    second_connection.health_check_done = False
    second_connection.close_if_health_check_failed()
    assert _last_statement(pid) == "SELECT 1"
    second_connection.rollback()
    second_connection.set_autocommit(True)
