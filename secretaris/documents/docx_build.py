"""A Document as a Word file made with python-docx; only imported by `render_docx()`.

Everything uses Word's own styles (Title, Subtitle, Heading 1-3, List Bullet, List
Number, Quote, Caption), restyled once per file, so the result stays easy to edit.
Lay-out helpers that python-docx has no API for (borders, fields, numbering, links)
are in docx_xml.py.
"""

from __future__ import annotations

import functools
import io
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from secretaris.documents import docx_xml
from secretaris.documents.chart_png import chart_png, svg_size
from secretaris.documents.docx_table import add_table, xml_safe
from secretaris.documents.markup import inline_runs, plain_text
from secretaris.documents.model import (
    PRINT_POINTS_PER_PX,
    Block,
    BulletList,
    Chart,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
    has_content,
    is_label,
    is_web,
    source_line,
)

FONT = "Arial"  # on every Windows and Mac; Liberation Sans has its metrics elsewhere
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x53, 0x53, 0x53)
PRIMARY = RGBColor(0x15, 0x42, 0x73)
STATUS = RGBColor(0x8A, 0x53, 0x00)
TEXT_WIDTH = Cm(16.6)  # A4 minus 2 x 2.2 cm
PICTURE_DPI = 150  # sharp in print at this size; 200 costs a third more time
AUTHOR = "Secretaris"
PARAGRAPH = WD_STYLE_TYPE.PARAGRAPH
KEEP_LIST_ITEMS = 12  # a longer list may break over pages


def build(document: Document) -> bytes:
    document = xml_safe(document)
    doc = new_docx(io.BytesIO(_template()))
    _properties(doc, document)
    _header_footer(doc, document)
    _title_page(doc, document)
    for section in document.sections:
        _section(doc, section, 1)
    if document.sources:
        _sources(doc, document)
    output = io.BytesIO()
    doc.save(output)
    return output.getvalue()


@functools.cache
def _template() -> bytes:
    """python-docx's empty document with our page and styles, made once per process."""
    doc = new_docx()
    _page_setup(doc)
    _styles(doc)
    output = io.BytesIO()
    doc.save(output)
    return output.getvalue()


def _page_setup(doc: Docx) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.1), Cm(1.0)


def _styles(doc: Docx) -> None:
    docx_xml.set_default_font(doc, FONT, "nl-NL")
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size, normal.font.color.rgb = Pt(10), TEXT
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.2
    for name, size, color, before in (
        ("Title", 28, PRIMARY, 0),
        ("Heading 1", 17, PRIMARY, 18),
        ("Heading 2", 13, PRIMARY, 14),
        ("Heading 3", 11, TEXT, 10),
    ):
        style = styles[name]
        docx_xml.use_font(style, FONT)
        style.font.size, style.font.color.rgb, style.font.bold = Pt(size), color, True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(size * 0.45)
    docx_xml.remove_border(styles["Title"])
    subtitle = styles["Subtitle"]
    docx_xml.use_font(subtitle, FONT)
    subtitle.font.size, subtitle.font.color.rgb, subtitle.font.italic = Pt(16), TEXT, False
    caption = styles["Caption"]
    caption.font.size, caption.font.color.rgb, caption.font.bold = Pt(10), TEXT, True
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(3)
    quote = styles["Quote"]
    quote.font.size, quote.font.color.rgb = Pt(11), TEXT
    quote.paragraph_format.left_indent = Cm(0.6)
    docx_xml.left_rule(quote, "154273")
    lead = styles.add_style("Lead", PARAGRAPH)
    lead.base_style, lead.font.size = normal, Pt(12.5)
    small = styles.add_style("Small", PARAGRAPH)
    small.base_style, small.font.size, small.font.color.rgb = normal, Pt(8.5), MUTED
    source = styles.add_style("Source", PARAGRAPH)
    source.base_style, source.font.size, source.font.color.rgb = normal, Pt(8), MUTED
    source.paragraph_format.space_after = Pt(12)
    cell = styles.add_style("Table Text", PARAGRAPH)
    cell.base_style, cell.font.size = normal, Pt(9)
    cell.paragraph_format.space_after = Pt(0)
    number = styles.add_style("Table Number", PARAGRAPH)
    number.base_style = cell
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _properties(doc: Docx, document: Document) -> None:
    properties = doc.core_properties
    properties.title = document.title
    properties.subject = document.subtitle or document.title
    properties.author = properties.last_modified_by = document.author or AUTHOR
    properties.language = "nl-NL"
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.last_printed = now


