"""A Document as ReportLab flowables: title page, sections, blocks and sources.

Only imported from inside `render_pdf()`. Page furniture (header, footer, bookmarks)
is in pdf_layout.py; fonts and styles in pdf_styles.py.
"""

from __future__ import annotations

import functools
import io
from xml.sax.saxutils import escape, quoteattr

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tableofcontents import TableOfContents
from svglib.fonts import FontMap
from svglib.svglib import svg2rlg

from secretaris.documents.markup import inline_runs, plain_text
from secretaris.documents.model import (
    PRINT_POINTS_PER_PX,
    Anchors,
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
from secretaris.documents.pdf_styles import (
    BORDER,
    PRIMARY,
    TINT,
    Fonts,
    fonts,
    styles,
)

CELL_PADDING = 5
HEADING_ROOM = 4.5 * cm  # a heading needs this much below it, or it goes to the next page
TABLE_ROOM = 3 * cm  # caption, header row and a few rows
NEW_PAGE_ROOM = 24 * cm


def rich(text: str) -> str:
    """Inline markup as ReportLab paragraph markup; everything else escaped."""
    parts = []
    for part, bold, italic in inline_runs(text):
        part = escape(part)
        if italic:
            part = f"<i>{part}</i>"
        if bold:
            part = f"<b>{part}</b>"
        parts.append(part)
    return "".join(parts)


def heading(title: str, level: int, key: str) -> list[Flowable]:
    """A heading that pdf_layout turns into a bookmark, an outline entry and a TOC line.

    It starts a new page when less than HEADING_ROOM is left, and it keeps with the
    block after it where ReportLab can (paragraphs, small tables, charts).
    """
    s = styles()
    paragraph = RLParagraph(escape(plain_text(title)), s.headings[min(level, 2)])
    paragraph.outline = (key, level, plain_text(title))  # type: ignore[attr-defined]
    return [CondPageBreak(HEADING_ROOM), paragraph]


def contents(document: Document) -> list[tuple[int, str, str]]:
    """(level, title, key) of every heading, with the keys story() gives them."""
    ids, entries = Anchors(), []

    def walk(section: Section, level: int) -> None:
        entries.append(
            (level, plain_text(section.title), ids.unique(section.anchor or section.title))
        )
        for sub in section.subsections:
            walk(sub, level + 1)

    for section in document.sections:
        walk(section, 0)
    if document.sources:
        entries.append((0, "Bronnen", ids.unique("bronnen")))
    return entries


def story(document: Document, width: float) -> list[Flowable]:
    """Everything on the pages, in order."""
    flowables = title_page(document, width)
    ids = Anchors()
    for section in document.sections:
        flowables += _section(section, 0, ids, width)
    if document.sources:
        flowables += sources(document, ids.unique("bronnen"))
    return flowables


def title_page(document: Document, width: float) -> list[Flowable]:
    s = styles()
    flowables: list[Flowable] = [Spacer(1, 1.2 * cm)]
    if document.logo:
        flowables.append(logo(document.logo))
    else:
        flowables.append(Spacer(1, 1.3 * cm))
    flowables.append(RLParagraph(escape(document.title), s.title))
    flowables.append(Spacer(1, 8))
    if document.subtitle:
        flowables.append(RLParagraph(escape(document.subtitle), s.subtitle))
    else:
        flowables.append(Spacer(1, 24))
    if document.meta:
        rows = [
            [RLParagraph(escape(key), s.cell), RLParagraph(rich(value), s.key)]
            for key, value in document.meta
        ]
        table = RLTable(rows, colWidths=[4.5 * cm, width - 4.5 * cm], hAlign="LEFT")
        table.setStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, PRIMARY),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
        flowables.append(table)
    if document.table_of_contents and document.sections:
        toc = TableOfContents(levelStyles=list(s.toc), dotsMinLevel=0)
        # Known headings from the start, so the first pass already gives the contents
        # their full length; the passes after it only fill in the page numbers.
        for level, text, key in contents(document):
            if level <= document.contents_depth:
                toc.addEntry(level, escape(text), 0, key)
        flowables += [RLParagraph("Inhoud", s.contents_heading), toc]
    flowables.append(PageBreak())
    return flowables


LOGO_BOX = (6 * cm, 2.5 * cm)


def logo(png: bytes) -> Flowable:
    """The (already checked) logo, fitted in LOGO_BOX, left on the title page."""
    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    image = Image(io.BytesIO(png), width * scale, height * scale)
    image.hAlign = "LEFT"
    image.spaceAfter = 0.8 * cm
    return image


