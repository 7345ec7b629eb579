"""Word tables written as one piece of WordprocessingML.

python-docx builds a table cell by cell, element by element; for a table of 30 rows
that was a fifth of the time of a whole document. Writing the XML as text and parsing
it once is ten times faster, and says plainly what the table looks like: rules between
rows only (as on screen), a heavier rule under the header row, the header row repeated
on every page, rows that do not break across pages, and a caption for assistive
technology (tblCaption).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TypeVar
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as Docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from secretaris.documents.markup import inline_runs

RULE = "CFD6DF"
HEADER_RULE = "154273"
EMU_PER_TWIP = 635
# Characters XML 1.0 does not allow; they would make the whole file unreadable.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Cell = tuple[str, str, bool]  # (text with inline markup, paragraph style id, bold)
T = TypeVar("T")


def xml_text(text: str) -> str:
    return NOT_IN_XML.sub("", text)


def xml_safe(value: T) -> T:
    """The document (or any part of it) with every string fit for XML."""
    if isinstance(value, str):
        return xml_text(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(xml_safe(item) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def runs_xml(text: str, bold: bool = False) -> str:
    parts = []
    for part, strong, emphasis in inline_runs(text.replace("\n", " ")):
        props = ("<w:b/>" if strong or bold else "") + ("<w:i/>" if emphasis else "")
        props = f"<w:rPr>{props}</w:rPr>" if props else ""
        parts.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "".join(parts)


def _cell(cell: Cell, width: int, header: bool) -> str:
    text, style, bold = cell
    borders = (
        f'<w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="{HEADER_RULE}"/>'
        "</w:tcBorders>"
        if header
        else ""
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs_xml(text, bold)}</w:p></w:tc>'
    )


def add_table(
    doc: Docx,
    rows: Sequence[Sequence[Cell]],
    widths_emu: Sequence[int],
    *,
    header: bool,
    caption: str = "",
) -> None:
    """Append a table to the document body; `header`: the first row heads the columns."""
    widths = [int(w) // EMU_PER_TWIP for w in widths_emu]
    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    caption_xml = f"<w:tblCaption w:val={quoteattr(caption)}/>" if caption else ""
    body = []
    for index, row in enumerate(rows):
        heads = header and index == 0
        row_props = "<w:cantSplit/><w:tblHeader/>" if heads else "<w:cantSplit/>"
        cells = "".join(_cell(cell, width, heads) for cell, width in zip(row, widths, strict=True))
        body.append(f"<w:tr><w:trPr>{row_props}</w:trPr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml = (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="left"/>'
        f'<w:tblBorders><w:top {rule}/><w:left w:val="nil"/><w:bottom {rule}/>'
        f'<w:right w:val="nil"/><w:insideH {rule}/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"{caption_xml}</w:tblPr>"
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"{''.join(body)}</w:tbl>"
    )
    doc.element.body.insert_element_before(parse_xml(xml), "w:sectPr")
