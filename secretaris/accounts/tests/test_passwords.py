import re
from urllib.parse import urlparse

from django.contrib.auth.hashers import get_hasher, make_password
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.accounts.tests.helpers import log_in, logged_in_user
from secretaris.jobs.testing import run_jobs
from secretaris.test import PASSWORD

NEW_PASSWORD = "een-heel-nieuw-wachtwoord-2026"


def test_passwords_are_hashed_with_argon2(alice):
    assert get_hasher().algorithm == "argon2"
    assert alice.password.startswith("argon2$argon2id$")
    assert alice.check_password(PASSWORD)


def test_an_old_pbkdf2_hash_still_works_and_is_upgraded_to_argon2(client, alice):
    alice.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    alice.save()
    assert log_in(client).status_code == 302
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$")


def test_the_login_page_links_to_password_reset(client, db):
    page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in page
    assert "Wachtwoord vergeten?" in page


def test_a_user_changes_the_password(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response.url == reverse("password_change_done")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert logged_in_user(client).is_authenticated  # the session survives the change
    assert AuditEvent.objects.filter(action="password_changed", user=alice).exists()


def test_a_wrong_current_password_is_refused_in_dutch(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_old_password_error"' in body
    assert "Uw oude wachtwoord is niet juist ingevoerd" in body


def test_a_password_reset_mail_arrives_over_smtp_and_its_link_sets_a_new_password(
    client, alice, smtp_server
):
    response = client.post(reverse("password_reset"), {"email": "alice@example.nl"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    run_jobs()  # `secretaris worker` sends it

    message = smtp_server.wait_for_messages(1)[0]
    assert message["To"] == "alice@example.nl"
    assert "wachtwoord" in message["Subject"].lower()
    body = message.get_content()
    assert "Beste alice" in body
    link = re.search(r"http://testserver(/\S+/)", body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")

    assert log_in(client, "alice", PASSWORD).status_code == 200  # the old one is gone
    assert log_in(client, "alice", NEW_PASSWORD).status_code == 302
    assert logged_in_user(client).username == "alice"
    actions = set(AuditEvent.objects.filter(user=alice).values_list("action", flat=True))
    assert {"password_reset_requested", "password_reset", "login"} <= actions


def test_a_reset_link_works_only_once(client, alice, smtp_server):
    client.post(reverse("password_reset"), {"email": "alice@example.nl"})
    run_jobs()
    body = smtp_server.wait_for_messages(1)[0].get_content()
    path = urlparse(re.search(r"http://testserver/\S+/", body).group(0)).path
    url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(path, follow=True).content.decode()
    assert "Deze link werkt niet meer" in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, alice, smtp_server):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.nl"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    run_jobs()
    assert smtp_server.messages == []
