"""Password reset: throttled per address and per IP, the same answer and the same work for
known and unknown addresses, the mail sent by the worker with no secret in the queue."""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from secretaris.accounts.models import AuditEvent
from secretaris.jobs.models import Job
from secretaris.jobs.testing import run_jobs
from secretaris.smtp_testing import free_port


def ask(client, email, ip="203.0.113.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)


def test_known_and_unknown_addresses_get_the_same_answer_after_the_same_queries(
    client, alice, smtp_server
):
    with CaptureQueriesContext(connection) as known:
        known_response = ask(client, "alice@example.nl")
    with CaptureQueriesContext(connection) as unknown:
        unknown_response = ask(client, "nobody@example.nl")
    assert known_response.status_code == unknown_response.status_code == 302
    assert known_response.url == unknown_response.url == reverse("password_reset_done")
    assert len(known.captured_queries) == len(unknown.captured_queries)
    run_jobs()
    assert [m["To"] for m in smtp_server.wait_for_messages(1)] == ["alice@example.nl"]


def test_the_mail_is_sent_by_the_worker_and_the_queue_holds_no_token(client, alice, smtp_server):
    response = ask(client, "alice@example.nl")
    assert response.status_code == 302
    assert smtp_server.messages == []  # the request only queued the work
    job = Job.objects.get()
    assert job.status == Job.WAITING and job.kwargs["user_ids"] == [alice.pk]
    run_jobs()
    [mail] = smtp_server.wait_for_messages(1)
    token = re.search(r"/wachtwoord-vergeten/[^/]+/([^/\s]+)/", mail.get_payload()).group(1)
    job.refresh_from_db()
    assert job.status == Job.DONE and job.result == {"sent": 1, "failed": 0}
    stored = " ".join(str(row) for row in connection.cursor().execute("SELECT * FROM jobs_job"))
    assert token not in stored


def test_a_mail_server_error_is_retried_by_the_worker(client, alice, smtp_server, settings):
    settings.JOBS_RETRY_DELAYS = (3600,)
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = free_port(), 2  # nothing listens there
    ask(client, "alice@example.nl")
    run_jobs()  # the retry is an hour away: the batch stops
    job = Job.objects.get()
    assert job.status == Job.RETRY and "mailserver" in job.last_error
    settings.EMAIL_PORT = smtp_server.port
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_jobs()
    job.refresh_from_db()
    assert job.status == Job.DONE and job.attempts == 2
    assert len(smtp_server.wait_for_messages(1)) == 1


def test_one_address_gets_at_most_three_mails_an_hour(client, alice, smtp_server):
    for i in range(6):
        assert ask(client, "alice@example.nl", ip=f"198.51.100.{i}").status_code == 302
    run_jobs()
    smtp_server.wait_for_messages(3)
    time.sleep(0.5)
    assert len(smtp_server.messages) == 3
    assert AuditEvent.objects.filter(action="password_reset_throttled").count() == 3


def test_one_address_of_the_internet_cannot_mail_everybody(client, db, smtp_server):
    from secretaris.test import make_user

    for i in range(12):
        make_user(f"user{i}")
    for i in range(12):
        ask(client, f"user{i}@example.nl", ip="192.0.2.9")
    run_jobs()
    smtp_server.wait_for_messages(10)
    time.sleep(0.5)
    assert len(smtp_server.messages) == 10


@pytest.mark.parametrize("email", ["ALICE@example.nl", " alice@example.nl "])
def test_the_throttle_ignores_case_and_spaces(client, alice, smtp_server, email):
    for _ in range(3):
        ask(client, "alice@example.nl")
    ask(client, email)
    assert AuditEvent.objects.filter(action="password_reset_throttled").count() == 1


def test_the_typed_address_is_not_stored(client, db):
    from secretaris.accounts.models import PasswordResetRequest

    ask(client, "someone.unknown@example.nl")
    stored = PasswordResetRequest.objects.get()
    assert "someone" not in stored.address and len(stored.address) == 64
    assert "someone" not in str(AuditEvent.objects.get().detail)
