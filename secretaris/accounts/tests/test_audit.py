from datetime import date

from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory

from secretaris.accounts.audit import audit, client_ip
from secretaris.accounts.models import AuditEvent
from secretaris.accounts.tests.helpers import log_in


def test_it_records_the_request_user_the_object_and_details(alice):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.4")
    request.user = alice
    group = Group.objects.create(name="Raad")
    event = audit(request, "report_opened", group, format="pdf", peildatum=date(2026, 1, 1))
    event.refresh_from_db()
    assert event.user == alice
    assert event.action == "report_opened"
    assert (event.object_type, event.object_id) == ("auth.group", str(group.pk))
    assert event.detail == {"format": "pdf", "peildatum": "2026-01-01"}
    assert event.ip == "192.0.2.4"


def test_it_works_without_a_request(alice):
    event = audit(None, "2fa_reset", user=alice, by="cli")
    assert (event.user, event.ip, event.object_type) == (alice, None, "")


def test_an_anonymous_request_has_no_user(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert audit(request, "something").user is None


def test_logins_and_failed_logins_are_recorded(client, alice):
    log_in(client, "alice", "fout")
    log_in(client)
    failed = AuditEvent.objects.get(action="login_failed")
    assert failed.user is None and failed.detail == {"username": "alice", "step": "password"}
    assert failed.ip == "127.0.0.1"
    assert AuditEvent.objects.get(action="login").user == alice


def test_the_forwarded_address_counts_only_behind_the_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
    )
    assert client_ip(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "198.51.100.7"


def test_old_audit_events_are_deleted_by_opschonen_and_the_purge_is_logged(db, settings, capsys):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from secretaris.accounts.audit import audit
    from secretaris.accounts.models import AuditEvent

    settings.AUDIT_RETENTION_DAYS = 30
    old, recent = audit(None, "login"), audit(None, "login")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    AuditEvent.objects.filter(pk=recent.pk).update(at=timezone.now() - timedelta(days=29))

    call_command("opschonen", "--droog")
    assert "1 logregel(s) ouder dan 30 dagen zou(den) worden verwijderd" in capsys.readouterr().out
    assert AuditEvent.objects.filter(pk=old.pk).exists()

    call_command("opschonen")
    assert "1 logregel(s) ouder dan 30 dagen verwijderd" in capsys.readouterr().out
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    purge = AuditEvent.objects.get(action="audit_purged")
    assert purge.detail["events"] == 1
