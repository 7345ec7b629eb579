"""Password reset: throttled per address and per IP, the same answer and the same work for
known and unknown addresses, the mail sent after the response."""

import threading

import pytest
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from secretaris.accounts.models import AuditEvent


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
    assert [m["To"] for m in smtp_server.wait_for_messages(1)] == ["alice@example.nl"]


def test_the_mail_is_sent_after_the_response(client, alice, smtp_server, monkeypatch):
    release, sent_in = threading.Event(), []
    original = EmailMultiAlternatives.send

    def slow_send(message, *args, **kwargs):
        sent_in.append(threading.current_thread())
        release.wait(10)  # the mail server is slow
        return original(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", slow_send)
    response = ask(client, "alice@example.nl")
    assert response.status_code == 302  # answered while the mail still waits
    assert smtp_server.messages == []
    release.set()
    assert len(smtp_server.wait_for_messages(1)) == 1
    assert sent_in and sent_in[0] is not threading.current_thread()


def test_one_address_gets_at_most_three_mails_an_hour(client, alice, smtp_server):
    for i in range(6):
        assert ask(client, "alice@example.nl", ip=f"198.51.100.{i}").status_code == 302
    smtp_server.wait_for_messages(3)
    import time

    time.sleep(0.5)
    assert len(smtp_server.messages) == 3
    assert AuditEvent.objects.filter(action="password_reset_throttled").count() == 3


def test_one_address_of_the_internet_cannot_mail_everybody(client, db, smtp_server):
    from secretaris.test import make_user

    for i in range(12):
        make_user(f"user{i}")
    for i in range(12):
        ask(client, f"user{i}@example.nl", ip="192.0.2.9")
    smtp_server.wait_for_messages(10)
    import time

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
