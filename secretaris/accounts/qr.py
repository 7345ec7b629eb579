"""QR codes as inline SVG (segno: pure Python), for the two-factor enrolment page."""

from __future__ import annotations

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str, label: str) -> SafeString:
    """An <svg role="img"> with the QR code for `text`, named `label` for screen readers."""
    svg = segno.make(text, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    # segno writes only numbers and path data; the label is escaped here.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
