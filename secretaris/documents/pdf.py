"""A Document as an A4 PDF, drawn with ReportLab (charts as vector drawings via svglib).

ReportLab is imported only when a PDF is asked for: the pages and the CLI start
without it. The work is split by subject: pdf_styles.py (fonts, colours, styles),
pdf_story.py (the content as flowables), pdf_layout.py (pages, header, footer,
bookmarks and the passes that settle the table of contents and page count).
"""

from __future__ import annotations

from secretaris.documents.model import Document, KeyValues, Paragraph, Section, Table


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes: title page, contents, sections, sources."""
    from secretaris.documents.pdf_layout import build

    return build(document)


def warm_up() -> None:
    """Import ReportLab and load the fonts now, with a small document, so that the first
    real PDF a server process renders is not 0.3–0.4 s slower than the rest."""
    section = Section(
        "Warm",
        blocks=(
            Paragraph("Tekst met **vet** en *schuin*: Yeşilgöz, € 1.000."),
            KeyValues((("Sleutel", "waarde"),)),
            Table(("Kolom", "Getal"), (("rij", "1"),), caption="Tabel", numeric=(False, True)),
        ),
    )
    render_pdf(Document("Warm", subtitle="Secretaris", sections=(section,), footer="Warm"))