def _section(section: Section, level: int, ids: Anchors, width: float) -> list[Flowable]:
    anchor = ids.unique(section.anchor or section.title)
    # Nearly a whole frame (A4 minus margins is about 24.5 cm): breaks unless the page is
    # still empty, so a new-page section right after the title page leaves no blank page.
    flowables: list[Flowable] = [CondPageBreak(NEW_PAGE_ROOM)] if section.new_page else []
    flowables += heading(section.title, level, anchor)
    blocks = list(section.blocks)
    while blocks:
        block = blocks.pop(0)
        label = isinstance(block, Paragraph) and is_label(block.text)
        if label and blocks and isinstance(blocks[0], BulletList | KeyValues):
            # A label and its list stay on one page (KeepTogether cannot nest in ReportLab's
            # keep-with-next, so they are kept together here).
            following = blocks.pop(0)
            parts = [*block_flowables(block, width), *_unkept(block_flowables(following, width))]
            flowables.append(KeepTogether(parts))
        else:
            flowables += block_flowables(block, width)
    for sub in section.subsections:
        flowables += _section(sub, level + 1, ids, width)
    return flowables


def _unkept(flowables: list[Flowable]) -> list[Flowable]:
    """The content of KeepTogether wrappers, to put into a larger one."""
    out: list[Flowable] = []
    for f in flowables:
        out += f._content if isinstance(f, KeepTogether) else [f]
    return out


def block_flowables(block: Block, width: float) -> list[Flowable]:
    s = styles()
    if not has_content(block):
        return []
    if isinstance(block, Paragraph):
        if block.style == "quote":
            return [quote(block.text, width)]
        style = {"lead": s.lead, "small": s.small}.get(block.style, s.body)
        paragraph = RLParagraph(rich(block.text), style)
        if is_label(block.text):
            paragraph.keepWithNext = 1  # type: ignore[attr-defined]
        return [paragraph]
    if isinstance(block, BulletList):
        if block.columns > 1:
            return [list_columns(block, width)]
        # Kept on one page when it fits there; a longer list splits as usual.
        return [KeepTogether([bullet_list(block)])]
    if isinstance(block, Table):
        return table(block, width)
    if isinstance(block, Chart):
        return chart(block, width)
    if isinstance(block, KeyValues):
        return [key_values(block, width)]
    raise TypeError(f"Not a document block: {block!r}")


def quote(text: str, width: float) -> Flowable:
    box = RLTable([[RLParagraph(rich(text), styles().quote)]], colWidths=[width - 1 * cm])
    box.setStyle(
        [
            ("LINEBEFORE", (0, 0), (0, 0), 3, PRIMARY),
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ]
    )
    box.hAlign = "LEFT"
    box.spaceBefore, box.spaceAfter = 4, 10
    return box


def bullet_list(block: BulletList) -> Flowable:
    s, f = styles(), fonts()
    items = [ListItem(RLParagraph(rich(item), s.list_item)) for item in block.items]
    if block.ordered:
        options = {"bulletType": "1", "bulletFormat": "%s."}
    else:
        options = {"bulletType": "bullet", "start": "•"}
    return ListFlowable(
        items,
        bulletFontName=f.regular,
        bulletFontSize=s.body.fontSize,
        leftIndent=16,
        bulletDedent=14 if block.ordered else 12,
        spaceAfter=8,
        **options,
    )


def list_columns(block: BulletList, width: float) -> Flowable:
    """A long list of short items in `columns` columns, read top to bottom."""
    s = styles()
    per_column = -(-len(block.items) // block.columns)
    cells = [
        [
            RLParagraph("• " + rich(block.items[c * per_column + r]), s.list_item)
            if c * per_column + r < len(block.items)
            else ""
            for c in range(block.columns)
        ]
        for r in range(per_column)
    ]
    table = RLTable(cells, colWidths=[width / block.columns] * block.columns, hAlign="LEFT")
    table.setStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]
    )
    table.spaceAfter = 10
    return table


def column_widths(table: Table, width: float, f: Fonts) -> list[float]:
    """Widths that fit the text: numbers keep their width, text columns share the rest."""
    size, pad = styles().cell.fontSize, 2 * CELL_PADDING
    natural, minimal = [], []
    for i, name in enumerate(table.columns):
        texts = [plain_text(row[i]) for row in table.rows]
        head = stringWidth(plain_text(name), f.bold, size)
        # A point to spare: ReportLab wraps a word that fits its cell to the exact point.
        natural.append(max([head, *(stringWidth(t, f.regular, size) for t in texts)]) + pad + 1)
        words = [w for t in (name, *texts) for w in plain_text(t).split()] or [""]
        minimal.append(max(stringWidth(w, f.bold, size) for w in words) + pad)
    flexible = [i for i in range(len(natural)) if not table.is_numeric(i)] or list(
        range(len(natural))
    )
    fixed = sum(natural[i] for i in range(len(natural)) if i not in flexible)
    share = max(width - fixed, 0)
    wanted = sum(natural[i] for i in flexible)
    widths = list(natural)
    for i in flexible:
        widths[i] = max(
            minimal[i], share * natural[i] / wanted if wanted else share / len(flexible)
        )
    scale = min(1.0, width / sum(widths))
    return [w * scale for w in widths]


