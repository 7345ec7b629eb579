"""Queries of the questionnaire's hot path, compiled by the ORM once and then reused.

Turning a queryset into SQL costs Django more than running it: about 1–2 ms for the
rater lookup with its four joins, against a few hundredths of a millisecond for SQLite
or PostgreSQL to answer it. Every questionnaire request runs the same few queries with
other values, so `Prepared` asks the ORM for the SQL once (per database connection
object), and afterwards only executes it and builds the objects the way a queryset
would (same converters, same related objects).

    RATER = Prepared(lambda v: Rater.objects.select_related("scan").filter(token_hash=v))
    RATER.first("…hash…")   # a Rater with .scan, or None

A query with more parameters names a placeholder for each (NUMBER, NUMBER2, TEXT, ...,
all different): `Prepared(lambda user, pk: ..., NUMBER, NUMBER2).first(user_pk, pk)`.
Annotations are set on the object as a queryset would set them.

On PostgreSQL these queries (and `upsert`) also run as prepared statements (`hot_cursor`):
planning the rater lookup's five-table join costs PostgreSQL about 0.5 ms, five times
what running it costs, on every request. A statement prepared once per connection skips
that. Django leaves prepared statements off by default because a connection pooler in
transaction mode (PgBouncer before 1.21) cannot follow them; the settings turn them on for
these cursors only (`prepare_threshold`), and `DB_PREPARED_STATEMENTS=0` off again.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

TEXT = "\x00prepared-parameter\x00"  # stands in for the value while compiling
NUMBER = -7_654_321
NUMBER2 = -7_654_322


class Prepared:
    """One query shape with its parameters: the values given to `build`, for which the
    placeholders stand in while compiling (TEXT or NUMBER, by the field's type)."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        placeholder: Any = TEXT,
        *more: Any,
        shared_lock: bool = False,
    ) -> None:
        self.build = build
        self.placeholders = (placeholder, *more)
        # select_for_update() built, FOR SHARE run (PostgreSQL): many may hold the row at
        # once, and a FOR UPDATE of it waits until all of them are done (Django's ORM has
        # no FOR SHARE of its own; SQLite locks the whole database in any case).
        self.shared_lock = shared_lock
        self._local = threading.local()

    def _compiled(self) -> tuple[Any, str, list[Any], int, QuerySet, dict]:
        state = getattr(self._local, "state", None)
        connection = connections["default"]
        if state is None or state[0] is not connection:
            queryset = self.build(*self.placeholders)
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            if self.shared_lock and connection.features.has_select_for_update:
                if not sql.endswith(" FOR UPDATE"):
                    raise ValueError("shared_lock needs a plain select_for_update() query")
                sql = sql.removesuffix(" FOR UPDATE") + " FOR SHARE"
            params = list(params)
            fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
            converters = compiler.get_converters(fields)
            positions = [
                [i for i, param in enumerate(params) if param == placeholder]
                for placeholder in self.placeholders
            ]
            if not all(positions):
                raise ValueError("a placeholder is missing from the compiled query")
            state = (connection, compiler, sql, params, positions, queryset, converters)
            self._local.state = state
        return state[1:]

    def send(self, *values: Any) -> Sent:
        """Run the query now and read its rows later, from the result. Inside `pipeline()`
        on PostgreSQL the query only leaves: the queries sent in one pipeline travel to
        the database together and come back in one round trip, when the first result is
        read."""
        compiler, sql, params, positions, _, converters = self._compiled()
        params = [*params]
        for places, value in zip(positions, values, strict=True):
            for place in places:
                params[place] = value
        cursors = ExitStack()
        with cursors:
            cursor = cursors.enter_context(hot_cursor())
            cursor.execute(sql, params)
            return Sent(self, compiler, converters, cursor, cursors.pop_all())

    def values(self, *values: Any) -> list[tuple]:
        """The rows as tuples (for a `values_list` queryset)."""
        return self.send(*values).values()

    def first(self, *values: Any) -> Any:
        """The first model instance (with its select_related objects and annotations),
        or None."""
        return self.send(*values).first()

    def all(self, *values: Any) -> list[Any]:
        """Every model instance, as `first` builds it."""
        return self.send(*values).all()

    def _objects(self, compiler: Any, rows: list[tuple]) -> list[Any]:
        model, db, start, end, names, populators = self._builder(compiler)
        objects = []
        for row in rows:
            obj = model.from_db(db, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in compiler.annotation_col_map.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    def _builder(self, compiler: Any) -> tuple:
        """How a queryset turns a row into objects (as ModelIterable does), kept."""
        builder = getattr(self._local, "builder", None)
        if builder is None or builder[0] is not compiler:
            db = self._compiled()[4].db
            info, select = compiler.klass_info, compiler.select
            start, end = info["select_fields"][0], info["select_fields"][-1] + 1
            names = [column[0].target.attname for column in select[start:end]]
            populators = get_related_populators(info, select, db)
            builder = (compiler, info["model"], db, start, end, names, populators)
            self._local.builder = builder
        return builder[1:]


class Sent:
    """A query that ran (or, in a pipeline, is on its way): read its result once."""

    def __init__(
        self, query: Prepared, compiler: Any, converters: dict, cursor: Any, close: ExitStack
    ) -> None:
        self._query, self._compiler, self._converters = query, compiler, converters
        self._cursor, self._close = cursor, close

    def _rows(self) -> list[tuple]:
        with self._close:
            fetched = self._cursor.fetchall()
        if not self._converters:
            return fetched
        return list(self._compiler.apply_converters(fetched, self._converters))

    def values(self) -> list[tuple]:
        return [tuple(row) for row in self._rows()]

    def first(self) -> Any:
        rows = self._rows()
        return self._query._objects(self._compiler, rows[:1])[0] if rows else None

    def all(self) -> list[Any]:
        rows = self._rows()
        return self._query._objects(self._compiler, rows) if rows else []


@contextmanager
def pipeline() -> Iterator[None]:
    """Queries sent inside travel to PostgreSQL together (psycopg's pipeline mode): a
    `transaction.atomic()` block's BEGIN, its locks and its writes in one round trip
    instead of one each. Read a result (`Sent.first()`) only after sending everything
    that does not depend on it. Elsewhere (SQLite, prepared statements off) it changes
    nothing: every query runs when it is sent."""
    connection = connections["default"]
    if not preparing(connection):
        yield
        return
    with connection.wrap_database_errors, connection.connection.pipeline():
        yield


_UPSERTS: dict[tuple, str] = {}


def upsert(
    model: type[Model], rows: list[tuple], unique: tuple[str, ...], update: tuple[str, ...]
) -> None:
    """INSERT … VALUES (…), (…) ON CONFLICT (unique) DO UPDATE SET update: all rows in one
    statement, as bulk_create(update_conflicts=True) writes it on SQLite and PostgreSQL,
    without compiling it or building model objects for each save. A row holds a value for
    every concrete field but the primary key, in the model's field order (auto_now is
    not applied here). One statement rather than one per row (executemany): PostgreSQL
    plans it once, and psycopg sends it without its pipeline, which cost more client time
    than the rows themselves."""
    if not rows:
        return
    connection = connections["default"]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    key = (model, unique, update, connection.vendor, len(rows))
    sql = _UPSERTS.get(key)
    if sql is None:
        quote = connection.ops.quote_name
        by_name = {f.name: f for f in fields}
        columns = ", ".join(quote(f.column) for f in fields)
        row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        conflict = ", ".join(quote(by_name[name].column) for name in unique)
        sets = ", ".join(
            f"{quote(by_name[n].column)} = EXCLUDED.{quote(by_name[n].column)}" for n in update
        )
        sql = (
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
            f"VALUES {', '.join([row] * len(rows))} "
            f"ON CONFLICT({conflict}) DO UPDATE SET {sets}"
        )
        _UPSERTS[key] = sql
    params = []
    for values in rows:
        params += [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)]
    with hot_cursor() as cursor:
        cursor.execute(sql, params)


@contextmanager
def hot_cursor() -> Iterator[Any]:
    """A cursor of the default database, as `connection.cursor()` gives (query logging,
    Django's database errors, the health check), that on PostgreSQL prepares every
    statement it runs (see the module text)."""
    connection = connections["default"]
    if not preparing(connection):
        with connection.cursor() as cursor:
            yield cursor
        return
    with connection.wrap_database_errors:
        raw = _preparing_cursor_class()(connection.connection)
    with connection._prepare_cursor(raw) as cursor:
        yield cursor


def preparing(connection: Any) -> bool:
    """PostgreSQL with prepared statements on; the connection checked and open, as
    BaseDatabaseWrapper._cursor() does first."""
    if connection.vendor != "postgresql":
        return False
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    return connection.connection.prepare_threshold is not None


@functools.cache
def _preparing_cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        """Binds the values on the server and keeps the statement prepared on the
        connection from its first run on (psycopg's prepare=True)."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

        def _send_query_prepared(self, name, pgq, *, binary=None):
            # psycopg keeps the query it ran (which Django's query log and
            # CaptureQueriesContext read) only for statements it did not prepare.
            self._query = pgq
            return super()._send_query_prepared(name, pgq, binary=binary)

    return PreparingCursor
