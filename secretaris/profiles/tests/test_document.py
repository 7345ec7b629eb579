"""The profielschets as a consultant sends it: PDF and DOCX read back."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

from secretaris.documents.docx import render_docx
from secretaris.documents.pdf import render_pdf
from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.logo import clean_logo
from secretaris.profiles.presenter import profile_document
from secretaris.profiles.tests.images import png_bytes

pytestmark = pytest.mark.django_db

ORDER = [
    "Waarom deze vacature",
    "Wie zoeken wij",
    "De gemeente",
    "Het bestuur",
    "Regionale samenwerking",
    "Financiën",
    "De organisatie",
    "De functie",
    "Competenties",
    "Wat bieden wij",
    "De procedure",
    "Bronnen",
]
#: Machine-speak and data notes that belong in the editor, never in the document.
INTERNAL = (
    "Wettelijke raadsgrootte",
    "CBS-inwonertal",
    "Effectief aantal partijen",
    "effectieve aantal partijen",
    "deeltijdwethouders",
    "Nog in te vullen",
    "niets ingevuld",
    "Geen fusieplannen bekend",
    "COROP",
)


def filled(name: str):
    profile = draft_profile(Gemeente.objects.get(name=name), save=False)
    profile.bestuur = {
        "coalition_parties": "Kernachtig Wijchen\nVVD\nD66",
        "coalition_since": "2026-06-01",
        "bestuursmodel": "collegiaal",
        "bestuurscultuur": "Open en informeel; raad en college zoeken elkaar op.",
    }
    profile.vacancy = {
        "schaal": 16,
        "salary_max": "8900",
        "hours": "36",
        "closing_date": "2027-01-15",
        "first_round": "2027-01-28",
        "assessment": True,
        "screening": True,
        "committee": "Burgemeester (voorzitter)\nEen wethouder\nEen lid van de OR",
        "contacts": "A. de Vries, adviseur, 06 12345678",
        "agency": "Werving & Co",
    }
    profile.updated_at = datetime(2026, 12, 6, 23, 19, tzinfo=UTC)  # 00:19 in Amsterdam
    profile.logo = clean_logo(png_bytes(300, 120))
    return profile


@pytest.fixture(scope="module")
def wijchen(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return filled("Wijchen")


@pytest.fixture(scope="module")
def pdf_text(wijchen) -> str:
    reader = PdfReader(io.BytesIO(render_pdf(profile_document(wijchen))))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def word(wijchen):
    return read_docx(io.BytesIO(render_docx(profile_document(wijchen))))


def test_pdf_sections_come_in_the_agencies_order(wijchen):
    reader = PdfReader(io.BytesIO(render_pdf(profile_document(wijchen))))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ORDER


def test_pdf_title_page_names_the_municipality_the_agency_and_the_local_date(pdf_text):
    first = pdf_text.split("Inhoud")[0]
    assert "Gemeente Wijchen" in first
    assert "Werving & Co" in first
    assert "7 december 2026" in first  # Europe/Amsterdam, not UTC's 6 December
    assert "Secretaris" not in first.split("Profielschets")[0]


def test_pdf_has_no_internal_notes(pdf_text):
    for text in INTERNAL:
        assert text not in pdf_text, text


def test_pdf_speaks_to_the_candidate_as_je_never_as_u(pdf_text):
    assert " je " in pdf_text
    assert not re.search(r"\b[Uu]\b(?! ?%)", pdf_text.replace("U.", ""))


def test_pdf_has_the_vacancy_facts(pdf_text):
    text = " ".join(pdf_text.split())
    assert "schaal 16 van de Cao Gemeenten, tot maximaal € 8.900 bruto per maand bij 36 uur" in text
    assert "Individueel Keuzebudget (IKB)" in text
    assert "Wet normering topinkomens (WNT)" in text
    assert "Je kunt reageren tot en met 15 januari 2027." in text
    assert "28 januari 2027" in text
    assert "integriteitsonderzoek" in text
    assert "A. de Vries, adviseur, 06 12345678" in text


def test_pdf_has_the_bestuur_from_the_register_and_the_notes(pdf_text):
    text = " ".join(pdf_text.split())
    assert "Burgemeester" in text and "Griffier" in text
    assert "Kernachtig Wijchen, VVD en D66 (sinds 1 juni 2026)" in text
    assert "Collegiaal model" in text
    assert "Open en informeel" in text
    # The seat chart's legend: party, seats, with the usual name of the list.
    assert "Kernachtig Wijchen (10)" in text
    assert "GroenLinks-PvdA (4)" in text


def test_pdf_names_the_shared_civil_service(pdf_text):
    assert "Werkorganisatie Druten Wijchen" in pdf_text


def test_docx_has_a_table_of_contents_field_and_word_updates_it(word):
    body = word.element.body.xml
    assert 'TOC \\o "1-2"' in body
    assert word.settings.element.xml.count("updateFields") == 1


def test_docx_properties_are_real(word):
    props = word.core_properties
    assert props.title == "Gemeente Wijchen"
    assert props.author == "Werving & Co"
    assert abs(props.created - datetime.now(UTC)) < timedelta(minutes=5)
    assert props.modified >= props.created
    assert "Microsoft" not in (props.last_modified_by or "")


def test_docx_headings_follow_the_agencies_order(word):
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == ORDER


def test_docx_has_the_logo_on_the_title_page(word):
    assert len(word.inline_shapes) >= 2  # the logo and the charts
    assert word.inline_shapes[0].height <= 2.5 * 360000 + 1


def test_docx_keeps_short_lists_together(word):
    items = [p for p in word.paragraphs if p.style.name == "List Bullet"]
    assert any(p.paragraph_format.keep_with_next for p in items)


def test_docx_and_pdf_have_no_internal_notes(word):
    text = "\n".join(p.text for p in word.paragraphs)
    for note in INTERNAL:
        assert note not in text, note


def test_an_unfilled_vacancy_leaves_dates_out_rather_than_printing_placeholders():
    profile = draft_profile(Gemeente.objects.get(name="Schiermonnikoog"), save=False)
    doc = profile_document(profile)
    procedure = next(s for s in doc.sections if s.title == "De procedure")
    steps = procedure.blocks[0].items
    assert steps[0] == "Je reageert met een brief en je cv."
    assert not any("…" in s or "nog" in s.lower() for s in steps)


def test_a_three_way_tie_is_not_called_the_largest_party():
    profile = draft_profile(Gemeente.objects.get(name="Schiermonnikoog"), save=False)
    assert "Alle partijen hebben evenveel zetels: 3." in profile.texts["bestuur"]
    assert "grootste partij is" not in profile.texts["bestuur"]


def test_situational_competencies_show_an_example_for_the_size_of_the_municipality():
    island = profile_document(
        draft_profile(Gemeente.objects.get(name="Schiermonnikoog"), save=False)
    )
    city = profile_document(draft_profile(Gemeente.objects.get(name="Utrecht"), save=False))

    def examples(doc):
        competencies = next(s for s in doc.sections if s.title == "Competenties")
        chosen = competencies.subsections[1].subsections
        return {
            p.text
            for c in chosen
            for p in c.blocks
            if "Zo ziet dat er hier uit" in getattr(p, "text", "")
        }

    assert examples(island) and examples(city)
    assert not examples(island) & examples(city)


def test_the_registers_wethouders_carry_the_registers_date(pdf_text, wijchen):
    when = wijchen.snapshot["bestuur"]["source_date"]
    day = int(when[8:10])
    flat = re.sub(r"\s+", " ", pdf_text)
    assert re.search(rf"Wethouders \(volgens het register, {day} \w+ {when[:4]}\)", flat)


def test_a_college_the_user_entered_replaces_the_registers_wethouders():
    profile = filled("Wijchen")
    profile.bestuur = {**profile.bestuur, "college_members": "Anna de Vries, wethouder"}
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(profile_document(profile)))).pages
    )
    assert "Anna de Vries, wethouder" in text
    assert "volgens het register," not in text
