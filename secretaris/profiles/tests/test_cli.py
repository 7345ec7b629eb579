import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaris.profiles.models import Profile

pytestmark = pytest.mark.django_db


def test_json_lists_the_chosen_competencies_with_reasons(capsys):
    call_command("profielschets", "Sudwest Fryslan", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["municipality"] == "GM1900"
    assert data["type"] in {"regie", "ontwikkel", "beheer"}
    assert data["situational"] and all(
        set(item) >= {"competency", "reasons"} and item["reasons"] for item in data["situational"]
    )
    assert Profile.objects.count() == 0  # the command stores nothing


def test_it_writes_a_pdf_and_a_docx_that_read_back(tmp_path, capsys):
    from docx import Document as DocxDocument
    from pypdf import PdfReader

    pdf, docx = tmp_path / "u.pdf", tmp_path / "u.docx"
    call_command("profielschets", "Utrecht", "--pdf", str(pdf), "--docx", str(docx))
    assert "Geschreven" in capsys.readouterr().out
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 4
    assert "Utrecht" in reader.pages[0].extract_text()
    paragraphs = [p.text for p in DocxDocument(docx).paragraphs]
    assert any("Utrecht" in text for text in paragraphs)


def test_an_unknown_municipality_exits_2():
    with pytest.raises(CommandError) as info:
        call_command("profielschets", "Nergenshuizen")
    assert info.value.returncode == 2
