"""A Document as HTML for inside a page that extends base.html (the page owns the h1).

The Document is turned into plain view dicts here (markup already escaped and
converted); the templates under templates/documents/ only lay them out.
"""

from __future__ import annotations

import re
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from secretaris.documents.markup import inline_html, plain_text
from secretaris.documents.model import (
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
    is_web,
    source_line,
)

# Tags and attributes a chart from charts.py never has, but a script or a link would.
# Text in a chart is escaped, so every "<" in it starts a real tag.
UNSAFE_SVG = re.compile(
    r"<\s*/?\s*(script|style|foreignObject|iframe|object|embed|a|image|use)\b"
    r"|<[^>]*\s(on\w+|(xlink:)?href|style)\s*=",
    re.IGNORECASE,
)


def render_html(document: Document, *, first_level: int = 2) -> SafeString:
    """The document body: sections from <h2> (or `first_level`) down, then the sources."""
    ids = Anchors()
    sections = [_section(section, first_level, ids) for section in document.sections]
    sources = [
        {"label": source.label, "note": source.note, "url": source.url, "link": is_web(source.url)}
        for source in document.sources
    ]
    context = {
        "sections": sections,
        "sources": sources,
        "sources_id": ids.unique("bronnen"),
        "sources_tag": f"h{min(first_level, 6)}",
        "sources_level": first_level,
    }
    return render_to_string("documents/document.html", context)


def _section(section: Section, level: int, ids: Anchors) -> dict[str, Any]:
    anchor = ids.unique(section.anchor or section.title)
    return {
        "id": anchor,
        "title": plain_text(section.title),
        "tag": f"h{min(level, 6)}",
        "level": min(level, 6),
        "blocks": [_block(block) for block in section.blocks if has_content(block)],
        "subsections": [_section(sub, level + 1, ids) for sub in section.subsections],
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": block.kind, "style": block.style, "html": inline_html(block.text)}
    if isinstance(block, BulletList):
        items = [inline_html(item) for item in block.items]
        return {
            "kind": block.kind,
            "ordered": block.ordered,
            "items": items,
            "columns": block.columns,
        }
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return {
            "kind": block.kind,
            "svg": trusted_svg(block.svg),
            "caption": block.caption,
            "alt": block.alt,
            "source": source_line(block.source),
        }
    if isinstance(block, KeyValues):
        items = [(plain_text(key), inline_html(value)) for key, value in block.items]
        return {"kind": block.kind, "items": items}
    raise TypeError(f"Not a document block: {block!r}")


def _table(table: Table) -> dict[str, Any]:
    columns = [
        {"text": plain_text(name), "numeric": table.is_numeric(i)}
        for i, name in enumerate(table.columns)
    ]
    rows = [
        [
            {
                "html": inline_html(cell),
                "numeric": table.is_numeric(i),
                "header": table.row_headers and i == 0,
            }
            for i, cell in enumerate(row)
        ]
        for row in table.rows
    ]
    return {
        "kind": table.kind,
        "caption": table.caption,
        "label": table.caption or "Tabel",
        "columns": columns,
        "rows": rows,
        "source": source_line(table.source),
    }


def trusted_svg(svg: str) -> SafeString:
    """A chart's SVG for inlining; refused when it holds what could run or link."""
    if not svg.lstrip().startswith("<svg") or UNSAFE_SVG.search(svg):
        raise ValueError("Chart.svg must be markup from secretaris.documents.charts")
    # Safe: charts.py escapes every text and attribute, and the check above holds.
    return mark_safe(svg)


def section_links(document: Document) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(id, title, subsections as (id, title)) of every top-level section, with the ids
    `render_html` gives them: for jump links above a long document."""
    ids = Anchors()
    links = []
    for section in document.sections:
        anchor = ids.unique(section.anchor or section.title)
        links.append((anchor, plain_text(section.title), _reserve(section.subsections, ids)))
    return links


def _reserve(sections: tuple[Section, ...], ids: Anchors) -> list[tuple[str, str]]:
    """Take the ids of `sections` and everything under them, in reading order; return the
    (id, title) of `sections` themselves."""
    found = []
    for section in sections:
        found.append((ids.unique(section.anchor or section.title), plain_text(section.title)))
        _reserve(section.subsections, ids)
    return found
