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


def test_the_username_count_ignores_case_and_address(client, alice):
    fail_logins(client, "Alice", 3, REMOTE_ADDR="10.0.0.1")
    fail_logins(client, "alice ", 2, REMOTE_ADDR="10.0.0.2")
    assert MESSAGE in log_in(client, REMOTE_ADDR="10.0.0.3").content.decode()


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
