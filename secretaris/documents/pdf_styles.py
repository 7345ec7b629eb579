"""Fonts, colours and paragraph styles of the PDF, made once per process.

Only imported from inside `render_pdf()`, so ReportLab loads when a PDF is asked for.
Colours are the design tokens of tokens.css; sizes follow a 10 pt body on A4.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from secretaris.documents.fonts import font_family

TEXT = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#535353")
PRIMARY = colors.HexColor("#154273")
ACCENT = colors.HexColor("#01689b")
BORDER = colors.HexColor("#cfd6df")
TINT = colors.HexColor("#f3f5f8")
STATUS = colors.HexColor("#8a5300")
STATUS_TINT = colors.HexColor("#fff4d6")

PAGE_MARGIN_X = 2.2 * cm
PAGE_MARGIN_TOP = 2.6 * cm
PAGE_MARGIN_BOTTOM = 2.2 * cm
BODY_SIZE = 10
LEADING = 14.5


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    family: str  # the name <b> and <i> in paragraphs resolve against

    def pick(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        return self.bold if bold else self.italic if italic else self.regular


@functools.cache
def fonts() -> Fonts:
    """Register the TrueType family with ReportLab once; Helvetica when there is none."""
    family = font_family()
    if family is None:
        return Fonts(
            "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Helvetica"
        )
    names = Fonts("SecSans", "SecSans-Bold", "SecSans-Italic", "SecSans-BoldItalic", "SecSans")
    for name, path in (
        (names.regular, family.regular),
        (names.bold, family.bold),
        (names.italic, family.italic),
        (names.bold_italic, family.bold_italic),
    ):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        names.family,
        normal=names.regular,
        bold=names.bold,
        italic=names.italic,
        boldItalic=names.bold_italic,
    )
    return names


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    quote: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]  # section, subsection, deeper
    title: ParagraphStyle
    subtitle: ParagraphStyle
    caption: ParagraphStyle
    table_caption: ParagraphStyle
    source: ParagraphStyle
    cell: ParagraphStyle
    cell_numeric: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_numeric: ParagraphStyle
    key: ParagraphStyle
    list_item: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    contents_heading: ParagraphStyle


@functools.cache
def styles() -> Styles:
    f = fonts()
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=BODY_SIZE,
        leading=LEADING,
        textColor=TEXT,
        spaceAfter=7,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, parent: ParagraphStyle = body, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **changes)

    def heading(name: str, size: float, before: float, color: colors.Color) -> ParagraphStyle:
        return derive(
            name,
            fontName=f.bold,
            fontSize=size,
            leading=size * 1.25,
            textColor=color,
            spaceBefore=before,
            spaceAfter=size * 0.45,
            keepWithNext=1,
        )

    cell = derive("cell", fontSize=9, leading=12, spaceAfter=0)
    header_cell = derive("header-cell", parent=cell, fontName=f.bold, fontSize=9, leading=12)
    return Styles(
        body=body,
        lead=derive("lead", fontSize=12.5, leading=18, spaceAfter=10),
        small=derive("small", fontSize=8.5, leading=12, textColor=MUTED),
        quote=derive("quote", fontName=f.italic, fontSize=11, leading=16, spaceAfter=0),
        headings=(
            heading("h1", 17, 18, PRIMARY),
            heading("h2", 13, 14, PRIMARY),
            heading("h3", 11, 10, TEXT),
        ),
        title=derive("title", fontName=f.bold, fontSize=28, leading=34, textColor=PRIMARY),
        subtitle=derive("subtitle", fontSize=16, leading=22, textColor=TEXT, spaceAfter=24),
        caption=derive("caption", fontName=f.bold, spaceAfter=4, keepWithNext=1),
        table_caption=derive("table-caption", fontName=f.bold, spaceAfter=4),
        source=derive("source", fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=3),
        cell=cell,
        cell_numeric=derive("cell-numeric", parent=cell, alignment=TA_RIGHT),
        header_cell=header_cell,
        header_cell_numeric=derive("header-numeric", parent=header_cell, alignment=TA_RIGHT),
        key=derive("key", parent=cell, fontName=f.bold),
        list_item=derive("list-item", spaceAfter=2),
        toc=(
            derive("toc1", fontName=f.bold, leftIndent=0, spaceBefore=3, spaceAfter=0),
            derive("toc2", leftIndent=14, spaceAfter=0),
            derive("toc3", leftIndent=28, spaceAfter=0, textColor=MUTED),
        ),
        contents_heading=heading("contents", 13, 22, PRIMARY),
    )
