"""A questionnaire page saved on PostgreSQL in one round trip.

`Rater.save_page` elsewhere sends the start of its transaction, the two locks and the
writes together, reads the locked rows, checks them in Python and then commits: two round
trips, and the commit is a statement of its own. Here the writes check in SQL what
`Rater._checked` checks in Python (the scan is open, its deadline has not passed, the
rater has not sent in), so nothing has to be read before the commit: BEGIN, the scan
lock, the rater lock, one statement with every write, and COMMIT leave together
(psycopg's pipeline) and come back in one round trip. The locked rows are read
afterwards only to say why nothing was written.

Each statement of a transaction takes a new snapshot (READ COMMITTED), and the write
statement runs after both locks are held: it sees every save of this rater that committed
before (two tabs of one rater take turns), and closing the scan waits for it.

Only outside a transaction block: COMMIT would otherwise end the caller's transaction.
Inside one (and on SQLite, or with prepared statements off) save_page takes its usual way.
"""

from __future__ import annotations

import functools
from contextlib import ExitStack, suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

import psycopg
from django.db import connections
from django.db.models import Model
from psycopg.pq import TransactionStatus

from secretaris.scan.prepared import hot_cursor, preparing

if TYPE_CHECKING:
    from secretaris.scan.models import Rater

Models = tuple[type[Model], type[Model], type[Model], type[Model]]


def usable() -> bool:
    """PostgreSQL with prepared statements, in autocommit (no transaction block open)."""
    connection = connections["default"]
    return not connection.in_atomic_block and preparing(connection)


def save(
    rater: Rater,
    competency_key: str,
    answers: list[tuple[str, int | None]],
    texts: list[tuple[str, str]],
    emptied: list[str],
    stamp: datetime,
    now: datetime,
) -> tuple[tuple | None, tuple | None]:
    """Lock the scan row (shared) and then the rater's row, the order every writer keeps;
    write what may be written at `now`; commit; all in one round trip. Returns the locked
    rows, (status, deadline) of the scan and (finished_at,) of the rater (None where the
    row is gone), for the caller to say why nothing was written."""
    from secretaris.scan.models import Answer, Comment, Rater, Scan

    models = (Scan, Rater, Answer, Comment)
    locks = _locks(models)
    write = _statement(models, len(answers), len(texts), len(emptied))
    params: list[Any] = [rater.scan_id, rater.pk, Scan.OPEN, now]
    for indicator, score in answers:
        params += [rater.pk, indicator, score, stamp]
    for kind, text in texts:
        params += [rater.pk, competency_key, kind, text, stamp]
    if emptied:
        params += [rater.pk, competency_key, *emptied]
    params += [now, rater.pk]
    connection = connections["default"]
    raw = connection.connection
    with connection.wrap_database_errors, ExitStack() as cursors:
        try:
            with raw.pipeline():
                raw.execute("BEGIN")
                sent = []
                for sql, values in ((locks[0], [rater.scan_id]), (locks[1], [rater.pk])):
                    cursor = cursors.enter_context(hot_cursor())
                    cursor.execute(sql, values)
                    sent.append(cursor)
                cursor = cursors.enter_context(hot_cursor())
                cursor.execute(write, params)
                raw.execute("COMMIT")
        except BaseException:
            # A lost connection cannot roll back; the error that lost it is the one to see.
            with suppress(psycopg.Error):
                if raw.info.transaction_status != TransactionStatus.IDLE:
                    raw.execute("ROLLBACK")
            raise
        scan_row, rater_row = (cursor.fetchone() for cursor in sent)
    return scan_row, rater_row


def _column(model: type[Model], name: str) -> str:
    return connections["default"].ops.quote_name(model._meta.get_field(name).column)


def _table(model: type[Model]) -> str:
    return connections["default"].ops.quote_name(model._meta.db_table)


