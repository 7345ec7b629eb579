import time

import pytest
from django.test import override_settings
from django.urls import reverse

from secretaris.accounts import login_flow, totp
from secretaris.accounts.models import AuditEvent, TwoFactor
from secretaris.accounts.tests.helpers import (
    current_code,
    enrol,
    log_in,
    logged_in_user,
    send_code,
)
from secretaris.test import PASSWORD


def test_without_two_factor_the_password_is_enough(client, alice):
    response = log_in(client)
    assert response.status_code == 302 and response.url == reverse("home")
    assert logged_in_user(client) == alice


def test_with_two_factor_the_password_leads_to_the_code_step_without_logging_in(client, alice):
    enrol(alice)
    response = log_in(client)
    assert response.status_code == 302 and response.url == reverse("login_code")
    assert not logged_in_user(client).is_authenticated
    page = client.get(reverse("login_code")).content.decode()
    assert 'inputmode="numeric"' in page and 'autocomplete="one-time-code"' in page


def test_the_right_code_logs_in_and_goes_to_next(client, alice):
    two_factor, _ = enrol(alice)
    client.post(
        reverse("login") + "?next=/over-de-gegevens/", {"username": "alice", "password": PASSWORD}
    )
    response = send_code(client, current_code(two_factor))
    assert response.status_code == 302 and response.url == "/over-de-gegevens/"
    assert logged_in_user(client) == alice
    event = AuditEvent.objects.get(action="login")
    assert event.user == alice and event.detail == {"method": "totp"}


def test_a_wrong_code_is_refused(client, alice):
    two_factor, _ = enrol(alice)
    log_in(client)
    wrong = "000000" if current_code(two_factor) != "000000" else "111111"
    response = send_code(client, wrong)
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not logged_in_user(client).is_authenticated
    assert AuditEvent.objects.filter(action="login_failed", user=alice).exists()


def test_a_code_cannot_be_used_twice(client, alice):
    two_factor, _ = enrol(alice)
    code = current_code(two_factor)
    log_in(client)
    assert send_code(client, code).status_code == 302
    client.post(reverse("logout"))
    log_in(client)
    response = send_code(client, code)
    assert response.status_code == 200
    assert not logged_in_user(client).is_authenticated


def test_an_older_code_is_refused_after_a_newer_one(alice):
    two_factor, _ = enrol(alice)
    now = time.time()
    key = two_factor.key()
    assert two_factor.verify_code(totp.totp(key, now), at=now)
    assert not two_factor.verify_code(totp.totp(key, now - 30), at=now)
    assert two_factor.verify_code(totp.totp(key, now + 30), at=now)


def test_a_recovery_code_logs_in_once(client, alice):
    _, codes = enrol(alice)
    log_in(client)
    response = client.post(reverse("login_recovery"), {"code": codes[0].upper()})
    assert response.status_code == 302
    assert logged_in_user(client) == alice
    assert AuditEvent.objects.filter(action="recovery_code_used", user=alice).exists()
    client.post(reverse("logout"))
    log_in(client)
    response = client.post(reverse("login_recovery"), {"code": codes[0]})
    assert response.status_code == 200
    assert "al gebruikt" in response.content.decode()
    assert not logged_in_user(client).is_authenticated
    assert alice.two_factor.recovery_codes.count() == 9


def test_recovery_codes_are_stored_hashed(alice):
    two_factor, codes = enrol(alice)
    hashes = list(two_factor.recovery_codes.values_list("code_hash", flat=True))
    assert len(codes) == len(hashes) == 10
    assert all(h.startswith("argon2$") for h in hashes)
    assert not any(code.replace("-", "") in h for code in codes for h in hashes)


def test_the_code_step_expires(client, alice):
    two_factor, _ = enrol(alice)
    log_in(client)
    session = client.session
    session[login_flow.PENDING_KEY]["until"] = time.time() - 1
    session.save()
    response = send_code(client, current_code(two_factor))
    assert response.status_code == 302 and response.url == reverse("login")
    assert not logged_in_user(client).is_authenticated


def test_the_code_step_without_a_password_goes_back_to_login(client, alice):
    response = client.get(reverse("login_code"))
    assert response.status_code == 302 and response.url == reverse("login")


def test_the_seed_in_the_database_is_not_the_secret(alice):
    two_factor, _ = enrol(alice)
    assert two_factor.seed != two_factor.secret
    key = two_factor.key()
    assert totp.secret_to_bytes(two_factor.secret) == key
    with override_settings(SECRET_KEY="another-secret-key-" + "x" * 40):
        assert two_factor.key() != key


def test_codes_keep_working_with_the_old_key_in_fallbacks(alice):
    two_factor, _ = enrol(alice)
    code = current_code(two_factor)
    from django.conf import settings

    with override_settings(
        SECRET_KEY="a-rotated-secret-key-" + "y" * 40, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]
    ):
        assert two_factor.verify_code(code)


def test_a_user_enrols_and_sees_the_recovery_codes_once(client, alice):
    client.force_login(alice)
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert '<svg role="img" aria-label="QR-code' in page
    two_factor = TwoFactor.objects.get(user=alice)
    assert " ".join(two_factor.secret[i : i + 4] for i in range(0, 32, 4)) in page
    assert client.get(reverse("two_factor_setup")).context["form"].two_factor == two_factor

    response = client.post(reverse("two_factor_setup"), {"code": current_code(two_factor)})
    assert response.status_code == 302 and response.url == reverse("two_factor_recovery_codes")
    codes = client.get(reverse("two_factor_recovery_codes")).context["codes"]
    assert len(codes) == 10
    again = client.get(reverse("two_factor_recovery_codes"))
    assert again.status_code == 302  # shown once
    two_factor.refresh_from_db()
    assert two_factor.is_confirmed
    assert AuditEvent.objects.filter(action="2fa_enabled", user=alice).exists()


