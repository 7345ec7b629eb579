import hashlib
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from secretaris.accounts.models import AuditEvent
from secretaris.jobs.models import Job
from secretaris.jobs.testing import run_jobs
from secretaris.scan import invitations
from secretaris.scan.models import Rater, Scan, minutes_for
from secretaris.scan.tests.conftest import add_rater

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/scan/antwoord/([A-Za-z0-9_-]+)/")


def token_in(message) -> str:
    return LINK.search(message.get_content()).group(1)


def subject(message) -> str:
    return str(message["Subject"]).strip()  # an encoded (non-ASCII) header may start with " "


def link_path(token: str) -> str:
    return reverse("scan:answer", args=[token])


@pytest.fixture
def ready(scan, wethouder):
    """Alice's scan with Alice and Willem on an approved list."""
    add_rater(scan, "directie", "Dirk Directeur", "dirk@gemeente.nl")
    scan.approve_raters()
    return scan


def test_invitations_arrive_by_email_with_a_personal_link_that_works(
    client, bob, ready, smtp_server, settings
):
    settings.SITE_URL = "https://secretaris.example.nl"
    client.force_login(bob)
    response = client.post(reverse("scan:invite", args=[ready.pk]))
    assert response.status_code == 302
    assert smtp_server.messages == []  # the request only queues the invitations
    run_jobs()
    messages = smtp_server.wait_for_messages(3)
    to_willem = next(m for m in messages if m["To"] == "willem@gemeente.nl")
    body = to_willem.get_content()
    assert "Alice Aerts" in subject(to_willem) and "Súdwest-Fryslân" in subject(to_willem)
    assert "https://secretaris.example.nl/scan/antwoord/" in body
    assert ready.deadline_text in body and "anoniem" in body
    assert f"ongeveer {minutes_for(len(ready.competency_keys))} minuten" in body
    assert "Opslaan en later verder" in body
    assert to_willem["Reply-To"] == "bob@example.nl"  # the coordinator answers questions
    ready.refresh_from_db()
    assert ready.status == Scan.OPEN
    anonymous = client.__class__()
    page = anonymous.get(link_path(token_in(to_willem)))
    assert page.status_code == 200 and "Feedback voor Alice Aerts" in page.content.decode()


def test_the_secretary_gets_an_invitation_for_her_self_assessment(ready, smtp_server):
    invitations.invite(ready)
    messages = smtp_server.wait_for_messages(3)
    to_alice = next(m for m in messages if m["To"] == "alice@example.nl")
    assert subject(to_alice).startswith("Uw zelfbeoordeling")


def test_only_the_hash_of_the_token_is_stored(ready, smtp_server):
    invitations.invite(ready)
    message = next(m for m in smtp_server.wait_for_messages(3) if m["To"] == "dirk@gemeente.nl")
    token = token_in(message)
    assert len(token) >= 43  # 32 random bytes
    dirk = Rater.objects.get(email="dirk@gemeente.nl")
    assert dirk.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(v) for v in Rater.objects.values().get(pk=dirk.pk).values())
    assert token not in stored


