"""On PostgreSQL the questionnaire's hot queries are prepared once per connection and then
only executed; a page save is one statement per table whatever the number of answers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from psycopg.pq import PipelineStatus

from secretaris.scan.models import Answer, Comment, Rater
from secretaris.scan.prepared import hot_cursor
from secretaris.scan.tests.conftest import add_rater, open_with_link
from secretaris.settings import database_from_url

pytestmark = pytest.mark.django_db


def _fill_in_first_page(scan, client: Client, token: str) -> None:
    client.post(reverse("scan:answer", args=[token]), {})
    competency = scan.competencies()[0]
    form = {i.code: "4" for i in competency.indicators}
    form.update(feedback="Helder.", feedforward="Vaker vragen.")
    response = client.post(reverse("scan:answer_step", args=[token, 1]), form)
    assert response.status_code == 302


def _started_rater(scan) -> tuple[Rater, str, Client]:
    """A rater past the explanation, with their link and browser."""
    rater = add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")
    token = open_with_link(scan, rater)
    client = Client()
    client.post(reverse("scan:answer", args=[token]), {})
    return rater, token, client


def _prepared() -> dict[str, int]:
    """The prepared statements of this connection: statement start -> times executed."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT left(statement, 60), generic_plans + custom_plans FROM pg_prepared_statements"
        )
        return dict(cursor.fetchall())


def test_the_rater_lookup_and_the_save_are_prepared_once_and_reused(scan):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are a PostgreSQL matter")
    raters = [
        add_rater(scan, "wethouders", f"Wethouder {n}", f"w{n}@gemeente.nl") for n in range(3)
    ]
    tokens = [open_with_link(scan, rater) for rater in raters]
    _fill_in_first_page(scan, Client(), tokens[0])
    after_one = _prepared()
    assert any("scan_rater" in s and "SELECT" in s for s in after_one), after_one
    assert any(s.startswith('INSERT INTO "scan_answer"') for s in after_one), after_one
    for token in tokens[1:]:
        _fill_in_first_page(scan, Client(), token)
    after_three = _prepared()
    assert set(after_three) == set(after_one)  # the same statements, run again
    assert sum(after_three.values()) > sum(after_one.values())
    assert Answer.objects.filter(rater__in=raters, score=4).count() == 3 * len(
        scan.competencies()[0].indicators
    )
    assert Comment.objects.filter(rater__in=raters).count() == 6


def test_a_page_save_writes_all_answers_in_one_statement(scan):
    rater, token, client = _started_rater(scan)
    competency = scan.competencies()[0]
    form = {i.code: "2" for i in competency.indicators}
    form.update(feedback="Goed.", feedforward="")
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.post(reverse("scan:answer_step", args=[token, 1]), form)
    inserts = [sql for sql in statements if sql.startswith('INSERT INTO "scan_answer"')]
    assert len(inserts) == 1
    assert inserts[0].count("(") >= len(competency.indicators)  # one row per indicator
    stored = dict(Answer.objects.filter(rater=rater).values_list("indicator", "score"))
    assert stored == {i.code: 2 for i in competency.indicators}


def _in_pipeline(request) -> list[tuple[str, bool]]:
    """Each statement the request ran, and whether it went in a pipeline (the savepoints
    of the test's own transaction left out)."""
    statements: list[tuple[str, bool]] = []

    def record(execute, sql, params, many, context):
        status = context["connection"].connection.pgconn.pipeline_status
        if "SAVEPOINT" not in sql:
            statements.append((sql, status != PipelineStatus.OFF))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        request()
    return statements


def test_a_page_save_sends_its_locks_and_writes_together_on_postgresql(scan):
    """A save: the lookup of the link, then one round trip for the transaction's start,
    both locks and both writes. A page: the lookup and the rater's earlier answers and
    texts in one round trip."""
    if connection.vendor != "postgresql":
        pytest.skip("pipelines are a PostgreSQL matter: SQLite runs in this process")
    rater, token, client = _started_rater(scan)
    competency = scan.competencies()[0]
    form = {i.code: "3" for i in competency.indicators}
    form.update(feedback="Goed.", feedforward="Vaker vragen.")
    url = reverse("scan:answer_step", args=[token, 1])

    save = _in_pipeline(lambda: client.post(url, form))
    lookup, *rest = save
    assert "token_hash" in lookup[0] and not lookup[1]  # its result decides the rest
    locks = [(sql, piped) for sql, piped in rest if " FOR SHARE" in sql or " FOR UPDATE" in sql]
    writes = [(sql, piped) for sql, piped in rest if sql.startswith("INSERT INTO")]
    assert len(locks) == 2 and len(writes) == 2 and len(rest) == 4, save
    assert all(piped for _, piped in rest)

    page = _in_pipeline(lambda: client.get(url))
    assert len(page) == 3 and all(piped for _, piped in page), page
    assert all("token_hash" in sql for sql, _ in page)
    assert Answer.objects.filter(rater=rater, score=3).count() == len(competency.indicators)


def test_a_database_error_in_a_hot_query_is_djangos_own():
    from django.db import DatabaseError

    with pytest.raises(DatabaseError), hot_cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM scan_answer WHERE id = %s", [1])


def test_prepared_statements_can_be_switched_off_for_a_pooler(monkeypatch):
    url = "postgres://app@db.example.nl:5432/secretaris"
    assert database_from_url(url)["OPTIONS"] == {"prepare_threshold": 0}
    monkeypatch.setenv("DB_PREPARED_STATEMENTS", "0")
    assert database_from_url(url)["OPTIONS"] == {}


def test_a_page_save_on_postgresql_commits_without_waiting_for_the_disk(scan):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite commits without waiting for the disk in any case (WAL)")
    rater, token, client = _started_rater(scan)
    competency = scan.competencies()[0]
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        seen = [cursor.fetchone()[0]]

    def record(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith('INSERT INTO "scan_answer"'):
            with context["connection"].cursor() as cursor:
                cursor.execute("SHOW synchronous_commit")
                seen.append(cursor.fetchone()[0])
        return result

    with connection.execute_wrapper(record):
        client.post(
            reverse("scan:answer_step", args=[token, 1]),
            {i.code: "3" for i in competency.indicators},
        )
    assert seen == ["on", "off"]  # SET LOCAL: for the save's transaction only


def test_prepared_queries_show_in_the_query_log(scan):
    from django.test.utils import CaptureQueriesContext

    from secretaris.scan.tokens import RATER_BY_HASH, token_hash

    rater = add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")
    token = open_with_link(scan, rater)
    for _ in range(2):  # prepared on the first run, only executed on the second
        with CaptureQueriesContext(connection) as queries:
            assert RATER_BY_HASH.first(token_hash(token)).pk == rater.pk
        (query,) = queries.captured_queries
        assert query["sql"] and "scan_rater" in query["sql"]
