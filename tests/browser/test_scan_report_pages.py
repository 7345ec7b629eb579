"""The secretary reads the frozen report and writes a development plan: axe-core clean."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import assert_accessible

pytestmark = pytest.mark.browser


def test_the_secretary_reads_the_report_and_makes_a_plan(page, server_url):
    page.goto(server_url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("demo-secretaris")
    page.get_by_label("Wachtwoord", exact=True).fill("browser-test-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    page.goto(server_url + "/ontwikkelscan/1/rapport/")
    assert page.locator("h1").inner_text() == "Rapport ontwikkelscan"
    assert page.locator("svg[role=img]").count() >= 1  # the radar
    assert "Blinde vlekken" in page.content()
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-rapport.png", full_page=True)
    assert page.get_by_role("navigation", name="In dit rapport").count() == 1
    for path in ("ontwikkelplan/", "rapport/coach/"):
        page.goto(f"{server_url}/ontwikkelscan/1/{path}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)

    # The plan: the proposed focus, one suggestion taken over, and its status tracked.
    page.goto(f"{server_url}/ontwikkelscan/1/ontwikkelplan/")
    page.get_by_role("button", name="Focus opslaan").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Overnemen").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Op bezig zetten").first.click()
    page.wait_for_load_state()
    assert "Bezig sinds" in page.content()
    assert_accessible(page)
    assert page.get_by_role("link", name="Plan als PDF").count() == 1


def test_the_report_is_not_for_others(page, server_url):
    page.goto(server_url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("carol")
    page.get_by_label("Wachtwoord", exact=True).fill("browser-test-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    response = page.goto(server_url + "/ontwikkelscan/1/rapport/")
    assert response.status == 404
