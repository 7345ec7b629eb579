"""The selection procedure as a committee uses it, in a real browser, every page with axe.

Vera (burgemeester) finalises a profile, starts the procedure, sets up two-factor
authentication, accepts the confidentiality statement, invites Lars (the invitation
arrives at a real local SMTP server), adds an applicant with a CV and scores her. Lars
logs in, sees nothing of Vera's scores until he submits his own, then sees who said what.
Vera records the committee's ranking, the OR advice and the advice, and downloads it.
"""

from __future__ import annotations

import re
import time

import pytest

from secretaris.accounts import totp
from secretaris.selection.tests import files
from secretaris.smtp_testing import LocalSMTPServer, free_port
from tests.browser.conftest import running_server
from tests.browser.test_pages import assert_accessible

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-wachtwoord-42"


@pytest.fixture(scope="module")
def selection_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("selection-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with LocalSMTPServer() as smtp:
        env = {
            "SITE_URL": url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": smtp.host,
            "EMAIL_PORT": str(smtp.port),
            "SELECTION_PRIVATE_DIR": str(tmp / "private"),
        }
        setup = [
            ["gebruiker", "vera", "--email", "vera@example.nl"],
            ["gebruiker", "lars", "--email", "lars@example.nl"],
        ]
        with running_server(
            tmp,
            database="secretaris_browser_selection",
            setup=setup,
            port=port,
            extra_env=env,
            worker=True,  # rejection letters go by email through the queue
        ):
            yield url, smtp, tmp


def log_in(page, url: str, username: str) -> None:
    page.goto(url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def set_up_two_factor(page) -> None:
    page.wait_for_url("**/account/beveiliging/tweestapsverificatie/")
    secret = page.locator("#secret").inner_text()
    page.get_by_label("Code uit de app").fill(totp.totp(totp.secret_to_bytes(secret), time.time()))
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    page.wait_for_url("**/account/beveiliging/herstelcodes/")


def accept_statement(page) -> None:
    page.wait_for_url("**/geheimhouding/")
    assert_accessible(page)
    page.get_by_label("Ik houd alles wat ik in deze procedure zie en hoor geheim.").check()
    page.get_by_role("button", name="Akkoord, verder").click()


def fill_scorecard(page, score: str, advice: str) -> None:
    for radio in page.locator(f"input[name^='score_'][value='{score}']").all():
        radio.check()
    page.get_by_label(advice, exact=True).check()
    page.get_by_role("button", name="Insturen").click()
    page.wait_for_load_state()


def test_a_committee_goes_from_profile_to_advice(browser, selection_server):
    url, smtp, tmp = selection_server
    vera = browser.new_context(locale="nl-NL").new_page()
    log_in(vera, url, "vera")
    # A definitief profile to start from.
    vera.goto(url + "/profielschetsen/nieuw/")
    vera.get_by_label("Gemeente").fill("Utrecht")
    vera.get_by_role("button", name="Profielschets maken").click()
    vera.wait_for_url("**/bewerken/**")
    vera.goto(vera.url.split("/bewerken/")[0] + "/")
    vera.get_by_role("link", name="Definitief maken…").click()
    vera.get_by_role("button", name="Ja, definitief maken").click()
    vera.wait_for_load_state()

    vera.goto(url + "/selectie/")
    assert_accessible(vera)
    vera.get_by_role("link", name="Nieuwe procedure").click()
    assert_accessible(vera)
    vera.get_by_label("Profielschets").select_option(index=1)
    vera.get_by_label("Naam van de procedure").fill("Gemeentesecretaris 2026")
    vera.get_by_role("button", name="Procedure starten").click()
    set_up_two_factor(vera)
    vera.goto(url + "/selectie/")
    vera.get_by_role("link", name="Gemeentesecretaris 2026").click()
    accept_statement(vera)
    procedure_url = vera.url
    assert_accessible(vera)

    # The committee: Lars is invited by email.
    vera.get_by_role("link", name="Commissie").click()
    assert_accessible(vera)
    vera.get_by_label("Naam").fill("Lars de Vries")
    vera.get_by_label("E-mailadres").fill("lars@example.nl")
    vera.get_by_label("Rol").select_option("lid")
    vera.get_by_role("button", name="Uitnodigen").click()
    invitation = smtp.wait_for_messages(1)[0].get_payload(decode=True).decode()
    assert procedure_url.removeprefix(url) in invitation

    # An applicant with a CV, in the first round.
    vera.goto(procedure_url)
    vera.get_by_role("link", name="Kandidaat toevoegen").click()
    assert_accessible(vera)
    vera.get_by_label("Naam").fill("Anna Albers")
    vera.get_by_label("Toestemming om referenties na te gaan").check()
    vera.get_by_role("button", name="Toevoegen").click()
    assert "Kent u Anna Albers?" in vera.locator("h1").inner_text()
    assert_accessible(vera)
    vera.get_by_label("Nee, ik heb geen band met deze kandidaat").check()
    vera.get_by_role("button", name="Melding opslaan").click()
    cv = tmp / "cv-anna.pdf"
    cv.write_bytes(files.pdf())
    vera.get_by_label("Bestand").set_input_files(str(cv))
    vera.get_by_role("button", name="Toevoegen").click()
    vera.get_by_label("Bereikte fase").select_option("eerste_ronde")
    vera.get_by_role("button", name="Stand opslaan").click()
    assert_accessible(vera)
    with vera.expect_download() as download:
        vera.get_by_role("link", name="Cv (PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

    vera.get_by_role("link", name="uw scorekaart").click()
    assert_accessible(vera)
    fill_scorecard(vera, "4", "Sterk ja")
    assert "Uw scorekaart is ingestuurd" in vera.content()

    # Lars: two-factor, the statement, a declaration; Vera's scores stay hidden until he
    # submits his own card.
    lars = browser.new_context(locale="nl-NL").new_page()
    log_in(lars, url, "lars")
    lars.goto(procedure_url)
    set_up_two_factor(lars)
    lars.goto(procedure_url)
    accept_statement(lars)
    lars.get_by_role("link", name="Anna Albers").click()
    lars.get_by_label("Nee, ik heb geen band met deze kandidaat").check()
    lars.get_by_role("button", name="Melding opslaan").click()
    lars.get_by_role("link", name="scorekaarten van de commissie").click()
    assert "pas als u uw eigen scorekaart heeft ingestuurd" in lars.content()
    assert "Vera" not in lars.locator("main").inner_text().replace("Voorzitter", "")
    assert_accessible(lars)
    lars.go_back()
    lars.get_by_role("link", name="uw scorekaart").click()
    fill_scorecard(lars, "2", "Nee")
    lars.get_by_role("link", name="Kalibratie ronde 1").click()
    # Both cards are in, so everyone sees who said what.
    assert "groot verschil" in lars.content()
    assert "vera: <strong>4</strong>" in lars.content()
    assert "Lars de Vries: <strong>2</strong>" in lars.content()
    assert_accessible(lars)
    lars.screenshot(path="/tmp/secretaris-selection-calibration.png", full_page=True)

    # Vera: the committee's ranking, the OR advice, the advice, the documents.
    vera.goto(procedure_url)
    vera.get_by_role("link", name="Kalibratie ronde 1").click()
    vera.get_by_label("Plaats van Anna Albers").fill("1")
    vera.get_by_role("button", name="Rangorde van de commissie opslaan").click()
    assert_accessible(vera)
    vera.get_by_role("link", name="Vragen ronde 1").click()
    assert_accessible(vera)
    vera.get_by_role("link", name="Fase en criteria").click()
    assert_accessible(vera)
    vera.get_by_role("link", name="OR-advies").click()
    assert_accessible(vera)
    vera.get_by_label("Advies van de OR").select_option("positief")
    vera.get_by_label("Datum van het OR-advies").fill("2026-11-02")
    vera.get_by_label("Tekst van het OR-advies").fill("De OR steunt de voordracht.")
    vera.get_by_role("button", name="Opslaan").click()
    vera.get_by_role("link", name="Advies aan het college").click()
    vera.get_by_label("Kandidaat die de commissie voordraagt").select_option(label="Anna Albers")
    vera.get_by_label("Onderbouwing van het advies").fill("Anna Albers past het best.")
    vera.get_by_role("button", name="Advies opslaan").click()
    assert "adviseert het college om Anna Albers te benoemen" in vera.locator("main").inner_text()
    assert_accessible(vera)
    vera.screenshot(path="/tmp/secretaris-selection-advice.png", full_page=True)
    with vera.expect_download() as download:
        vera.get_by_role("link", name="Advies als PDF").click()
    assert download.value.suggested_filename == "advies-benoeming-utrecht.pdf"

    # A rejected applicant gets the letter by email, through the queue.
    vera.goto(procedure_url)
    vera.get_by_role("link", name="Kandidaat toevoegen").click()
    vera.get_by_label("Naam").fill("Bram Bakker")
    vera.get_by_label("E-mailadres").fill("bram@example.nl")
    vera.get_by_role("button", name="Toevoegen").click()
    vera.get_by_label("Nee, ik heb geen band met deze kandidaat").check()
    vera.get_by_role("button", name="Melding opslaan").click()
    vera.get_by_label("Stand", exact=True).select_option("afgewezen")
    vera.get_by_role("button", name="Stand opslaan").click()
    vera.get_by_role("link", name="Afwijzingsbrief").click()
    assert_accessible(vera)
    vera.get_by_role("button", name="Brief per e-mail versturen").click()
    letter = smtp.wait_for_messages(2)[1]
    assert (
        letter["To"] == "bram@example.nl"
        and "Beste Bram Bakker" in letter.get_payload(decode=True).decode()
    )
    vera.reload()
    assert "Verstuurd op" in vera.locator("main").inner_text()
    assert_accessible(vera)

    # Lars leaves the committee: from his next click on he sees nothing.
    vera.get_by_role("link", name="Commissie").click()
    vera.get_by_role("link", name=re.compile(r"uit de commissie halen\W+Lars de Vries")).click()
    assert_accessible(vera)
    vera.get_by_label("Ja, haal dit lid uit de commissie.").check()
    vera.get_by_role("button", name="Lars de Vries uit de commissie halen").click()
    assert "Uit de commissie gehaald" in vera.locator("main").inner_text()
    assert_accessible(vera)
    assert lars.goto(procedure_url).status == 404
    vera.get_by_role("link", name="Kalibratie ronde 1").click()
    assert "Lars de Vries (uit de commissie gehaald)" in vera.locator("main").inner_text()
    assert_accessible(vera)

    # An outsider finds nothing.
    outsider = browser.new_context(locale="nl-NL").new_page()
    response = outsider.goto(procedure_url)
    assert "/account/inloggen/" in outsider.url and response.ok
