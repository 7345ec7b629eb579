"""One sample Document rendered three ways, then read back as a reader would see it."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from secretaris.documents.docx import render_docx
from secretaris.documents.fonts import font_family
from secretaris.documents.html import render_html
from secretaris.documents.model import Chart, Document, Section
from secretaris.documents.pdf import render_pdf
from secretaris.documents.tests.sample import sample_document

TOP_SECTIONS = ["Inleiding", "De gemeente", "Opgaven", "Profiel", "Organisatie", "Procedure"]
ALL_HEADINGS = [
    "Inleiding",
    "De gemeente",
    "Gemeenteraad",
    "Bevolking",
    "Opgaven",
    "Profiel",
    "In eigen woorden",
    "Organisatie",
    "Samenwerking in de regio",
    "Financiën",
    "Procedure",
    "Bronnen",
]


@pytest.fixture(scope="module")
def document() -> Document:
    return sample_document()


@pytest.fixture(scope="module")
def pdf(document: Document) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(document)))


@pytest.fixture(scope="module")
def pages(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


@pytest.fixture(scope="module")
def word(document: Document):  # noqa: ANN201 (python-docx's Document class is a factory)
    return open_docx(io.BytesIO(render_docx(document)))


@pytest.fixture(scope="module")
def html(document: Document) -> str:
    return str(render_html(document))


def _outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    titles: list[str] = []
    for item in outline:
        titles += _outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


# -- PDF ---------------------------------------------------------------------------------


def test_pdf_has_a_title_page_and_several_pages(pages: list[str]) -> None:
    assert len(pages) >= 3
    assert "Profielschets gemeentesecretaris" in pages[0]
    assert "Gemeente Utrecht" in pages[0]
    assert "Competentiemodel" in pages[0] and "2026.1" in pages[0]


def test_pdf_title_page_lists_the_contents_with_page_numbers(pages: list[str]) -> None:
    contents = pages[0].split("Inhoud", 1)[1]
    for heading in TOP_SECTIONS:
        assert heading in contents
    # Each entry has a dotted leader ending in its page number (drawn before its title).
    assert len(re.findall(r"\.\s+\d+\n", contents)) == len(ALL_HEADINGS)


def test_pdf_text_holds_headings_paragraphs_and_table_cells(pages: list[str]) -> None:
    text = "\n".join(pages)
    for heading in ALL_HEADINGS:
        assert heading in text
    assert "Vleuten-De Meern A" in text and "15.919" in text
    assert "Bron: CBS, Kerncijfers wijken en buurten, 1 januari 2026" in text


def test_pdf_numbers_every_page_in_the_footer(pages: list[str]) -> None:
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Pagina {number} van {total}" in text


def test_pdf_prints_the_status_in_every_header(pages: list[str]) -> None:
    assert all("CONCEPT" in text for text in pages)


def test_pdf_bookmarks_every_heading_at_its_page(pdf: PdfReader, pages: list[str]) -> None:
    assert _outline_titles(pdf.outline) == ALL_HEADINGS
    bronnen = next(
        item for item in pdf.outline if not isinstance(item, list) and item.title == "Bronnen"
    )
    assert "Gemeentewet" in pages[pdf.get_destination_page_number(bronnen)]


def test_pdf_carries_document_metadata(pdf: PdfReader) -> None:
    assert pdf.metadata.title == "Profielschets gemeentesecretaris"
    assert pdf.metadata.author == "Secretaris"
    assert pdf.metadata.subject == "Gemeente Utrecht"


def test_pdf_breaks_a_long_table_over_pages_and_repeats_its_header(pages: list[str]) -> None:
    first = next(i for i, text in enumerate(pages) if "Binnenstad A" in text)
    last = next(i for i, text in enumerate(pages) if "Vleuten-De Meern C" in text)
    assert last > first
    assert "Wijk" in pages[last] and "Aandeel 65+ (%)" in pages[last]


def test_pdf_draws_charts_as_vectors_with_their_text(pdf: PdfReader, pages: list[str]) -> None:
    assert all(len(page.images) == 0 for page in pdf.pages)
    text = "\n".join(pages)
    assert "45 zetels" in text and "33,1%" in text


def test_pdf_embeds_a_truetype_font(pdf: PdfReader) -> None:
    family = font_family()
    if family is None:
        pytest.skip("no TrueType family on this machine; the PDF uses Helvetica")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any(family.name.split()[0] in font for font in fonts), fonts


def test_pdf_shows_user_markup_as_plain_text(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert "<script>alert('x')</script>" in text


# -- DOCX --------------------------------------------------------------------------------


def test_docx_uses_words_heading_styles(word) -> None:  # noqa: ANN001
    headings = {
        name: [p.text for p in word.paragraphs if p.style.name == name]
        for name in ("Heading 1", "Heading 2")
    }
    assert headings["Heading 1"] == [*TOP_SECTIONS, "Bronnen"]
    assert "Gemeenteraad" in headings["Heading 2"] and "Financiën" in headings["Heading 2"]


def test_docx_starts_with_a_title_page(word) -> None:  # noqa: ANN001
    styled = {p.style.name: p.text for p in word.paragraphs[:4]}
    assert styled["Title"] == "Profielschets gemeentesecretaris"
    assert styled["Subtitle"] == "Gemeente Utrecht"
    meta = word.tables[0]
    assert [cell.text for cell in meta.rows[3].cells] == ["Competentiemodel", "2026.1"]
    breaks = word.element.body.findall(".//" + qn("w:br"))
    assert any(br.get(qn("w:type")) == "page" for br in breaks)


def test_docx_table_has_its_cells_and_a_repeated_header_row(word) -> None:  # noqa: ANN001
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Wijk")
    assert [cell.text for cell in table.rows[0].cells] == [
        "Wijk",
        "Inwoners",
        "Aandeel 65+ (%)",
        "Wijkbureau",
    ]
    assert len(table.rows) == 31
    assert table.rows[30].cells[0].text == "Vleuten-De Meern C"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    number = table.rows[1].cells[1].paragraphs[0]
    assert number.style.name == "Table Number"
    assert number.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_docx_charts_are_pictures_with_alt_text(word, document: Document) -> None:  # noqa: ANN001
    charts = [
        block
        for section in document.sections
        for part in (section, *section.subsections)
        for block in part.blocks
        if isinstance(block, Chart)
    ]
    alts = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert alts == [chart.alt for chart in charts]


def test_docx_has_header_with_status_and_footer_with_page_fields(word) -> None:  # noqa: ANN001
    section = word.sections[0]
    header = section.header.paragraphs[0].text
    assert "Profielschets gemeentesecretaris" in header and "CONCEPT" in header
    footer = section.footer.paragraphs[0]
    fields = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Profielschets gemeentesecretaris Utrecht\tPagina ")


def test_docx_lists_use_list_styles_and_numbered_lists_restart(word) -> None:  # noqa: ANN001
    styles = [p.style.name for p in word.paragraphs]
    assert styles.count("List Bullet") == 7
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert len(set(num_ids)) == 3  # two lists in the text and the sources: each from 1


def test_docx_keeps_user_markup_as_text_and_bold_as_bold(word) -> None:  # noqa: ANN001
    texts = [p.text for p in word.paragraphs]
    assert any("<script>alert('x')</script>" in text for text in texts)
    bold = [r.text for p in word.paragraphs for r in p.runs if r.bold]
    assert "verbinder" in bold


def test_docx_carries_document_properties(word) -> None:  # noqa: ANN001
    properties = word.core_properties
    assert properties.title == "Profielschets gemeentesecretaris"
    assert properties.author == "Secretaris"
    assert properties.language == "nl-NL"


# -- HTML --------------------------------------------------------------------------------


def test_html_escapes_user_markup(html: str) -> None:
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<strong>verbinder</strong>" in html and "<em>zichtbaar</em>" in html


def test_html_headings_start_at_h2_with_unique_ids(html: str) -> None:
    assert "<h1" not in html
    assert '<h2 class="utrecht-heading-2" id="inleiding-titel">Inleiding</h2>' in html
    assert '<h3 class="utrecht-heading-3" id="gemeenteraad-titel">Gemeenteraad</h3>' in html
    ids = re.findall(r'<section id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) == len(ALL_HEADINGS)


def test_html_has_tables_charts_and_sources(html: str) -> None:
    assert '<caption class="utrecht-table__caption">Inwoners per wijk</caption>' in html
    assert "utrecht-table__cell utrecht-table__cell--numeric" in html
    assert html.count("<svg") == 3 and 'class="sec-chart"' in html
    assert '<p class="figure-source">Bron: CBS, 1 januari 2026</p>' in html
    assert '<a class="utrecht-link" href="https://www.verkiezingsuitslagen.nl/">' in html


def test_html_refuses_a_chart_that_could_run_script() -> None:
    bad = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    document = Document("x", sections=(Section("s", blocks=(Chart(bad, "c", "a"),)),))
    with pytest.raises(ValueError, match="charts"):
        render_html(document)
