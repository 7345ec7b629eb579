"""Simple formatting for text that people write: paragraphs, lists, bold and italic.

The syntax is a small, forgiving subset of Markdown:

    Een alinea loopt door
    over meerdere regels.

    - een opsommingsteken (of "* ")
    1. een genummerd punt
    **vet** en *cursief*

Nothing else is markup: HTML, links and images stay literal text. `inline_html()`
escapes first and only then adds <strong> and <em>, so user text can never bring its
own tags or attributes onto a page.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from secretaris.documents.model import Block, BulletList, Paragraph

Run = tuple[str, bool, bool]  # (text, bold, italic)

# Bold: "**" before a non-space; it closes at "**" after a non-space that ends a run of
# stars, so "**vet *en cursief***" closes on the last two.
BOLD = r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*(?!\*)"
# Italic: a single "*" (not part of "**") around text that starts and ends with a letter.
ITALIC = r"(?<!\*)\*(?=[^\s*])(?P<italic>.+?)(?<=[^\s*])\*(?!\*)"
EMPHASIS = re.compile(f"{BOLD}|{ITALIC}", re.DOTALL)

BULLET = re.compile(r"^\s{0,3}[-*]\s+(?P<text>.*)$")
NUMBERED = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(?P<text>.*)$")
CONTINUATION = re.compile(r"^\s{2,}\S")


def inline_runs(text: str) -> list[Run]:
    """Text cut into runs of (text, bold, italic), for the PDF and DOCX renderers.

    >>> inline_runs("een **vet** woord")
    [('een ', False, False), ('vet', True, False), (' woord', False, False)]
    """
    runs: list[Run] = []
    _collect(text, False, False, runs)
    merged: list[Run] = []
    for part, bold, italic in runs:
        if merged and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + part, bold, italic)
        elif part:
            merged.append((part, bold, italic))
    return merged


def _collect(text: str, bold: bool, italic: bool, runs: list[Run]) -> None:
    position = 0
    for match in EMPHASIS.finditer(text):
        runs.append((text[position : match.start()], bold, italic))
        if match.group("bold") is not None:
            _collect(match.group("bold"), True, italic, runs)
        else:
            _collect(match.group("italic"), bold, True, runs)
        position = match.end()
    runs.append((text[position:], bold, italic))


def inline_html(text: str) -> SafeString:
    """User text as safe HTML: everything escaped, then **bold** and *italic* added.

    >>> inline_html('<b>x</b> **y**')
    '&lt;b&gt;x&lt;/b&gt; <strong>y</strong>'
    """
    parts = []
    # Escaping never adds or removes a "*", so the markup is found in the escaped text.
    for part, bold, italic in inline_runs(escape(text)):
        if italic:
            part = f"<em>{part}</em>"
        if bold:
            part = f"<strong>{part}</strong>"
        parts.append(part)
    # Safe: every piece of user text went through escape() above.
    return mark_safe("".join(parts))


def plain_text(text: str) -> str:
    """The text without its markup, e.g. for a heading or an aria-label."""
    return "".join(part for part, _, _ in inline_runs(text))


def parse_markup(text: str) -> tuple[Block, ...]:
    """Plain text with simple formatting as document blocks.

    Blank lines separate paragraphs; lines starting with "- " or "* " make a bulleted
    list, lines starting with "1. " a numbered one. An indented line continues the list
    item above it; other lines of a paragraph are joined with a space.
    """
    blocks: list[Block] = []
    lines: list[str] = []
    items: list[str] = []
    ordered = False

    def flush_paragraph() -> None:
        if lines:
            blocks.append(Paragraph(" ".join(lines)))
            lines.clear()

    def flush_list() -> None:
        if items:
            blocks.append(BulletList(tuple(items), ordered=ordered))
            items.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        bullet, numbered = BULLET.match(line), NUMBERED.match(line)
        item = bullet or numbered
        if not line.strip():
            flush_paragraph()
            flush_list()
        elif item and item.group("text").strip():
            flush_paragraph()
            if items and ordered != bool(numbered and not bullet):
                flush_list()
            ordered = bool(numbered and not bullet)
            items.append(item.group("text").strip())
        elif items and CONTINUATION.match(line):
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            flush_list()
            lines.append(line.strip())
    flush_paragraph()
    flush_list()
    return tuple(blocks)