def _header_footer(doc: Docx, document: Document) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.style = None  # Normal: the Header style's own tab stops are for Letter paper
    header.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _small_run(header, document.title)
    if document.status.strip():
        header.add_run("\t")
        label = _small_run(header, f" {document.status.strip().upper()} ", color=STATUS)
        label.bold = True
        docx_xml.shade_run(label, "FFF4D6")
    docx_xml.bottom_border(header, "CFD6DF")

    footer = section.footer.paragraphs[0]
    footer.style = None
    footer.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _small_run(footer, document.footer or document.title)
    _small_run(footer, "\tPagina ")
    docx_xml.add_field(footer, "PAGE", "1", size=Pt(8), color=MUTED)
    _small_run(footer, " van ")
    docx_xml.add_field(footer, "NUMPAGES", "1", size=Pt(8), color=MUTED)


def _small_run(paragraph: DocxParagraph, text: str, color: RGBColor = MUTED):  # noqa: ANN202
    run = paragraph.add_run(text)
    run.font.size, run.font.color.rgb = Pt(8), color
    return run


def _title_page(doc: Docx, document: Document) -> None:
    brand = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    run = brand.add_run(document.organisation or document.author or AUTHOR)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(12), PRIMARY
    brand.paragraph_format.space_after = Pt(30 if document.logo else 90)
    if document.logo:
        picture = doc.add_paragraph()
        picture.paragraph_format.space_after = Pt(36)
        shape = picture.add_run().add_picture(io.BytesIO(document.logo), height=Cm(2.5))
        if shape.width > Cm(6):
            shape.height = int(shape.height * Cm(6) / shape.width)
            shape.width = Cm(6)
        docx_xml.describe_picture(shape, "Logo", f"Logo {document.organisation}".strip())
    _add(doc, document.title, "Title")
    if document.subtitle:
        _add(doc, document.subtitle, "Subtitle")
    if document.meta:
        rows = [
            [(key, "TableText", False), (value, "TableText", True)] for key, value in document.meta
        ]
        add_table(doc, rows, [Cm(4.5), TEXT_WIDTH - Cm(4.5)], header=False)
    if document.table_of_contents and document.sections:
        heading = _add(doc, "Inhoud", "Heading 2")
        heading.paragraph_format.space_before = Pt(24)
        docx_xml.add_toc(doc, _contents(document))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document: Document) -> list[tuple[int, str]]:
    """(level, title) of the headings the table of contents shows: levels 1 and 2."""
    entries = []
    for section in document.sections:
        entries.append((0, plain_text(section.title)))
        entries += [(1, plain_text(sub.title)) for sub in section.subsections]
    if document.sources:
        entries.append((0, "Bronnen"))
    return entries


def _add(doc: Docx, text: str, style: str) -> DocxParagraph:
    """A paragraph in a style, set by its id: python-docx's lookup by name scans every
    style for the default on each call, a third of the time of a whole document."""
    paragraph = doc.add_paragraph(text)
    if style != "Normal":
        paragraph._p.style = style.replace(" ", "")  # Word's ids: the name without spaces
    return paragraph


def _section(doc: Docx, section: Section, level: int) -> None:
    _add(doc, plain_text(section.title), f"Heading {min(level, 3)}")
    for block in section.blocks:
        _block(doc, block)
    for sub in section.subsections:
        _section(doc, sub, level + 1)


def _block(doc: Docx, block: Block) -> None:
    if not has_content(block):
        return
    if isinstance(block, Paragraph):
        style = {"lead": "Lead", "small": "Small", "quote": "Quote"}.get(block.style, "Normal")
        paragraph = _add(doc, "", style)
        _runs(paragraph, block.text)
        paragraph.paragraph_format.keep_with_next = is_label(block.text) or None
    elif isinstance(block, BulletList):
        _list(doc, block)
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Chart):
        _chart(doc, block)
    elif isinstance(block, KeyValues):
        rows = [
            [(plain_text(key), "TableText", True), (value, "TableText", False)]
            for key, value in block.items
        ]
        key_width = int(TEXT_WIDTH * 0.36)
        add_table(doc, rows, [key_width, TEXT_WIDTH - key_width], header=False)
        doc.add_paragraph()
    else:
        raise TypeError(f"Not a document block: {block!r}")


