"""The model's own checks, and documents that are nearly empty or full of odd text."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from secretaris.documents import fonts
from secretaris.documents.docx import render_docx
from secretaris.documents.html import render_html
from secretaris.documents.model import (
    Anchors,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    SourceRef,
    Table,
    source_line,
)
from secretaris.documents.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[3]

ODD = Document(
    title="Raad & <college>",
    sections=(
        Section(
            "A & B <i>",
            blocks=(
                Paragraph("stuur\x0b\x01tekens & <tags> Yeşilgöz Łukasz €"),
                Table(columns=("Een",), rows=(("x" * 300,),)),
                Table(columns=(), rows=()),
                BulletList(()),
                KeyValues(()),
            ),
        ),
    ),
    sources=(SourceRef("Script", url="javascript:alert(1)"),),
)


def test_a_paragraph_style_must_be_known() -> None:
    with pytest.raises(ValueError, match="paragraph style"):
        Paragraph("x", style="huge")


def test_table_rows_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="expected 2"):
        Table(columns=("a", "b"), rows=(("1",),))


def test_source_line_adds_bron_once() -> None:
    assert source_line("CBS, 1 januari 2026") == "Bron: CBS, 1 januari 2026"
    assert source_line("Bron: Kiesraad") == "Bron: Kiesraad"
    assert source_line("") == ""


def test_anchors_are_unique_slugs() -> None:
    anchors = Anchors()
    assert [anchors.unique(t) for t in ("Opgaven", "Opgaven", "Één & twee", "!!")] == [
        "opgaven",
        "opgaven-2",
        "een-twee",
        "sectie",
    ]


@pytest.mark.parametrize("render", [render_pdf, render_docx, render_html])
def test_a_document_with_only_a_title_renders(render) -> None:  # noqa: ANN001
    assert render(Document(title="Alleen een titel"))


def test_odd_text_and_empty_blocks_render_as_pdf() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(ODD)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Raad & <college>" in text and "A & B <i>" in text
    assert "& <tags>" in text


def test_odd_text_and_empty_blocks_render_as_docx() -> None:
    word = open_docx(io.BytesIO(render_docx(ODD)))
    texts = [p.text for p in word.paragraphs]
    assert "stuurtekens & <tags> Yeşilgöz Łukasz €" in texts  # control characters dropped
    assert len(word.tables) == 1
    assert "javascript:alert(1)" in "\n".join(texts)
    assert not word.part.rels or all(
        "javascript" not in rel.target_ref for rel in word.part.rels.values() if rel.is_external
    )


def test_odd_text_and_empty_blocks_render_as_html() -> None:
    html = str(render_html(ODD))
    assert "<ul" not in html and "<dl" not in html and html.count("<table") == 1
    assert 'href="javascript' not in html
    assert "A &amp; B &lt;i&gt;" in html


def test_without_dejavu_the_font_is_reportlabs_own_vera(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SYSTEM_DEJAVU_FOLDERS", ())
    fonts.font_family.cache_clear()
    try:
        family = fonts.font_family()
        assert family is not None and family.name == "Bitstream Vera Sans"
        assert family.file(bold=True).name == "VeraBd.ttf"
    finally:
        fonts.font_family.cache_clear()


def test_the_heavy_libraries_load_only_when_a_file_is_made() -> None:
    code = (
        "import sys, secretaris.documents.pdf, secretaris.documents.docx, "
        "secretaris.documents.html\n"
        "heavy = {'reportlab', 'svglib', 'docx', 'PIL'} & set(sys.modules)\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
