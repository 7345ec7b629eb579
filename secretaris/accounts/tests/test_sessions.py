"""Session lifetimes (absolute and idle) and the password asked again before sensitive actions."""

import time

import pytest
from django.contrib.auth import get_user
from django.test import override_settings
from django.urls import reverse

from secretaris.accounts import sessions
from secretaris.accounts.models import AuditEvent, TwoFactor
from secretaris.test import PASSWORD, make_user


def age(client, **seconds_ago):
    """Move session timestamps into the past."""
    session = client.session
    for key, ago in seconds_ago.items():
        session[getattr(sessions, key)] = time.time() - ago
    session.save()


def test_a_login_ends_after_twelve_hours_even_when_active(client, alice):
    client.force_login(alice)
    age(client, LOGIN_AT=12 * 3600 + 5, SEEN_AT=10)
    response = client.get(reverse("security"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not get_user(client).is_authenticated
    assert AuditEvent.objects.filter(action="session_expired", user=alice).exists()


def test_an_ordinary_user_is_logged_out_after_two_idle_hours(client, alice):
    client.force_login(alice)
    age(client, LOGIN_AT=3 * 3600, SEEN_AT=2 * 3600 - 60)
    assert client.get(reverse("security")).status_code == 200
    age(client, SEEN_AT=2 * 3600 + 5)
    assert client.get(reverse("security")).status_code == 302
    assert not get_user(client).is_authenticated


def test_a_beheerder_is_logged_out_after_thirty_idle_minutes(client, db):
    beheerder = make_user("beheer", staff=True)
    client.force_login(beheerder)
    age(client, SEEN_AT=31 * 60)
    assert client.get(reverse("security")).status_code == 302
    assert not get_user(client).is_authenticated


def test_activity_keeps_the_session_alive(client, alice):
    client.force_login(alice)
    age(client, SEEN_AT=3600)
    client.get(reverse("security"))
    assert time.time() - client.session[sessions.SEEN_AT] < 5


@override_settings(SESSION_IDLE_SECONDS=60)
def test_the_idle_time_is_a_setting(client, alice):
    client.force_login(alice)
    age(client, SEEN_AT=61)
    assert client.get(reverse("security")).status_code == 302


def test_the_session_cookie_itself_lasts_at_most_twelve_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_a_session_without_login_time_is_not_trusted(client, alice):
    client.force_login(alice)
    session = client.session
    del session[sessions.LOGIN_AT]
    session.save()
    assert client.get(reverse("security")).status_code == 302


@pytest.fixture
def stale_password(client, alice):
    client.force_login(alice)
    age(client, PASSWORD_AT=16 * 60)
    return client


def test_disabling_two_factor_asks_for_the_password_again(stale_password, alice):
    from secretaris.accounts.tests.helpers import enrol

    enrol(alice)
    url = reverse("two_factor_disable")
    response = stale_password.get(url)
    assert response.status_code == 302
    assert response.url == sessions.reauthenticate_url(url)
    page = stale_password.get(response.url)
    assert "Bevestig uw wachtwoord" in page.content.decode()
    wrong = stale_password.post(response.url, {"password": "nope", "next": url})
    assert "Dit wachtwoord klopt niet." in wrong.content.decode()
    ok = stale_password.post(response.url, {"password": PASSWORD, "next": url})
    assert ok.status_code == 302 and ok.url == url
    assert stale_password.get(url).status_code == 200
    assert TwoFactor.objects.filter(user=alice).exists()
    assert AuditEvent.objects.filter(action="reauthenticated", user=alice).exists()


def test_the_password_page_never_sends_the_user_to_another_site(stale_password):
    url = reverse("reauthenticate")
    response = stale_password.post(url, {"password": PASSWORD, "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == reverse("security")


def test_guessing_the_password_again_is_throttled_and_logs_out(stale_password, alice):
    url = reverse("reauthenticate")
    for _ in range(5):
        stale_password.post(url, {"password": "wrong-guess"})
    response = stale_password.post(url, {"password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("login")
    assert not get_user(stale_password).is_authenticated


def test_the_admin_asks_for_the_password_before_a_change(client, db):
    beheerder = make_user("beheer", staff=True)
    victim = make_user("victim")
    client.force_login(beheerder)
    age(client, PASSWORD_AT=16 * 60)
    url = reverse("admin:auth_user_change", args=[victim.pk])
    response = client.post(url, {"username": "victim", "is_staff": "on"})
    assert response.status_code == 302
    assert response.url == sessions.reauthenticate_url(url)
    victim.refresh_from_db()
    assert not victim.is_staff
    assert client.get(reverse("admin:index")).status_code == 200  # reading needs no password
