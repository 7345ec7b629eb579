"""The ontwikkelscan as people use it: a coordinator sets it up, a rater answers on a phone.

This test runs its own `secretaris serve`, because it needs the server's email: the server
sends through a real local SMTP server started here, and the test reads the personal link
from the invitation that arrives. Every page passes axe-core (WCAG 2.1 AA).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from secretaris.smtp_testing import LocalSMTPServer, free_port
from tests.browser.conftest import running_server
from tests.browser.test_pages import assert_accessible

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "browser-test-wachtwoord-42"
LINK = re.compile(r"https?://\S+/scan/antwoord/[A-Za-z0-9_-]+/")
PHONE = {"width": 375, "height": 800}


@pytest.fixture(scope="module")
def scan_server(tmp_path_factory):
    """(url, smtp): a production-like server whose email arrives at `smtp`."""
    tmp = tmp_path_factory.mktemp("scan-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with LocalSMTPServer() as smtp:
        mail = {
            "SITE_URL": url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": smtp.host,
            "EMAIL_PORT": str(smtp.port),
        }
        setup = [
            ["gebruiker", "carol", "--email", "carol@example.nl", "--naam", "Carol de Jong"],
            ["gebruiker", "dave", "--email", "dave@example.nl", "--naam", "Dave Dekker"],
        ]
        with running_server(
            tmp,
            database="secretaris_browser_scan",
            setup=setup,
            port=port,
            extra_env=mail,
            worker=True,
        ):
            yield url, smtp


def no_sideways_scrolling(page) -> bool:
    return not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")


def log_in(page, url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def set_up_scan(page, url: str) -> None:
    """Carol makes a scan for herself, names Dave coordinator and nominates three people
    (one of them at a look-alike of her own address); Dave confirms it, approves the list
    and sends the invitations."""
    log_in(page, url, "carol")
    page.goto(url + "/ontwikkelscan/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe ontwikkelscan").click()
    assert_accessible(page)
    page.get_by_label("Gemeente").fill("Utrecht")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Einddatum").fill((date.today() + timedelta(days=21)).isoformat())
    page.get_by_label("Visie").check()
    page.get_by_role("button", name="Scan maken").click()
    page.wait_for_url("**/groepen/")
    assert_accessible(page)
    page.get_by_role("link", name="Verder naar de beoordelaars").click()
    page.get_by_label("Plak de lijst").fill("Bea Burgemeester, bea@utrecht.nl, burgemeestr")
    page.get_by_role("button", name="Op de lijst zetten").click()
    page.wait_for_load_state()
    assert "Bedoelt u Burgemeester?" in page.content()
    assert_accessible(page)  # the page with line errors
    page.get_by_label("Plak de lijst").fill(
        "Bea Burgemeester, bea@utrecht.nl, burgemeester\n"
        "Wim Wethouder; wim@utrecht.nl; wethouder\n"
        "Mia Manager\tcarol+mt@example.nl\tMT"
    )
    page.get_by_role("button", name="Op de lijst zetten").click()
    page.wait_for_load_state()
    assert "3 beoordelaars zijn toegevoegd" in page.content()
    assert_accessible(page)
    scan_url = page.url.rsplit("/beoordelaars/", 1)[0]
    page.goto(scan_url + "/instellingen/")
    page.get_by_label("Coördinator (gebruikersnaam)").fill("dave")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    log_in(page, url, "dave")
    page.goto(scan_url + "/beoordelaars/")
    assert "het eigen e-mailadres van de secretaris" in page.content()
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-scan-coordinator.png", full_page=True)
    page.get_by_role("button", name=re.compile("Klopt, bevestigen")).click()
    page.wait_for_load_state()
    page.get_by_role("button", name=re.compile("Lijst goedkeuren")).click()
    page.wait_for_load_state()
    page.get_by_role("button", name=re.compile("Uitnodigingen versturen")).click()
    page.wait_for_load_state()
    assert "De uitnodigingen gaan nu op de achtergrond weg" in page.content()
    for _ in range(60):  # the worker sends them; the dashboard shows how far it got
        if "Klaar: 4 e-mails verstuurd." in page.content():  # Carol herself too
            break
        page.wait_for_timeout(500)
        page.reload()
    assert "Klaar: 4 e-mails verstuurd." in page.content()
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-scan-voortgang.png", full_page=True)
    dashboard = page.url
    page.set_viewport_size(PHONE)  # the coordinator on a phone: no sideways scrolling
    for path in (dashboard, dashboard + "beoordelaars/"):
        page.goto(path)
        assert no_sideways_scrolling(page), path
        assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-scan-beoordelaars-telefoon.png", full_page=True)
    page.goto(dashboard)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_rater_answers_on_a_phone_from_the_link_in_the_email(browser, page, scan_server):
    url, smtp = scan_server
    set_up_scan(page, url)
    invitation = next(
        m for m in smtp.wait_for_messages(4) if m["To"] == "bea@utrecht.nl"
    ).get_content()
    link = LINK.search(invitation).group(0)

    phone = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    phone.goto(link)
    assert "U bent de enige in de groep Burgemeester" in phone.content()
    assert phone.get_by_role("navigation", name="Hoofdmenu").count() == 0  # no site menu
    assert "Inloggen" not in phone.content() and "Bronnen" not in phone.content()
    assert "7 pagina's" in phone.content() and "ongeveer 11 minuten" in phone.content()
    assert phone.get_by_label(re.compile("^Samenvoegen")).is_checked()  # merged by default
    assert no_sideways_scrolling(phone)
    assert_accessible(phone)
    phone.get_by_role("button", name="Beginnen").click()
    phone.wait_for_url("**/1/")

    # An empty page: the errors are listed and linked, and still accessible.
    phone.get_by_role("button", name="Opslaan en verder").click()
    phone.wait_for_load_state()
    assert "Nog niet alles is ingevuld" in phone.content()
    assert_accessible(phone)

    steps = 0
    while "/afronden/" not in phone.url:
        steps += 1
        assert phone.locator("h1").count() == 1
        assert f"Pagina {steps} van 7" in phone.content()  # 6 core + visie
        assert "Opslaan en later verder" in phone.content()
        assert no_sideways_scrolling(phone)
        assert_accessible(phone)
        scales = phone.locator("fieldset.sec-scale")
        first = scales.nth(0).get_by_label("1 – nooit/zelden")
        first.focus()
        phone.keyboard.press("Space")  # the keyboard works: select, then move on
        phone.keyboard.press("ArrowDown")
        assert scales.nth(0).get_by_label("2 – soms").is_checked()
        for n in range(1, scales.count()):
            scales.nth(n).get_by_label("4 – vaak").check()
        phone.get_by_label("Wat gaat goed?").fill("Duidelijk in het driehoeksoverleg.")
        if steps == 1:
            phone.screenshot(path="/tmp/secretaris-scan-stap.png", full_page=True)
        if steps == 2:  # stop half-way, and come back with the same link
            phone.get_by_role("button", name="Opslaan en later verder").click()
            phone.wait_for_url("**/later/")
            assert "Uw antwoorden zijn bewaard" in phone.content()
            assert no_sideways_scrolling(phone)
            assert_accessible(phone)
            phone.goto(link)
            phone.wait_for_url("**/3/")
            continue
        phone.get_by_role("button", name=re.compile("^Opslaan en (verder|controleren)$")).click()
        phone.wait_for_load_state()
    assert steps == 7
    assert_accessible(phone)
    phone.get_by_role("button", name="Versturen").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Bedankt!"
    assert_accessible(phone)
    phone.screenshot(path="/tmp/secretaris-scan-telefoon.png", full_page=True)

    # The coordinator sees that Bea is done, and nothing of what she answered.
    page.reload()
    assert "Klaar" in page.content() and "driehoeksoverleg" not in page.content()
    phone.context.close()