def table(block: Table, width: float) -> list[Flowable]:
    s, f = styles(), fonts()
    header = [
        RLParagraph(rich(name), s.header_cell_numeric if block.is_numeric(i) else s.header_cell)
        for i, name in enumerate(block.columns)
    ]
    rows = [
        [
            RLParagraph(rich(cell), s.cell_numeric if block.is_numeric(i) else s.cell)
            for i, cell in enumerate(row)
        ]
        for row in block.rows
    ]
    flowable = RLTable(
        [header, *rows], colWidths=column_widths(block, width, f), repeatRows=1, hAlign="LEFT"
    )
    flowable.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, PRIMARY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, BORDER),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, TINT]),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    flowable.spaceAfter = 4 if block.source else 12
    # No keep-with-next for the caption: a long table would then start on a new page.
    flowables: list[Flowable] = [CondPageBreak(TABLE_ROOM)]
    if block.caption:
        flowables.append(RLParagraph(escape(block.caption), s.table_caption))
    flowables.append(flowable)
    if block.source:
        flowables.append(RLParagraph(escape(source_line(block.source)), s.source))
        flowables.append(Spacer(1, 8))
    return flowables


def key_values(block: KeyValues, width: float) -> Flowable:
    s = styles()
    rows = [
        [RLParagraph(escape(plain_text(key)), s.key), RLParagraph(rich(value), s.cell)]
        for key, value in block.items
    ]
    flowable = RLTable(rows, colWidths=[0.36 * width, 0.64 * width], hAlign="LEFT")
    flowable.setStyle(
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, BORDER),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, BORDER),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )
    flowable.spaceAfter = 12
    return flowable


class ChartFonts(FontMap):
    """Every family in a chart's font-family list maps to the document's own font.

    svglib would otherwise look for "system-ui" and friends on disk and through
    fontconfig, which is slow and differs from machine to machine.
    """

    def __init__(self, f: Fonts) -> None:
        super().__init__()
        self.fonts = f

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal"):  # type: ignore[override]
        bold = str(weight).lower() in ("bold", "bolder") or (
            str(weight).isdigit() and int(weight) >= 600
        )
        return self.fonts.pick(bold, str(style).lower() in ("italic", "oblique")), True


class ChartDrawing(Flowable):
    """A svglib drawing as a plain flowable (a Drawing refuses keepWithNext)."""

    def __init__(self, drawing: Drawing, scale: float) -> None:
        super().__init__()
        drawing.scale(scale, scale)
        self.drawing = drawing
        self.width, self.height = drawing.width * scale, drawing.height * scale
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)


@functools.cache
def chart_fonts() -> ChartFonts:
    return ChartFonts(fonts())


def chart(block: Chart, width: float) -> list[Flowable]:
    """The SVG as a vector drawing: at print size, at most `width_cm` and the text width."""
    s = styles()
    drawing = svg2rlg(io.StringIO(block.svg), font_map=chart_fonts())
    if drawing is None:
        raise ValueError(f"Chart {block.caption!r} could not be read as SVG")
    # svglib gives 0.75 pt per px, as a browser prints.
    scale = min(
        PRINT_POINTS_PER_PX / 0.75, block.width_cm * cm / drawing.width, width / drawing.width
    )
    figure = ChartDrawing(drawing, scale)
    # Kept together by keep-with-next rather than KeepTogether, so that a heading just
    # before the chart joins the group too.
    parts: list[Flowable] = [RLParagraph(escape(block.caption), s.caption), Spacer(1, 4), figure]
    if block.source:
        parts.append(RLParagraph(escape(source_line(block.source)), s.source))
    for part in parts[1:-1]:
        part.keepWithNext = 1  # type: ignore[attr-defined]
    return [*parts, Spacer(1, 14)]


def sources(document: Document, key: str) -> list[Flowable]:
    s = styles()
    items = []
    for source in document.sources:
        text = escape(source.label)
        if source.note:
            text += f". <font color='#535353'>{escape(source.note)}</font>"
        if source.url:
            url = escape(source.url)
            if is_web(source.url):
                url = f"<link href={quoteattr(source.url)} color='#01689b'>{url}</link>"
            text += f"<br/>{url}"
        items.append(ListItem(RLParagraph(text, s.list_item)))
    return [
        *heading("Bronnen", 0, key),
        ListFlowable(
            items,
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=fonts().regular,
            bulletFontSize=s.body.fontSize,
            leftIndent=18,
        ),
    ]
