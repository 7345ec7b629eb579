"""The profielschets as a new user makes it: every page passes axe-core (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import assert_accessible

pytestmark = pytest.mark.browser

STEPS = ["algemeen", "competenties", "gemeente", "bestuur", "organisatie", "vacature"]


def log_in(page, server_url):
    page.goto(server_url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("carol")
    page.get_by_label("Wachtwoord", exact=True).fill("browser-test-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_a_new_user_makes_a_profielschets(page, server_url):
    log_in(page, server_url)
    page.goto(server_url + "/profielschetsen/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe profielschets").click()
    assert_accessible(page)
    page.get_by_label("Gemeente").fill("Utrecht")
    page.get_by_role("button", name="Profielschets maken").click()
    page.wait_for_url("**/bewerken/algemeen/")
    base = page.url.rsplit("/bewerken/", 1)[0]
    for step in STEPS:
        page.goto(f"{base}/bewerken/{step}/")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    page.goto(f"{base}/bewerken/competenties/")
    assert page.get_by_text("Waarom:").count() >= 1  # the reasons behind the suggestions
    page.get_by_role("button", name="Opslaan en verder naar de gemeente").click()
    page.wait_for_url("**/bewerken/gemeente/")
    page.goto(f"{base}/bewerken/organisatie/")
    page.get_by_label("Ziekteverzuim (%)").fill("7,4")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()
    page.goto(f"{base}/")
    assert "7,4" in page.content()
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-profiel.png", full_page=True)
    for path in ("versies/", "toegang/"):
        page.goto(f"{base}/{path}")
        assert_accessible(page)
    page.goto(f"{base}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_the_editor_fits_a_phone_of_375_pixels(browser, server_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    page = context.new_page()
    log_in(page, server_url)
    page.goto(server_url + "/profielschetsen/nieuw/")
    page.get_by_label("Gemeente").fill("Wijchen")
    page.get_by_role("button", name="Profielschets maken").click()
    page.wait_for_url("**/bewerken/algemeen/")
    base = page.url.rsplit("/bewerken/", 1)[0]
    for step in STEPS:
        page.goto(f"{base}/bewerken/{step}/")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (step, overflow)
        assert_accessible(page)
    page.goto(f"{base}/bewerken/competenties/")
    box = page.locator(".sec-choice input[type=checkbox]").first.bounding_box()
    label = page.locator(".sec-choice .utrecht-form-label").first.bounding_box()
    assert box["width"] < 40  # a real checkbox, not a text box
    assert 0 <= label["x"] - (box["x"] + box["width"]) < 40  # its label right beside it
    page.screenshot(path="/tmp/i10-profiel-375.png", full_page=True)
    page.goto(f"{base}/")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    page.get_by_role("link", name="Definitief maken…").click()
    assert "definitief maken?" in page.content()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/")
    page.screenshot(path="/tmp/i10-profiel.png", full_page=True)
    context.close()
