"""A4 pages: title band, running header with the status, "Pagina X van Y", bookmarks.

Only imported from inside `render_pdf()`. The document is laid out in passes
(ReportLab's multiBuild) until the table of contents and the page count stop changing:
usually two. The first pass can never be the last (it does not know the page count
yet), so it only measures: drawing is two thirds of a pass and is skipped there.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from secretaris.documents.model import Document
from secretaris.documents.pdf_story import story
from secretaris.documents.pdf_styles import (
    BORDER,
    MUTED,
    PAGE_MARGIN_BOTTOM,
    PAGE_MARGIN_TOP,
    PAGE_MARGIN_X,
    PRIMARY,
    STATUS,
    STATUS_TINT,
    fonts,
)

WIDTH, HEIGHT = A4
AUTHOR = "Secretaris"


class PageCount(Flowable):
    """Takes no space; remembers how many pages the last pass made, for "van Y".

    Before the first pass nothing is known, so that pass is a sketch (see SketchFrame).
    """

    def __init__(self, doc: DocumentTemplate) -> None:
        super().__init__()
        self.doc = doc
        self.width = self.height = 0
        self.settled = False

    def isIndexing(self) -> int:  # noqa: N802 (ReportLab's name)
        return 1

    def beforeBuild(self) -> None:  # noqa: N802
        self.doc.sketching.on = self.doc.total_pages == 0

    def afterBuild(self) -> None:  # noqa: N802
        self.settled = self.doc.page == self.doc.total_pages
        self.doc.total_pages = self.doc.page

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.settled

    def notify(self, kind: str, stuff: object) -> None:
        pass  # told of every TOC entry, like any indexing flowable

    def draw(self) -> None:
        pass


class Switch:
    """A flag shared by a document and its frames (ReportLab deep-copies frames)."""

    def __init__(self) -> None:
        self.on = False

    def __deepcopy__(self, memo: dict[int, object]) -> Switch:
        return self


def _skip_drawing(canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
    pass


class SketchFrame(Frame):
    """A frame that, while its document is sketching, places flowables without drawing.

    Wrapping and splitting (all that decides where pages break) happen as usual.
    """

    def __init__(self, sketching: Switch, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.sketching = sketching

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        if not self.sketching.on:
            return super()._add(flowable, canv, trySplit)
        # Set in __dict__: a Drawing refuses unknown attributes through __setattr__.
        flowable.__dict__["drawOn"] = _skip_drawing
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            flowable.__dict__.pop("drawOn", None)

    add = _add  # as in Frame, where add is an alias bound at class creation


class DocumentTemplate(BaseDocTemplate):
    def __init__(self, output: io.BytesIO, document: Document) -> None:
        super().__init__(
            output,
            pagesize=A4,
            leftMargin=PAGE_MARGIN_X,
            rightMargin=PAGE_MARGIN_X,
            topMargin=PAGE_MARGIN_TOP,
            bottomMargin=PAGE_MARGIN_BOTTOM,
            title=document.title,
            author=document.author or AUTHOR,
            subject=document.subtitle or document.title,
            creator=AUTHOR,
            lang="nl-NL",
            displayDocTitle=True,
        )
        self.document = document
        self.total_pages = 0
        self.sketching = Switch()
        frame = SketchFrame(
            self.sketching, self.leftMargin, self.bottomMargin, self.width, self.height, id="body"
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self.decorate)])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        key, level, text = outline
        top = self.frame._y + flowable.height + flowable.getSpaceAfter() + 4
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        if level <= min(1, self.document.contents_depth):
            self.notify("TOCEntry", (level, escape(text), self.page, key))  # TOC lines are markup

    def decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if doc.page == 1:
            self.title_band(canvas)
        else:
            self.header(canvas)
        self.footer(canvas)
        canvas.restoreState()

    def title_band(self, canvas: Canvas) -> None:
        f = fonts()
        canvas.setFillColor(PRIMARY)
        canvas.rect(0, HEIGHT - 1.6 * cm, WIDTH, 1.6 * cm, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(f.bold, 12)
        band = self.document.organisation or self.document.author or AUTHOR
        canvas.drawString(PAGE_MARGIN_X, HEIGHT - 1.0 * cm, band)
        self.status_label(canvas, HEIGHT - 1.1 * cm)

    def header(self, canvas: Canvas) -> None:
        f = fonts()
        y = HEIGHT - 1.45 * cm
        canvas.setFont(f.regular, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN_X, y, self.document.title)
        self.status_label(canvas, y)
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.6)
        canvas.line(PAGE_MARGIN_X, y - 0.3 * cm, WIDTH - PAGE_MARGIN_X, y - 0.3 * cm)

    def status_label(self, canvas: Canvas, baseline: float) -> None:
        """The status ("CONCEPT") as a label at the right edge, like a stamp."""
        status = self.document.status.strip().upper()
        if not status:
            return
        f, size = fonts(), 8.5
        text_width = stringWidth(status, f.bold, size)
        right = WIDTH - PAGE_MARGIN_X
        canvas.setFillColor(STATUS_TINT)
        canvas.setStrokeColor(STATUS)
        canvas.setLineWidth(0.8)
        canvas.roundRect(
            right - text_width - 12, baseline - 4, text_width + 12, size + 7, 2, stroke=1, fill=1
        )
        canvas.setFillColor(STATUS)
        canvas.setFont(f.bold, size)
        canvas.drawRightString(right - 6, baseline, status)

    def footer(self, canvas: Canvas) -> None:
        f = fonts()
        y = 1.2 * cm
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.6)
        canvas.line(PAGE_MARGIN_X, y + 0.45 * cm, WIDTH - PAGE_MARGIN_X, y + 0.45 * cm)
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN_X, y, self.document.footer or self.document.title)
        number = f"Pagina {self.page} van {max(self.total_pages, self.page)}"
        canvas.drawRightString(WIDTH - PAGE_MARGIN_X, y, number)


def build(document: Document) -> bytes:
    output = io.BytesIO()
    doc = DocumentTemplate(output, document)
    doc.multiBuild([PageCount(doc), *story(document, doc.width)], maxPasses=5)
    return output.getvalue()