def test_enrolment_refuses_a_wrong_first_code(client, alice):
    client.force_login(alice)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": "12345"})
    assert "Typ de zes cijfers uit de app" in response.content.decode()
    assert not TwoFactor.objects.get(user=alice).is_confirmed


def test_a_user_switches_two_factor_off_with_a_code(client, alice):
    two_factor, _ = enrol(alice)
    client.force_login(alice)
    assert client.post(reverse("two_factor_disable"), {"code": "99999x"}).status_code == 200
    assert TwoFactor.objects.filter(user=alice).exists()
    response = client.post(reverse("two_factor_disable"), {"code": current_code(two_factor)})
    assert response.status_code == 302
    assert not TwoFactor.objects.filter(user=alice).exists()
    assert AuditEvent.objects.filter(action="2fa_disabled", user=alice).exists()


def test_a_lost_phone_switches_off_with_a_recovery_code(client, alice):
    _, codes = enrol(alice)
    client.force_login(alice)
    client.post(reverse("two_factor_disable"), {"code": codes[3]})
    assert not TwoFactor.objects.filter(user=alice).exists()


def test_new_recovery_codes_replace_the_old_ones(client, alice):
    two_factor, old = enrol(alice)
    client.force_login(alice)
    response = client.post(reverse("two_factor_new_codes"), {"code": current_code(two_factor)})
    assert response.url == reverse("two_factor_recovery_codes")
    new = client.get(response.url).context["codes"]
    assert set(new).isdisjoint(old)
    assert not two_factor.use_recovery_code(old[0])
    assert two_factor.use_recovery_code(new[0])


def test_the_security_page_shows_the_state(client, alice):
    client.force_login(alice)
    assert "Staat uit" in client.get(reverse("security")).content.decode()
    enrol(alice)
    page = client.get(reverse("security")).content.decode()
    assert "Staat aan sinds" in page and "nog 10 herstelcodes" in page
    assert reverse("two_factor_disable") in page


def test_the_page_shell_links_to_the_security_page_when_logged_in(client, alice):
    assert reverse("security") not in client.get(reverse("home")).content.decode()
    client.force_login(alice)
    assert reverse("security") in client.get(reverse("home")).content.decode()


# Beheerders


def test_a_beheerder_without_two_factor_is_sent_to_enrolment(client, bob):
    response = log_in(client, "bob")
    assert response.status_code == 302 and response.url == reverse("two_factor_setup")
    for path in [reverse("home"), "/beheer/", reverse("security"), "/gemeenten/utrecht/"]:
        response = client.get(path)
        assert response.status_code == 302 and response.url == reverse("two_factor_setup"), path
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "U bent beheerder" in page


def test_a_beheerder_can_log_out_before_enrolling(client, bob):
    log_in(client, "bob")
    client.post(reverse("logout"))
    assert not logged_in_user(client).is_authenticated


def test_a_beheerder_reaches_the_admin_after_enrolling(client, bob):
    log_in(client, "bob")
    two_factor = TwoFactor.objects.get_or_create(user=bob)[0]
    client.post(reverse("two_factor_setup"), {"code": current_code(two_factor)})
    assert client.get(reverse("two_factor_recovery_codes")).status_code == 200
    assert client.get("/beheer/").status_code == 200


def test_a_beheerder_cannot_switch_two_factor_off(client, bob):
    two_factor, _ = enrol(bob)
    client.force_login(bob)
    client.post(reverse("two_factor_disable"), {"code": current_code(two_factor)})
    assert TwoFactor.objects.get(user=bob).is_confirmed


def test_the_admin_login_page_sends_everyone_to_the_two_step_login(client, db):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=/beheer/"


NEW_KEY = "a-rotated-secret-key-" + "z" * 40


def test_a_key_rotation_keeps_every_app_working_after_the_fallback_is_removed(alice, bob):
    from django.conf import settings
    from django.core.management import call_command

    alice_2fa, _ = enrol(alice)
    bob_2fa, _ = enrol(bob)
    old_key = settings.SECRET_KEY
    alice_key, bob_key = alice_2fa.key(), bob_2fa.key()  # what the two apps hold
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[old_key]):
        call_command("sleutelwissel")
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        for two_factor, app_key in [(alice_2fa, alice_key), (bob_2fa, bob_key)]:
            two_factor.refresh_from_db()
            assert two_factor.key() == app_key
            assert two_factor.verify_code(totp.totp(app_key, time.time()))
    assert alice_2fa.mask and alice_2fa.mask != bob_2fa.mask


def test_a_login_with_the_old_key_rewraps_the_secret(alice):
    from django.conf import settings

    two_factor, _ = enrol(alice)
    app_key, old_key = two_factor.key(), settings.SECRET_KEY
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[old_key]):
        assert two_factor.verify_code(totp.totp(app_key, time.time()))
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        two_factor.refresh_from_db()
        assert two_factor.key() == app_key


def test_a_rotation_without_the_old_key_names_the_users_to_reset(alice):
    from django.core.management import call_command

    enrol(alice)
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]), pytest.raises(SystemExit):
        call_command("sleutelwissel")
