from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from secretaris.accounts import throttle
from secretaris.accounts.models import AuditEvent, LoginAttempt
from secretaris.accounts.tests.helpers import current_code, enrol, log_in, logged_in_user

MESSAGE = "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."


def fail_logins(client, username: str, times: int, **extra) -> None:
    for _ in range(times):
        assert log_in(client, username, "verkeerd-wachtwoord", **extra).status_code == 200


def test_five_failures_for_a_username_refuse_even_the_right_password(client, alice):
    fail_logins(client, "alice", 5)
    response = log_in(client)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not logged_in_user(client).is_authenticated
    assert AuditEvent.objects.filter(action="login_throttled").exists()


def test_four_failures_still_allow_the_right_password(client, alice):
    fail_logins(client, "alice", 4)
    assert log_in(client).status_code == 302


def test_failures_for_a_username_from_many_addresses_slow_down_but_do_not_lock(client, alice):
    fail_logins(client, "Alice", 3, REMOTE_ADDR="10.0.0.1")
    fail_logins(client, "alice ", 2, REMOTE_ADDR="10.0.0.2")
    page = log_in(client, REMOTE_ADDR="10.0.0.3").content.decode()
    assert "Wacht 2 seconden en probeer het dan opnieuw." in page  # case and spaces ignored
    LoginAttempt.objects.update(at=timezone.now() - timedelta(seconds=3))
    assert log_in(client, REMOTE_ADDR="10.0.0.3").status_code == 302


def test_a_stranger_cannot_keep_a_beheerder_out(client, db):
    from django.test import Client

    from secretaris.test import make_user

    beheerder = make_user("beheer", staff=True, two_factor=False)
    own = Client()
    assert log_in(own, "beheer", REMOTE_ADDR="192.0.2.50").status_code == 302  # device cookie
    own.post(reverse("logout"))
    for n in range(40):  # a stranger guesses from many addresses
        log_in(client, "beheer", "geraden-wachtwoord", REMOTE_ADDR=f"198.51.100.{n // 5}")
    assert "Wacht" in log_in(client, "beheer", REMOTE_ADDR="198.51.100.9").content.decode()
    assert LoginAttempt.objects.filter(success=False).count() < 10  # most were not even checked
    assert log_in(own, "beheer", REMOTE_ADDR="192.0.2.50").status_code == 302
    assert logged_in_user(own) == beheerder


def test_a_device_cookie_for_another_user_or_a_forged_one_does_not_help(client, alice, bob):
    assert log_in(client, "bob").status_code == 302  # the cookie names bob
    client.post(reverse("logout"))
    fail_logins(client, "alice", 5, REMOTE_ADDR="10.0.0.1")
    assert "Wacht" in log_in(client, REMOTE_ADDR="10.0.0.9").content.decode()
    client.cookies[throttle.DEVICE_COOKIE] = "alice"
    assert "Wacht" in log_in(client, REMOTE_ADDR="10.0.0.9").content.decode()


def test_the_device_cookie_does_not_contain_the_username(client, alice):
    log_in(client)
    cookie = client.cookies[throttle.DEVICE_COOKIE]
    assert "alice" not in cookie.value and cookie["httponly"]


def test_the_admin_shows_the_login_attempts(client, alice, db):
    from secretaris.test import make_user

    fail_logins(client, "alice", 2, REMOTE_ADDR="203.0.113.77")
    client.force_login(make_user("beheer", staff=True))
    page = client.get(reverse("admin:accounts_loginattempt_changelist")).content.decode()
    assert page.count("203.0.113.77") >= 2 and "alice" in page


def test_a_throttled_attempt_does_not_check_the_password(client, alice, monkeypatch):
    fail_logins(client, "alice", 5)
    checked = []
    monkeypatch.setattr(
        "django.contrib.auth.forms.authenticate", lambda *a, **kw: checked.append(kw)
    )
    log_in(client)
    assert checked == []


def test_twenty_failures_from_one_address_refuse_every_username(client, alice):
    for number in range(20):
        throttle.record_failure(f"iemand{number}", "192.0.2.7")
    response = log_in(client, REMOTE_ADDR="192.0.2.7")
    assert MESSAGE in response.content.decode()
    assert log_in(client, REMOTE_ADDR="192.0.2.8").status_code == 302  # another address


def test_nineteen_failures_from_one_address_are_allowed(client, alice):
    for number in range(19):
        throttle.record_failure(f"iemand{number}", "192.0.2.7")
    assert log_in(client, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_failures_older_than_fifteen_minutes_do_not_count(alice):
    for _ in range(5):
        throttle.record_failure("alice", "192.0.2.1")
    LoginAttempt.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert not throttle.is_throttled("alice", "192.0.2.1")


def test_a_successful_login_clears_the_username_failures(client, alice):
    fail_logins(client, "alice", 4)
    log_in(client)
    client.post(reverse("logout"))
    fail_logins(client, "alice", 4)
    assert log_in(client).status_code == 302


def test_old_attempts_are_pruned(db):
    throttle.record_failure("alice", "192.0.2.1")
    LoginAttempt.objects.update(at=timezone.now() - timedelta(days=2))
    throttle.record_failure("bob", "192.0.2.1")
    assert list(LoginAttempt.objects.values_list("username", flat=True)) == ["bob"]


def test_five_wrong_codes_send_the_user_back_to_the_password_step(client, alice):
    two_factor, _ = enrol(alice)
    log_in(client)
    right = current_code(two_factor)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(4):
        assert client.post(reverse("login_code"), {"code": wrong}).status_code == 200
    response = client.post(reverse("login_code"), {"code": wrong})
    assert response.status_code == 302 and response.url == reverse("login")
    assert MESSAGE in client.get(response.url).content.decode()
    # the right code no longer helps: the pending login is gone and the password is throttled
    assert client.post(reverse("login_code"), {"code": right}).url == reverse("login")
    assert MESSAGE in log_in(client).content.decode()
    assert not logged_in_user(client).is_authenticated


def test_the_proxy_address_is_used_only_behind_the_tls_proxy(client, alice, settings):
    for number in range(20):
        throttle.record_failure(f"iemand{number}", "203.0.113.9")
    headers = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}
    assert log_in(client, **headers).status_code == 302  # header ignored without the proxy
    client.post(reverse("logout"))
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert MESSAGE in log_in(client, **headers).content.decode()
