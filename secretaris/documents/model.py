"""One document model for every report: a presenter fills it once, renderers draw it.

`render_html`, `render_pdf` and `render_docx` all take a `Document`. Text fields are
plain text; paragraphs, list items, table cells and key-value values may use the
inline markup `**bold**` and `*italic*` (see `markup.py`). Nothing here is HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.utils.text import slugify

PARAGRAPH_STYLES = ("normal", "lead", "small", "quote")
PRINT_POINTS_PER_PX = 0.68  # charts on paper: 15 px lettering -> 10.2 pt


@dataclass(frozen=True)
class Paragraph:
    """Running text. `style`: "normal", "lead" (intro, larger), "small" or "quote"."""

    text: str
    style: str = "normal"
    kind: ClassVar[str] = "paragraph"

    def __post_init__(self) -> None:
        if self.style not in PARAGRAPH_STYLES:
            raise ValueError(f"Unknown paragraph style {self.style!r}: use {PARAGRAPH_STYLES}")


@dataclass(frozen=True)
class BulletList:
    """A bulleted list, or a numbered one when `ordered`.

    `columns` > 1 sets a long list of short items (village names) side by side. A list is
    kept on one page when it fits there.
    """

    items: tuple[str, ...]
    ordered: bool = False
    columns: int = 1
    kind: ClassVar[str] = "list"


@dataclass(frozen=True)
class Table:
    """A data table. `numeric[i]` right-aligns column i; `source` is printed under it.

    With `row_headers` the first cell of each row names the row (a <th scope="row">).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric: tuple[bool, ...] = ()
    source: str = ""
    row_headers: bool = True
    kind: ClassVar[str] = "table"

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"Row {row!r} has {len(row)} cells, expected {len(self.columns)}")

    def is_numeric(self, index: int) -> bool:
        return index < len(self.numeric) and self.numeric[index]


@dataclass(frozen=True)
class Chart:
    """An SVG chart from `secretaris.documents.charts`, with its text alternative.

    `width_cm` is the widest the chart may be on paper. On paper a chart is never
    larger than PRINT_POINTS_PER_PX times its own size, so its lettering (15 px) comes
    out at about the 10 pt of the body text.
    """

    svg: str
    caption: str
    alt: str
    source: str = ""
    width_cm: float = 15.0
    kind: ClassVar[str] = "chart"


@dataclass(frozen=True)
class KeyValues:
    """Facts as key and value: a definition list on screen, two columns on paper."""

    items: tuple[tuple[str, str], ...]
    kind: ClassVar[str] = "keyvalues"


Block = Paragraph | BulletList | Table | Chart | KeyValues


@dataclass(frozen=True)
class Section:
    """A titled part of the document; subsections nest one heading level deeper.

    `new_page` starts the section on a new page on paper (the web page ignores it).
    """

    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    anchor: str = ""
    new_page: bool = False


@dataclass(frozen=True)
class SourceRef:
    """An entry in the sources section at the end of the document."""

    label: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Document:
    """A whole document.

    `meta` goes on the title page as key-value pairs; a non-empty `status` (such as
    "Concept") is printed in the header of every page; `footer` in every footer.
    `table_of_contents` puts a list of sections on the title page of the PDF, down to
    `contents_depth` (0: top-level sections only, 1: and their subsections), and a Word
    table-of-contents field in the DOCX. `author` goes into the file's properties;
    `logo` (PNG bytes, already checked) and `organisation` go on the title page.
    """

    title: str
    subtitle: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    sections: tuple[Section, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    status: str = ""
    footer: str = ""
    table_of_contents: bool = True
    contents_depth: int = 1
    author: str = ""
    logo: bytes | None = None
    organisation: str = ""


def has_content(block: Block) -> bool:
    """False for a block with nothing to show (no items, no columns); renderers skip it."""
    if isinstance(block, BulletList | KeyValues):
        return bool(block.items)
    if isinstance(block, Table):
        return bool(block.columns)
    return True


def is_label(text: str) -> bool:
    """A paragraph that is all bold ("**Waarom in deze gemeente**") labels what follows:
    renderers keep it on the same page as the next block."""
    text = text.strip()
    return (
        len(text) > 4 and text.startswith("**") and text.endswith("**") and "**" not in text[2:-2]
    )


def is_web(url: str) -> bool:
    """Only http(s) addresses become links; anything else is shown as text."""
    return url.lower().startswith(("https://", "http://"))


def source_line(source: str) -> str:
    """ "CBS, 1 januari 2026" -> "Bron: CBS, 1 januari 2026" (left alone if it says so)."""
    source = source.strip()
    if not source or source.lower().startswith(("bron", "bronnen")):
        return source
    return f"Bron: {source}"


class Anchors:
    """Unique ids for the sections of one document, given in reading order.

    The HTML ids and the PDF bookmarks come from this, so "#opgaven" means the same.
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, wanted: str) -> str:
        base = slugify(wanted) or "sectie"
        anchor, number = base, 2
        while anchor in self.used:
            anchor, number = f"{base}-{number}", number + 1
        self.used.add(anchor)
        return anchor
