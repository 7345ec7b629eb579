"""Every page type passes axe-core (WCAG 2.1 AA) and works as a new user would use it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

PAGES = [
    "/",
    "/gemeenten/sudwest-fryslan/",
    "/gemeenten/utrecht/",
    "/gemeenten/schiermonnikoog/",
    "/gemeenten/castricum/",
    "/gemeenten/voorne-aan-zee/",
    "/gemeenten/zoeken/?q=Haaren",
    "/gemeenten/zoeken/?q=Amstrdam",
    "/gemeenten/zoeken/?q=bergen",
    "/over-de-gegevens/",
    "/account/inloggen/",
    "/bestaat-niet/",
]


def assert_accessible(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_page_passes_axe_wcag21_aa(page, server_url, path):
    page.goto(server_url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_a_new_user_searches_sudwest_and_sees_the_dossier(page, server_url):
    page.goto(server_url + "/")
    page.get_by_label("Zoek een gemeente").fill("sudwest")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/gemeenten/sudwest-fryslan/")
    assert page.locator("h1").inner_text() == "Súdwest-Fryslân"
    assert page.locator("svg[role=img]").count() >= 2  # hemicycle and age structure
    assert page.get_by_text("Bron:").count() > 5
    page.screenshot(path="/tmp/secretaris-sudwest.png", full_page=True)


def test_the_skip_link_moves_focus_to_the_content(page, server_url):
    page.goto(server_url + "/gemeenten/utrecht/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "inhoud" in focused.lower()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_a_new_user_finds_sneek_and_reads_who_governs(page, server_url):
    page.goto(server_url + "/")
    page.get_by_label("Zoek een gemeente").fill("Sneek")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/gemeenten/sudwest-fryslan/")
    bestuur = page.locator("#bestuur")
    assert "Register van Overheidsorganisaties, bijgewerkt" in bestuur.inner_text()
    assert page.locator("#financien svg[role=img]").count() == 1  # lasten per taakveld
    page.locator("#financien").screenshot(path="/tmp/secretaris-financien.png")


def test_the_dossier_is_usable_on_a_phone(browser, server_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(server_url + "/gemeenten/sudwest-fryslan/")
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow
    assert_accessible(page)
    context.close()
