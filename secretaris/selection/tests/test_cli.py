"""`secretaris selectie demo` and `secretaris selectie advies`."""

import io
import json
import subprocess
import sys

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from secretaris.selection.board import Board
from secretaris.selection.models import Candidate, Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(private_dir, capsys):
    call_command("selectie", "demo", "--gemeente", "Utrecht", "--seed", "3")
    capsys.readouterr()
    return Procedure.objects.get()


def test_the_demo_is_a_full_procedure_from_profile_to_advice(demo):
    assert demo.profile.is_frozen and demo.phase == "advies"
    assert demo.members.count() == 7 and demo.candidates.count() == 12
    assert demo.candidates.filter(stage__in=["tweede_ronde", "voorgedragen"]).count() == 4
    assert demo.candidates.filter(outcome=Candidate.AFGEWEZEN).count() == 8
    for number in (1, 2):
        board = Board.load(demo, number)
        assert board.all_complete()
    recused = demo.members.get(user__username="demo-collega")
    assert recused.declarations.filter(conflict=True).count() == 1
    assert demo.has_or_advice() and demo.proposed.committee_rank == 1
    ranks = Board.load(demo, 2)
    formula = ranks.formula_scores()
    best = sorted(ranks.candidates, key=lambda c: formula[c.pk], reverse=True)
    assert [c.committee_rank for c in best][:3] == [1, 3, 2]  # the discussion swapped two


def test_advies_prints_a_summary_json_pdf_and_docx(demo, tmp_path, capsys):
    call_command("selectie", "advies", str(demo.pk))
    assert f"Voorgedragen: {demo.proposed.name}" in capsys.readouterr().out
    call_command("selectie", "advies", str(demo.pk), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["proposed"] == demo.proposed.name and len(data["candidates"]) == 4
    assert data["committee"][0]["role"] == "Voorzitter" and "by_member" not in data["candidates"][0]
    pdf, word = tmp_path / "advies.pdf", tmp_path / "advies.docx"
    call_command("selectie", "advies", str(demo.pk), "--pdf", str(pdf), "--docx", str(word))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert demo.proposed.name in text and "Advies van de ondernemingsraad" in text
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert any(demo.proposed.name in p for p in paragraphs)


@pytest.mark.parametrize("bad", ["12", "00000000-0000-0000-0000-000000000000"])
def test_advies_with_an_unknown_id_says_so(db, bad):
    with pytest.raises(CommandError, match="Er is geen procedure") as info:
        call_command("selectie", "advies", bad)
    assert info.value.returncode == 2


def test_an_unknown_gemeente_is_refused_with_a_dutch_message(db):
    with pytest.raises(CommandError, match="kennen we niet"):
        call_command("selectie", "demo", "--gemeente", "Atlantis")


def test_every_action_has_help_with_an_example():
    for action in ("demo", "advies"):
        result = subprocess.run(
            [sys.executable, "-m", "secretaris.cli", "selectie", action, "--help"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "Voorbeeld: secretaris selectie" in result.stdout