def test_an_expired_link_gets_the_same_page_as_an_unknown_one(client, ready, smtp_server):
    invitations.invite(ready)
    token = token_in(smtp_server.wait_for_messages(1)[0])
    assert client.get(link_path(token)).status_code == 200
    Scan.objects.filter(pk=ready.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    expired = client.get(link_path(token))
    unknown = client.get(link_path("x" * 43))
    assert expired.status_code == unknown.status_code == 404
    # The same page; only the address typed (in the header's login link) differs.
    assert expired.content.replace(token.encode(), b"") == unknown.content.replace(b"x" * 43, b"")
    assert "Deze link werkt niet (meer)" in expired.content.decode()


def test_a_closed_scan_refuses_the_link(client, ready, smtp_server):
    invitations.invite(ready)
    token = token_in(smtp_server.wait_for_messages(1)[0])
    ready.close()
    assert client.get(link_path(token)).status_code == 404


def test_a_new_invitation_makes_the_old_link_stop_working(client, bob, ready, smtp_server):
    invitations.invite(ready)
    first = next(m for m in smtp_server.wait_for_messages(3) if m["To"] == "willem@gemeente.nl")
    willem = Rater.objects.get(email="willem@gemeente.nl")
    client.force_login(bob)
    client.post(reverse("scan:reinvite", args=[ready.pk, willem.pk]))
    second = smtp_server.wait_for_messages(4)[3]
    assert second["To"] == "willem@gemeente.nl"
    anonymous = client.__class__()
    assert anonymous.get(link_path(token_in(first))).status_code == 404
    assert anonymous.get(link_path(token_in(second))).status_code == 200


def test_a_reminder_goes_at_most_once_per_three_days(ready, smtp_server):
    start = timezone.now()
    invitations.invite(ready, now=start)
    smtp_server.wait_for_messages(3)
    assert invitations.remind(ready, now=start + timedelta(days=1)).sent == 0
    assert invitations.remind(ready, now=start + timedelta(days=3)).sent == 3
    assert invitations.remind(ready, now=start + timedelta(days=5)).sent == 0
    assert invitations.remind(ready, now=start + timedelta(days=6, minutes=1)).sent == 3
    messages = smtp_server.wait_for_messages(9)
    assert all(subject(m).startswith("Herinnering: ") for m in messages[3:])
    assert "De link uit eerdere e-mails werkt niet meer" in messages[3].get_content()


def test_who_has_finished_gets_no_reminder(ready, smtp_server):
    start = timezone.now()
    invitations.invite(ready, now=start)
    Rater.objects.filter(email="dirk@gemeente.nl").update(started_at=start, finished_at=start)
    assert invitations.remind(ready, now=start + timedelta(days=4)).sent == 2
    recipients = [m["To"] for m in smtp_server.wait_for_messages(5)[3:]]
    assert "dirk@gemeente.nl" not in recipients


def test_the_reminder_link_continues_where_the_rater_left_off(client, ready, smtp_server):
    start = timezone.now() - timedelta(days=4)
    invitations.invite(ready, now=start)
    smtp_server.wait_for_messages(3)
    willem = Rater.objects.get(email="willem@gemeente.nl")
    willem.start()
    first = ready.competencies()[0]
    willem.save_page(first, {i.code: 4 for i in first.indicators})
    invitations.remind(ready)
    reminder = next(m for m in smtp_server.wait_for_messages(6)[3:] if m["To"] == willem.email)
    response = client.get(link_path(token_in(reminder)))
    assert response.url == reverse("scan:answer_step", args=[token_in(reminder), 2])


def test_the_herinneringen_command_says_how_many_were_sent(ready, smtp_server, capsys):
    invitations.invite(ready, now=timezone.now() - timedelta(days=4))
    smtp_server.wait_for_messages(3)
    call_command("scan", "herinneringen")
    assert capsys.readouterr().out.strip() == "3 herinneringen verstuurd."
    assert len(smtp_server.wait_for_messages(6)) == 6
    call_command("scan", "herinneringen")
    assert capsys.readouterr().out.strip() == "0 herinneringen verstuurd."


def test_the_herinneringen_command_closes_scans_past_their_deadline_and_freezes_the_report(
    client, ready, smtp_server, capsys
):
    invitations.invite(ready, now=timezone.now() - timedelta(days=4))
    smtp_server.wait_for_messages(3)
    Scan.objects.filter(pk=ready.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    call_command("scan", "herinneringen")
    out = capsys.readouterr().out
    assert f"1 scan gesloten, einddatum voorbij: {ready.pk}." in out
    assert "0 herinneringen verstuurd." in out  # nobody is reminded of a closed scan
    ready.refresh_from_db()
    assert ready.status == Scan.GESLOTEN and hasattr(ready, "report")
    event = AuditEvent.objects.get(action="scan.close")
    assert event.detail["reason"] == "einddatum"
    call_command("scan", "herinneringen")  # again: nothing left to close
    assert "gesloten" not in capsys.readouterr().out


def test_an_open_scan_before_its_deadline_stays_open(ready, smtp_server, capsys):
    invitations.invite(ready)
    call_command("scan", "herinneringen")
    ready.refresh_from_db()
    assert ready.status == Scan.OPEN
    assert "gesloten" not in capsys.readouterr().out


def test_the_dashboard_says_the_scan_closes_by_itself_after_the_deadline(client, bob, ready):
    ready.mark_open()
    client.force_login(bob)
    page = client.get(reverse("scan:dashboard", args=[ready.pk])).content.decode()
    assert f"open tot en met {ready.deadline_text}" in page
    assert "sluit de scan vanzelf" in page


def test_the_reminder_button_on_the_dashboard(client, bob, ready, smtp_server):
    invitations.invite(ready, now=timezone.now() - timedelta(days=4))
    client.force_login(bob)
    response = client.post(reverse("scan:remind", args=[ready.pk]), follow=True)
    assert "De herinneringen gaan nu op de achtergrond weg" in response.content.decode()
    run_jobs()
    assert len(smtp_server.wait_for_messages(6)) == 6
    dashboard = client.get(reverse("scan:dashboard", args=[ready.pk])).content.decode()
    assert "Herinneringen versturen" in dashboard and "Klaar: 3 e-mails verstuurd." in dashboard
    again = client.post(reverse("scan:remind", args=[ready.pk]), follow=True)
    assert "hooguit eens per 3 dagen" in again.content.decode()


def test_when_the_mail_server_is_down_nothing_changes(ready, settings):
    from secretaris.smtp_testing import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    outcome = invitations.invite(ready)
    assert outcome.sent == 0 and len(outcome.failed) == 3
    assert not Rater.objects.filter(invited_at__isnull=False).exists()
    assert not Rater.objects.filter(token_hash__isnull=False).exists()


def test_invitations_wait_for_an_approved_list(scan, wethouder, smtp_server):
    with pytest.raises(invitations.NotOpen):
        invitations.invite(scan)
    assert smtp_server.messages == []


def test_the_link_command_prints_a_fresh_working_link_and_is_audited(client, ready, capsys):
    ready.mark_open()
    willem = Rater.objects.get(email="willem@gemeente.nl")
    call_command("scan", "link", str(willem.pk))
    url = capsys.readouterr().out.strip()
    assert client.get(urlsplit(url).path).status_code == 200
    assert AuditEvent.objects.filter(action="scan.rater_link").exists()


def test_the_link_command_refuses_a_scan_that_is_not_open(scan, wethouder):
    with pytest.raises(CommandError) as info:
        call_command("scan", "link", str(wethouder.pk))
    assert info.value.returncode == 2


def test_invitations_that_fail_are_retried_by_the_worker_and_shown_on_the_dashboard(
    client, bob, ready, settings, smtp_server
):
    """The mail server is down at the first attempt: the coordinator sees a retry coming;
    the next attempt reaches everyone, once."""
    from secretaris.smtp_testing import free_port

    settings.JOBS_RETRY_DELAYS = (3600,)
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = free_port(), 2
    client.force_login(bob)
    client.post(reverse("scan:invite", args=[ready.pk]))
    run_jobs()
    dashboard = client.get(reverse("scan:dashboard", args=[ready.pk])).content.decode()
    assert "Poging 1 van 4: niets verstuurd, 3 niet gelukt." in dashboard
    assert "Er volgt vanzelf een nieuwe poging." in dashboard
    settings.EMAIL_PORT = working_port
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_jobs()
    assert len(smtp_server.wait_for_messages(3)) == 3
    job = Job.objects.get(subject=f"scan:{ready.pk}")
    assert job.status == Job.DONE and job.attempts == 2 and job.started_by == bob
    assert (
        "Klaar: 3 e-mails verstuurd."
        in client.get(reverse("scan:dashboard", args=[ready.pk])).content.decode()
    )
    assert len(smtp_server.messages) == 3  # nobody got a second invitation


def test_an_outsider_cannot_start_invitations_for_a_scan(client, charlie, ready):
    client.force_login(charlie)
    assert client.post(reverse("scan:invite", args=[ready.pk])).status_code == 404
    assert not Job.objects.exists()


def test_a_second_click_while_the_invitations_go_out_starts_no_second_job(
    client, bob, ready, smtp_server
):
    client.force_login(bob)
    client.post(reverse("scan:invite", args=[ready.pk]))
    again = client.post(reverse("scan:invite", args=[ready.pk]), follow=True)
    assert "De uitnodigingen worden al verstuurd" in again.content.decode()
    assert Job.objects.count() == 1
    run_jobs()
    assert len(smtp_server.wait_for_messages(3)) == 3
