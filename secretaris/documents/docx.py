"""A Document as an editable Word file (.docx), made with python-docx.

python-docx is imported only when a Word file is asked for. Charts become PNG
pictures drawn from the same SVG (chart_png.py), with the chart's alt text.
"""

from __future__ import annotations

from secretaris.documents.model import Document


def render_docx(document: Document) -> bytes:
    """The document as .docx bytes: title page, sections with Word's heading styles, sources."""
    from secretaris.documents.docx_build import build

    return build(document)
