"""Sending a rejection letter by email through the queue (rejections.py, mail_jobs.py)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.jobs.models import Job
from secretaris.jobs.testing import run_jobs
from secretaris.selection.models import RejectionMail
from secretaris.selection.tests.conftest import candidate, declare, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(procedure):
    anna = candidate(procedure, "Anna")
    anna.email, anna.outcome = "anna@example.nl", "afgewezen"
    anna.save()
    declare(procedure, "vera", "Anna", conflict=False)
    return anna


def url(procedure, who) -> str:
    return reverse("selection:rejection", args=[procedure.pk, who.pk])


def test_the_letter_goes_by_email_through_the_queue_and_its_state_shows(client, procedure, anna):
    client.force_login(member(procedure, "vera").user)
    page = client.get(url(procedure, anna)).content.decode()
    assert "Brief per e-mail versturen" in page and "Beste Anna Albers" in page
    client.post(url(procedure, anna), {"body": "Beste Anna Albers,\n\nHelaas.\n\nVera"})
    assert not mail.outbox  # not in the request
    assert "Wordt verstuurd" in client.get(url(procedure, anna)).content.decode()
    run_jobs()
    (sent,) = mail.outbox
    assert sent.to == ["anna@example.nl"] and sent.reply_to == ["vera@example.nl"]
    assert sent.body == "Beste Anna Albers,\n\nHelaas.\n\nVera"
    assert "Uw sollicitatie" in sent.subject
    page = client.get(url(procedure, anna)).content.decode()
    assert "Verstuurd op" in page and "Brief per e-mail versturen" not in page
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"selection.rejection_queued", "selection.rejection_sent"} <= actions
    assert "Anna" not in str(Job.objects.get().kwargs) + Job.objects.get().label


def test_a_letter_goes_once(client, procedure, anna):
    client.force_login(member(procedure, "vera").user)
    client.post(url(procedure, anna), {"body": "Beste Anna"})
    response = client.post(url(procedure, anna), {"body": "Beste Anna"}, follow=True)
    assert "maar één keer" in response.content.decode()
    run_jobs()
    assert len(mail.outbox) == 1 and RejectionMail.objects.count() == 1


def test_only_a_rejected_candidate_with_an_address_gets_one(client, procedure, anna):
    client.force_login(member(procedure, "vera").user)
    anna.outcome = "actief"
    anna.save()
    page = client.post(url(procedure, anna), {"body": "Beste Anna"}, follow=True)
    assert "Zet eerst de stand" in page.content.decode()
    anna.outcome, anna.email = "afgewezen", ""
    anna.save()
    page = client.post(url(procedure, anna), {"body": "Beste Anna"}, follow=True)
    assert "geen e-mailadres" in page.content.decode()
    run_jobs()
    assert not mail.outbox and not RejectionMail.objects.exists()


def test_a_mail_server_error_is_retried_then_shown_and_the_letter_may_go_again(
    client, procedure, anna, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(member(procedure, "vera").user)
    client.post(url(procedure, anna), {"body": "Beste Anna"})
    run_jobs()  # in tests the retries follow at once
    job = Job.objects.get()
    assert job.status == Job.FAILED and job.attempts == 4
    assert "mailserver" in job.last_error and "anna@" not in job.last_error
    page = client.get(url(procedure, anna)).content.decode()
    assert "Mislukt" in page and "Brief per e-mail versturen" in page


def test_members_who_do_not_run_the_procedure_cannot_send(client, procedure, anna):
    declare(procedure, "lars", "Anna", conflict=False)
    client.force_login(member(procedure, "lars").user)
    assert client.post(url(procedure, anna), {"body": "Beste Anna"}).status_code == 404
    assert not RejectionMail.objects.exists()


def test_the_letters_are_deleted_with_the_candidate(procedure, anna, client):
    client.force_login(member(procedure, "vera").user)
    client.post(url(procedure, anna), {"body": "Beste Anna"})
    anna.delete()
    assert not RejectionMail.objects.exists()
    run_jobs()  # the queued job finds nothing to send
    assert not mail.outbox and Job.objects.get().status == Job.DONE
