"""A page save outside a transaction block: on PostgreSQL it locks, writes and commits in
one round trip with the checks in SQL (scan/page_save.py); on SQLite it takes the usual
way. Both must store and refuse exactly the same."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from secretaris.scan import page_save
from secretaris.scan.models import AlreadyFinished, Answer, Comment, Rater, Scan, ScanClosed
from secretaris.scan.tests.conftest import add_rater, open_with_link

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("municipality")]


@pytest.fixture
def rater(scan) -> Rater:
    rater = add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")
    open_with_link(scan, rater)
    return Rater.objects.select_related("scan").get(pk=rater.pk)


def stored(rater: Rater) -> tuple[dict, dict]:
    answers = dict(Answer.objects.filter(rater=rater).values_list("indicator", "score"))
    texts = {
        (c, k): t
        for c, k, t in Comment.objects.filter(rater=rater).values_list("competency", "kind", "text")
    }
    return answers, texts


def page(rater: Rater, n: int = 0):
    competency = rater.scan.competencies()[n]
    return competency, {i.code: 4 for i in competency.indicators}


def test_the_one_round_trip_is_taken_on_postgresql_outside_a_transaction(rater):
    assert page_save.usable() == (connection.vendor == "postgresql")
    with transaction.atomic():
        assert not page_save.usable()  # COMMIT would end the caller's transaction


def test_a_save_stores_scores_texts_and_the_start_and_a_second_save_changes_nothing(rater):
    competency, scores = page(rater)
    scores[competency.indicators[0].code] = None  # kan ik niet beoordelen
    rater.save_page(competency, scores, feedback="Helder.", feedforward="Eerder delen.")
    first = stored(rater)
    assert first[0] == scores
    assert first[1] == {
        (competency.key, Comment.FEEDBACK): "Helder.",
        (competency.key, Comment.FEEDFORWARD): "Eerder delen.",
    }
    assert Rater.objects.get(pk=rater.pk).started_at is not None
    rater.save_page(competency, scores, feedback="Helder.", feedforward="Eerder delen.")
    assert stored(rater) == first
    assert Answer.objects.filter(rater=rater).count() == len(scores)


def test_a_text_emptied_on_a_later_save_is_removed_and_other_pages_keep_theirs(rater):
    competency, scores = page(rater)
    other, other_scores = page(rater, 1)
    rater.save_page(other, other_scores, feedback="Andere pagina.")
    rater.save_page(competency, scores, feedback="Eerst.", feedforward="Ook.")
    rater.save_page(competency, {**scores, competency.indicators[0].code: 2}, feedback="Eerst.")
    answers, texts = stored(rater)
    assert answers[competency.indicators[0].code] == 2
    assert texts == {
        (competency.key, Comment.FEEDBACK): "Eerst.",
        (other.key, Comment.FEEDBACK): "Andere pagina.",
    }


def test_a_closed_scan_refuses_the_save_and_nothing_is_written(rater):
    competency, scores = page(rater)
    assert Scan.objects.get(pk=rater.scan_id).close()
    with pytest.raises(ScanClosed):
        rater.save_page(competency, scores, feedback="Te laat.")
    assert stored(rater) == ({}, {})
    assert Rater.objects.get(pk=rater.pk).started_at is None


def test_a_save_after_the_deadline_is_refused_with_the_same_clock_as_the_check(rater):
    competency, scores = page(rater)
    after = rater.scan.deadline + timedelta(seconds=1)
    with pytest.raises(ScanClosed):
        rater.save_page(competency, scores, feedback="Te laat.", now=after)
    assert stored(rater) == ({}, {})
    before = rater.scan.deadline - timedelta(seconds=1)
    rater.save_page(competency, scores, now=before)
    assert stored(rater)[0] == scores
    assert Rater.objects.get(pk=rater.pk).started_at == before


def test_a_rater_who_sent_in_cannot_change_a_page(rater):
    for competency in rater.scan.competencies():
        rater.save_page(competency, {i.code: 3 for i in competency.indicators})
    assert Rater.objects.get(pk=rater.pk).finish()
    before = stored(rater)
    competency, scores = page(rater)
    with pytest.raises(AlreadyFinished):
        Rater.objects.get(pk=rater.pk).save_page(competency, {k: 1 for k in scores}, "Anders.")
    assert stored(rater) == before


def test_a_failed_write_stores_nothing_and_leaves_the_connection_usable(rater):
    competency, scores = page(rater)
    bad = {**scores, competency.indicators[-1].code: 9}  # outside the 1-5 check constraint
    with pytest.raises(IntegrityError):
        rater.save_page(competency, bad, feedback="Niet bewaard.")
    assert stored(rater) == ({}, {})
    assert not connection.in_atomic_block
    rater.save_page(competency, scores)
    assert stored(rater)[0] == scores


def test_inside_the_callers_transaction_a_save_is_undone_with_it(rater):
    competency, scores = page(rater)
    with pytest.raises(RuntimeError), transaction.atomic():
        rater.save_page(competency, scores, feedback="Teruggedraaid.")
        raise RuntimeError
    assert stored(rater) == ({}, {})


def test_the_save_sends_both_locks_and_one_write_statement(rater):
    if connection.vendor != "postgresql":
        pytest.skip("the one round trip is PostgreSQL's")
    competency, scores = page(rater)
    with CaptureQueriesContext(connection) as queries:
        rater.save_page(competency, scores, feedback="Goed.")
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 3, sql
    assert "FOR SHARE" in sql[0] and "FOR UPDATE" in sql[1]
    assert "set_config('synchronous_commit', 'off', true)" in sql[0]  # no wait for the flush
    assert sql[2].startswith("WITH allowed AS")
    assert timezone.now() - Answer.objects.filter(rater=rater).first().updated_at < timedelta(
        minutes=1
    )


def test_through_the_link_a_page_sent_after_closing_or_sending_in_is_refused(client, scan):
    """The rater's own attempts through the views, outside any test transaction: the
    link's lookup refuses them before a save starts. A close or a send-in that lands
    between the lookup and the save is refused by the save itself (the tests above)."""
    from django.urls import reverse

    rater = add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")
    link = reverse("scan:answer", args=[open_with_link(scan, rater)])
    competencies = scan.competencies()
    assert client.post(link).status_code == 302
    for step, competency in enumerate(competencies, 1):
        data = {i.code: "4" for i in competency.indicators}
        assert client.post(f"{link}{step}/", data).status_code == 302
    assert client.post(f"{link}afronden/").status_code == 302
    before = stored(rater)
    changed = {i.code: "1" for i in competencies[0].indicators} | {"feedback": "Anders."}
    response = client.post(f"{link}1/", changed)
    assert response.status_code == 302 and response["Location"] == link  # already sent in
    assert stored(rater) == before

    other = add_rater(scan, "wethouders", "Wendy Wethouder", "wendy@gemeente.nl")
    other_link = reverse("scan:answer", args=[open_with_link(scan, other)])
    assert client.post(other_link).status_code == 302
    assert Scan.objects.get(pk=scan.pk).close()
    response = client.post(f"{other_link}1/", changed)
    assert response.status_code == 404  # the link no longer works
    assert stored(other) == ({}, {})
