"""The account pages pass axe-core (WCAG 2.1 AA) and two-factor works in a real browser."""

from __future__ import annotations

import time

import pytest

from secretaris.accounts import totp
from tests.browser.test_pages import assert_accessible

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-wachtwoord-42"

PAGES = [
    "/account/inloggen/",
    "/account/wachtwoord-vergeten/",
    "/account/wachtwoord-vergeten/verstuurd/",
    "/account/wachtwoord-vergeten/MQ/ongeldig-token/",
]


@pytest.mark.parametrize("path", PAGES)
def test_account_page_passes_axe_wcag21_aa(page, server_url, path):
    page.goto(server_url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_a_password_reset_request_with_an_error_passes_axe(page, server_url):
    page.goto(server_url + "/account/wachtwoord-vergeten/")
    page.get_by_role("button", name="Stuur mij een link").click()
    assert page.locator("#id_email_error").count() == 1
    assert page.get_by_label("E-mailadres").get_attribute("aria-describedby") == (
        "id_email_helptext id_email_error"
    )
    assert_accessible(page)


def log_in(page, server_url):
    page.goto(server_url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("carol")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_carol_turns_two_factor_on_uses_it_and_turns_it_off(page, server_url):
    """One journey, so that carol ends without two-factor for the other browser tests."""
    log_in(page, server_url)
    page.wait_for_url(server_url + "/")

    page.get_by_role("link", name="Beveiliging").click()
    page.wait_for_url("**/account/beveiliging/")
    assert page.locator("h1").inner_text() == "Beveiliging"
    assert_accessible(page)

    page.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    page.wait_for_url("**/account/beveiliging/tweestapsverificatie/")
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    secret = page.locator("#secret").inner_text()
    code = totp.totp(totp.secret_to_bytes(secret), time.time())
    page.get_by_label("Code uit de app").fill(code)
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    page.wait_for_url("**/account/beveiliging/herstelcodes/")
    assert_accessible(page)
    codes = page.locator("main ol code").all_inner_texts()
    assert len(codes) == 10

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, server_url)
    page.wait_for_url("**/account/inloggen/code/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Gebruik een herstelcode").click()
    page.wait_for_url("**/account/inloggen/herstelcode/")
    assert_accessible(page)
    page.get_by_label("Herstelcode").fill(codes[0])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(server_url + "/")
    assert "nog 9" in page.content()

    page.goto(server_url + "/account/beveiliging/")
    page.get_by_role("link", name="Tweestapsverificatie uitzetten").click()
    assert_accessible(page)
    page.get_by_label("Code uit de app of een herstelcode").fill(codes[1])
    page.get_by_role("button", name="Uitzetten").click()
    page.wait_for_url("**/account/beveiliging/")
    assert "Staat uit" in page.content()
    assert_accessible(page)
