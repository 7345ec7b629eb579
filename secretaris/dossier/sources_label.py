"""How a source is named next to a figure."""

from __future__ import annotations

from secretaris.dossier.models import Source


def source_label(source: Source) -> str:
    return f"{source.publisher}, {source.title}" if source.publisher else source.title
