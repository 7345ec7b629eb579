"""The toegang page: granting and revoking access is audited, atomic and never a 500."""

import pytest
from django.urls import reverse

from secretaris.accounts.access import has_access
from secretaris.accounts.models import AuditEvent


@pytest.fixture
def owner_client(client, alice):
    client.force_login(alice)
    return client


def test_granting_access_is_audited_and_redirects(owner_client, profile, alice, charlie):
    url = reverse("profiles:access", args=[profile.pk])
    response = owner_client.post(url, {"username": "charlie", "role": "bewerker"})
    assert response.status_code == 302
    assert has_access(charlie, profile, "bewerker")
    event = AuditEvent.objects.get(action="profile.grant")
    assert event.user == alice and event.detail == {"to": "charlie", "role": "bewerker"}


def test_revoking_access_is_audited_and_redirects(owner_client, profile, alice, bob):
    url = reverse("profiles:access", args=[profile.pk])
    response = owner_client.post(url, {"revoke": str(bob.pk)})
    assert response.status_code == 302
    assert not has_access(bob, profile)
    event = AuditEvent.objects.get(action="profile.revoke")
    assert event.user == alice and event.detail == {"to": "bob"}
    assert AuditEvent.objects.get(action="access_revoked").user == alice


@pytest.mark.parametrize("value", ["abc", "", "-1", "1.5", "9" * 5000, str(2**70), "٣"])
def test_a_malformed_revoke_value_changes_nothing(owner_client, profile, bob, value):
    url = reverse("profiles:access", args=[profile.pk])
    response = owner_client.post(url, {"revoke": value})
    assert response.status_code == 302
    assert has_access(bob, profile)


def test_a_failing_audit_leaves_no_half_written_grant(owner_client, profile, charlie, monkeypatch):
    from secretaris.profiles import views

    def broken_audit(*args, **kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(views, "audit", broken_audit)
    url = reverse("profiles:access", args=[profile.pk])
    owner_client.raise_request_exception = False
    response = owner_client.post(url, {"username": "charlie", "role": "lezer"})
    assert response.status_code == 500
    assert not has_access(charlie, profile)


@pytest.mark.parametrize("name", ["suggesties", "definitief"])
@pytest.mark.parametrize("value", ["abc", "", "9" * 5000, "-3"])
def test_a_malformed_lock_version_is_a_conflict_not_an_error(owner_client, profile, name, value):
    url = f"/profielschetsen/{profile.pk}/{name}/"
    response = owner_client.post(url, {"lock_version": value})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.lock_version == 0 and profile.status == profile.CONCEPT


def test_granting_needs_a_recently_given_password(owner_client, profile, charlie):
    import time

    from secretaris.accounts import sessions

    session = owner_client.session
    session[sessions.PASSWORD_AT] = time.time() - 3600
    session.save()
    url = reverse("profiles:access", args=[profile.pk])
    response = owner_client.post(url, {"username": "charlie", "role": "bewerker"})
    assert response.status_code == 302 and response.url == sessions.reauthenticate_url(url)
    assert not has_access(charlie, profile)
