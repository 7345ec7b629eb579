"""Reading PDFs back in the scan tests."""

from __future__ import annotations

import io


def pdf_pages(content: bytes) -> list[str]:
    """The text of every page of a PDF, read back with pypdf."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def pdf_text(content: bytes) -> str:
    return "\n".join(pdf_pages(content))