def _runs(paragraph: DocxParagraph, text: str, bold: bool = False) -> None:
    for part, strong, emphasis in inline_runs(text):
        run = paragraph.add_run(part)
        if strong or bold:
            run.bold = True
        if emphasis:
            run.italic = True


def _list(doc: Docx, block: BulletList) -> None:
    """A list kept on one page (every item keeps with the next) unless it is long."""
    if block.columns > 1:
        _list_columns(doc, block)
        return
    style = "List Number" if block.ordered else "List Bullet"
    num_id = docx_xml.restart_numbering(doc, style) if block.ordered else None
    keep = len(block.items) <= KEEP_LIST_ITEMS
    for item in block.items:
        paragraph = _add(doc, "", style)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.keep_with_next = keep or None
        if num_id is not None:
            docx_xml.set_numbering(paragraph, num_id)
        _runs(paragraph, item)
    last = doc.paragraphs[-1].paragraph_format
    last.space_after, last.keep_with_next = Pt(8), None


def _list_columns(doc: Docx, block: BulletList) -> None:
    """Short items in a borderless table of `columns` columns, read top to bottom."""
    per_column = -(-len(block.items) // block.columns)
    table = doc.add_table(rows=per_column, cols=block.columns)
    for index, item in enumerate(block.items):
        cell = table.cell(index % per_column, index // per_column)
        paragraph = cell.paragraphs[0]
        paragraph._p.style = "TableText"
        _runs(paragraph, f"• {item}")
    doc.add_paragraph()


def _table(doc: Docx, block: Table) -> None:
    if block.caption:
        _add(doc, block.caption, "Caption")
    styles = [
        "TableNumber" if block.is_numeric(i) else "TableText" for i in range(len(block.columns))
    ]
    header = [(name, style, True) for name, style in zip(block.columns, styles, strict=True)]
    body = [
        [(text, style, False) for text, style in zip(row, styles, strict=True)]
        for row in block.rows
    ]
    add_table(doc, [header, *body], _column_widths(block), header=True, caption=block.caption)
    if block.source:
        _add(doc, source_line(block.source), "Source")
    else:
        doc.add_paragraph()


def _column_widths(block: Table) -> list[int]:
    """Widths after the longest text in each column; numbers need less room per letter."""
    lengths = []
    for i, name in enumerate(block.columns):
        longest = max([len(plain_text(name)), *(len(plain_text(row[i])) for row in block.rows)])
        lengths.append(min(max(longest, 4), 60) * (0.8 if block.is_numeric(i) else 1.0))
    total = sum(lengths)
    return [int(TEXT_WIDTH * length / total) for length in lengths]


def _chart(doc: Docx, block: Chart) -> None:
    """A PNG drawn from the same SVG, as wide as in the PDF, with the alt text set."""
    width_px, _ = svg_size(block.svg)
    width = min(Cm(block.width_cm), TEXT_WIDTH, Pt(width_px * PRINT_POINTS_PER_PX))
    png = chart_png(block.svg, round(width / 914400 * PICTURE_DPI))  # 914400 EMU an inch
    _add(doc, block.caption, "Caption")
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = bool(block.source)
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=width)
    docx_xml.describe_picture(shape, block.caption, block.alt)
    if block.source:
        _add(doc, source_line(block.source), "Source")


def _sources(doc: Docx, document: Document) -> None:
    _add(doc, "Bronnen", "Heading 1")
    num_id = docx_xml.restart_numbering(doc, "List Number")
    for source in document.sources:
        paragraph = _add(doc, "", "List Number")
        docx_xml.set_numbering(paragraph, num_id)
        paragraph.add_run(source.label)
        if source.note:
            paragraph.add_run(f". {source.note}").font.color.rgb = MUTED
        if source.url:
            paragraph.add_run().add_break()
            if is_web(source.url):
                docx_xml.add_hyperlink(paragraph, source.url, source.url)
            else:
                paragraph.add_run(source.url)