@functools.cache
def _locks(models: Models) -> tuple[str, str]:
    """The scan lock (FOR SHARE: raters of one scan save side by side, closing the scan
    waits for them), which also lets this transaction commit without waiting for the disk
    flush (see models._without_waiting_for_the_disk), and the rater lock (FOR UPDATE: two
    requests of one rater take turns)."""
    scan, rater = models[:2]
    return (
        f"SELECT {_column(scan, 'status')}, {_column(scan, 'deadline')}, "
        "set_config('synchronous_commit', 'off', true) "
        f"FROM {_table(scan)} WHERE {_column(scan, 'id')} = %s FOR SHARE",
        f"SELECT {_column(rater, 'finished_at')} FROM {_table(rater)} "
        f"WHERE {_column(rater, 'id')} = %s FOR UPDATE",
    )


@functools.cache
def _statement(
    models: Models,
    answers: int,
    texts: int,
    emptied: int,
) -> str:
    """The write statement for this many answers, texts and emptied texts (compiled once
    per shape; PostgreSQL prepares each shape once per connection)."""
    scan, rater, answer, comment = models
    connection = connections["default"]
    column, table = _column, _table

    def cast(model: type[Model], name: str) -> str:
        return f"CAST(%s AS {model._meta.get_field(name).db_type(connection)})"

    def upsert(model: type[Model], names: list[str], rows: int, unique: list[str]) -> str:
        row = "(" + ", ".join(cast(model, n) for n in names) + ")"
        keep = [n for n in names if n not in unique]
        return (
            f"INSERT INTO {table(model)} ({', '.join(column(model, n) for n in names)}) "
            f"SELECT * FROM (VALUES {', '.join([row] * rows)}) AS v "
            "WHERE EXISTS (SELECT 1 FROM allowed) "
            f"ON CONFLICT ({', '.join(column(model, n) for n in unique)}) DO UPDATE SET "
            + ", ".join(f"{column(model, n)} = EXCLUDED.{column(model, n)}" for n in keep)
        )

    parts = [
        "allowed AS ("
        f"SELECT 1 FROM {table(scan)} s JOIN {table(rater)} r "
        f"ON r.{column(rater, 'scan')} = s.{column(scan, 'id')} "
        f"WHERE s.{column(scan, 'id')} = {cast(scan, 'id')} "
        f"AND r.{column(rater, 'id')} = {cast(rater, 'id')} "
        f"AND s.{column(scan, 'status')} = {cast(scan, 'status')} "
        f"AND {cast(scan, 'deadline')} < s.{column(scan, 'deadline')} "
        f"AND r.{column(rater, 'finished_at')} IS NULL)"
    ]
    if answers:
        names = ["rater", "indicator", "score", "updated_at"]
        parts.append(f"answers AS ({upsert(answer, names, answers, ['rater', 'indicator'])})")
    if texts:
        names = ["rater", "competency", "kind", "text", "updated_at"]
        unique = ["rater", "competency", "kind"]
        parts.append(f"texts AS ({upsert(comment, names, texts, unique)})")
    if emptied:
        kinds = ", ".join([cast(comment, "kind")] * emptied)
        parts.append(
            f"emptied AS (DELETE FROM {table(comment)} "
            f"WHERE {column(comment, 'rater')} = {cast(comment, 'rater')} "
            f"AND {column(comment, 'competency')} = {cast(comment, 'competency')} "
            f"AND {column(comment, 'kind')} IN ({kinds}) "
            "AND EXISTS (SELECT 1 FROM allowed))"
        )
    parts.append(
        f"started AS (UPDATE {table(rater)} SET {column(rater, 'started_at')} = "
        f"{cast(rater, 'started_at')} WHERE {column(rater, 'id')} = {cast(rater, 'id')} "
        f"AND {column(rater, 'started_at')} IS NULL "
        "AND EXISTS (SELECT 1 FROM allowed))"
    )
    # Every data-modifying part runs whether or not this reads it.
    return "WITH " + ", ".join(parts) + " SELECT EXISTS (SELECT 1 FROM allowed)"
