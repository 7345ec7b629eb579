"""The interview kit and the advice to the college, read back from PDF and DOCX."""

import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from secretaris.selection.tests.conftest import candidate, fill, member

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def decided(procedure):
    """Every card of round 1 is in; the committee proposes Anna; the OR agrees."""
    fill(procedure, "vera", "Anna", 5, advice="sterk_ja")
    fill(procedure, "lars", "Anna", 4, advice="ja")
    fill(procedure, "otto", "Anna", 4, advice="ja")
    for who in ("vera", "lars", "otto"):
        fill(procedure, who, "Bram", 2, advice="nee")
    procedure.proposed = candidate(procedure, "Anna")
    procedure.advice_reasons = "Anna Albers verbindt bestuur en organisatie.\n\nZij kent de regio."
    procedure.or_advice = "positief"
    procedure.or_advice_date = "2026-11-02"
    procedure.or_advice_text = "De OR steunt de voordracht van harte."
    procedure.save()
    return procedure


def test_the_interview_kit_pdf_holds_the_questions_and_the_star_probes(client, procedure):
    client.force_login(member(procedure, "lars").user)
    response = client.get(reverse("selection:kit_pdf", args=[procedure.pk, 1]))
    text = pdf_text(response.content)
    assert "Gesprekshandleiding eerste ronde" in text
    first = procedure.questions.filter(round=1).first()
    assert first.text[:40] in text.replace("\n", " ")
    assert "Situatie:" in text and "Vertrouwelijk" in text


def test_edited_questions_end_up_in_the_kit(client, procedure):
    client.force_login(member(procedure, "sanne").user)
    questions = list(procedure.questions.filter(round=2))
    data = {f"q{q.pk}": q.text for q in questions}
    data[f"q{questions[0].pk}"] = "Hoe bracht u de raad en het college weer bij elkaar?"
    client.post(reverse("selection:kit", args=[procedure.pk, 2]), data)
    text = pdf_text(client.get(reverse("selection:kit_pdf", args=[procedure.pk, 2])).content)
    assert "Hoe bracht u de raad en het college weer bij elkaar?" in text


def test_the_advice_pdf_holds_advice_committee_criteria_candidates_and_or_advice(client, decided):
    client.force_login(member(decided, "vera").user)
    text = pdf_text(client.get(reverse("selection:advice_file", args=[decided.pk, "pdf"])).content)
    flat = text.replace("\n", " ")
    assert "adviseert het college om Anna Albers te benoemen" in flat
    assert "Zij kent de regio." in flat
    assert "Otto Ondernemingsraad" in flat and "Lid namens de OR" in flat
    assert "Bestuurlijke & politieke sensitiviteit" in flat
    assert "Bram Bakker" in flat and "De OR steunt de voordracht van harte." in flat
    assert "Scores per commissielid" not in flat


def test_individual_scores_are_in_the_advice_only_when_the_committee_chooses(client, decided):
    decided.show_individual_scores = True
    decided.save()
    client.force_login(member(decided, "vera").user)
    content = client.get(reverse("selection:advice_file", args=[decided.pk, "docx"])).content
    document = docx.Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Scores per commissielid" in headings
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Vera Voorzitter" in cells and "Sterk ja" in cells


def test_the_advice_waits_until_every_card_of_the_last_round_is_in(client, procedure):
    fill(procedure, "vera", "Anna", 5)
    client.force_login(member(procedure, "vera").user)
    assert (
        client.get(reverse("selection:advice_file", args=[procedure.pk, "pdf"])).status_code == 404
    )
    page = client.get(reverse("selection:advice", args=[procedure.pk])).content.decode()
    assert "als alle scorekaarten van de laatste ronde zijn ingestuurd" in page


def test_the_calibration_shows_the_formula_beside_the_committee(client, decided):
    client.force_login(member(decided, "vera").user)
    url = reverse("selection:calibration", args=[decided.pk, 1])
    anna, bram = candidate(decided, "Anna"), candidate(decided, "Bram")
    client.post(url, {f"rank_{anna.pk.hex}": "2", f"rank_{bram.pk.hex}": "1"})
    data = client.get(url, {"format": "json"}).json()
    assert data["ranking_shown"]
    first, second = data["candidates"]
    assert first["name"] == "Anna Albers" and first["formula_place"] == 1
    assert first["committee_place"] == 2
    assert "anders dan de formule" in client.get(url).content.decode()


def test_the_advice_says_who_stepped_aside_without_naming_the_applicant(client, decided):
    from secretaris.selection.models import Candidate

    cas = Candidate.objects.create(procedure=decided, name="Cas Claes")
    member(decided, "otto").declarations.create(candidate=cas, conflict=True)
    client.force_login(member(decided, "vera").user)
    content = client.get(reverse("selection:advice_file", args=[decided.pk, "docx"])).content
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert "Otto Ondernemingsraad meldde bij 1 sollicitant een persoonlijke" in text
    assert "Cas Claes" not in text
