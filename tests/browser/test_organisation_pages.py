"""Organisatiebeeld as a new user does it: upload, mapping, result; axe-core on every page."""

from __future__ import annotations

import re
from datetime import date

import pytest

from secretaris.organisation import demo
from tests.browser.conftest import running_server
from tests.browser.test_pages import assert_accessible
from tests.browser.test_profiles_pages import log_in

pytestmark = pytest.mark.browser

JOB_TIMEOUT = 60_000  # ms: the worker looks for work every half second
POLL = "**/*stand=json*"  # organisation.js asking how far the import job got


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """A server with `secretaris worker` beside it: the import runs as a background job."""
    tmp = tmp_path_factory.mktemp("organisation")
    with running_server(
        tmp, database="secretaris_browser_organisation", setup=[["gebruiker", "carol"]], worker=True
    ) as url:
        yield url


def test_upload_mapping_and_result(page, server_url, tmp_path):
    export = tmp_path / "afas-export.csv"
    export.write_bytes(demo.export(demo.generate(4000, date(2025, 12, 31)), "afas"))
    log_in(page, server_url)
    page.goto(server_url + "/organisatiebeeld/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw organisatiebeeld").click()
    page.get_by_label("Gemeente").fill("Utrecht")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/inlezen/")
    assert_accessible(page)
    page.get_by_label("HR-export (CSV of Excel)").set_input_files(str(export))
    page.get_by_label("Peildatum").fill("31-12-2025")
    page.get_by_role("button", name="Bestand controleren").click()
    page.wait_for_url("**/inlezen/kolommen/")
    assert "Stap 2 van 3" in page.content()
    assert "empl_Naam" in page.get_by_role("status").first.inner_text()  # names not read
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-organisatie-kolommen.png", full_page=True)
    page.route(POLL, lambda route: route.abort())  # the progress page holds still for axe
    page.get_by_role("button", name="Controleren en inlezen").click()
    page.wait_for_url(re.compile(r"/organisatiebeeld/\d+/(inlezen/\d+/)?$"))
    if "/inlezen/" in page.url:  # the progress page, while the worker imports
        assert "Stap 3 van 3" in page.content()
        assert_accessible(page)
    page.unroute(POLL)  # the page asks again and opens the outcome when the job is done
    page.wait_for_url(re.compile(r"/organisatiebeeld/\d+/$"), timeout=JOB_TIMEOUT)
    html = page.content()
    assert "Organisatiebeeld Utrecht" in html and "Bron: HR-export, peildatum" in html
    assert "Nederland 2023" in html
    definition = page.get_by_text("Het aantal mensen in dienst op de peildatum")
    assert not definition.is_visible()
    page.get_by_text("Hoe berekend?").first.click()  # the definition, one click away
    assert definition.is_visible()
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-organisatie.png", full_page=True)

    # A file with a bad row: the problems page, nothing imported.
    bad = tmp_path / "fout.csv"
    bad.write_bytes(
        b"Personeelsnummer;Geslacht;Datum in dienst;FTE\r\n"
        b"1;V;01-01-2020;0,8\r\n2;Q;01-01-2020;3\r\n"
    )
    page.get_by_role("link", name="Nieuwe export inlezen").click()
    page.get_by_label("HR-export (CSV of Excel)").set_input_files(str(bad))
    page.get_by_label("Peildatum").fill("31-12-2025")
    page.get_by_role("button", name="Bestand controleren").click()
    page.get_by_role("button", name="Controleren en inlezen").click()
    page.get_by_text("Het bestand is niet ingelezen").wait_for(timeout=JOB_TIMEOUT)
    assert "fte 3 ligt niet tussen 0 en 1,2" in page.content()  # every bad cell of the row
    assert_accessible(page)
    page.screenshot(path="/tmp/secretaris-organisatie-fouten.png", full_page=True)
