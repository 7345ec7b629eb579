"""A dot plot: one row per set of people, a dot at their mean on a 1–5 scale.

Used for the 360° scan: the secretary's own score as a dashed line through every row, so
each group's dot reads as "above or below how I see myself". A row may carry a band (for
example the mean plus and minus one standard deviation); rows without a value say
"niet getoond". Same conventions as charts.py: SVG drawn on the server, role="img", a
title and a description that gives every figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString

from secretaris.documents.charts import AXIS_COLOR, MUTED_COLOR, _empty, _number, _svg, _text
from secretaris.documents.numbers import format_number, to_decimal
from secretaris.documents.radar import wrap_label

SELF_COLOR = "#b34700"  # ≥ 3:1 on white, as the radar's second series
DOT_COLOR = "#154273"
BAND_COLOR = "#9fb6cf"
NOT_SHOWN = "niet getoond"


@dataclass(frozen=True)
class DotRow:
    label: str
    value: Decimal | float | None
    band: tuple[Decimal | float, Decimal | float] | None = None  # drawn only with a value
    emphasis: bool = False  # "Alle anderen": a larger dot and a bold label


def dot_plot_svg(
    rows: Sequence[DotRow],
    *,
    title: str,
    self_value: Decimal | float | None = None,
    self_label: str = "Zelf",
    low: int = 1,
    high: int = 5,
) -> SafeString:
    if not rows:
        return _empty("dotplot", title, "Geen groepen om te tonen.", None)
    width, left, right, top, row_height = 640.0, 210.0, 560.0, 34.0, 40.0

    def x(value: Decimal | float) -> float:
        return left + (right - left) * float((to_decimal(value) - low) / (high - low))

    bottom = top + row_height * len(rows)
    parts = []
    for tick in range(low, high + 1):  # grid and scale
        parts.append(
            f'<line x1="{_number(x(tick))}" y1="{_number(top - 6)}" x2="{_number(x(tick))}" '
            f'y2="{_number(bottom)}" stroke="#cfd6df" stroke-width="1"/>'
        )
        parts.append(_text(x(tick), top - 12, str(tick), anchor="middle", fill=MUTED_COLOR))
    described = []
    if self_value is not None:
        sx = _number(x(self_value))
        parts.append(
            f'<line x1="{sx}" y1="{_number(top - 4)}" x2="{sx}" y2="{_number(bottom)}" '
            f'stroke="{SELF_COLOR}" stroke-width="2.5" stroke-dasharray="6 4"/>'
        )
        described.append(f"{self_label} {format_number(to_decimal(self_value), 1)}")
    for index, row in enumerate(rows):
        cy = top + row_height * index + row_height / 2
        lines = wrap_label(row.label)
        first = cy + 5 - 8 * (len(lines) - 1)
        for n, line in enumerate(lines):
            attrs = {"font_weight": "bold"} if row.emphasis else {}
            parts.append(_text(left - 14, first + 16 * n, line, anchor="end", **attrs))
        if row.value is None:
            parts.append(_text(x(low), cy + 5, NOT_SHOWN, fill=MUTED_COLOR, font_size="13"))
            described.append(f"{row.label} {NOT_SHOWN}")
            continue
        figure = format_number(to_decimal(row.value), 1)
        text = f"{row.label} {figure}"
        if row.band is not None:
            a, b = (max(low, min(high, float(v))) for v in row.band)
            parts.append(
                f'<rect x="{_number(x(a))}" y="{_number(cy - 5)}" width="{_number(x(b) - x(a))}" '
                f'height="10" rx="5" fill="{BAND_COLOR}"/>'
            )
            text += (
                f" (spreiding {format_number(to_decimal(row.band[0]), 1)} tot "
                f"{format_number(to_decimal(row.band[1]), 1)})"
            )
        radius = 8 if row.emphasis else 6
        parts.append(
            f'<circle cx="{_number(x(row.value))}" cy="{_number(cy)}" r="{radius}" '
            f'fill="{DOT_COLOR}" stroke="#ffffff" stroke-width="1.5"/>'
        )
        parts.append(_text(right + 24, cy + 5, figure, font_weight="bold"))
        described.append(text)
    legend_y = bottom + 26
    parts.append(
        f'<line x1="{_number(left)}" y1="{_number(bottom)}" x2="{_number(right)}" '
        f'y2="{_number(bottom)}" stroke="{AXIS_COLOR}" stroke-width="1"/>'
    )
    parts.append(
        f'<circle cx="{_number(left + 6)}" cy="{_number(legend_y - 5)}" r="6" fill="{DOT_COLOR}"/>'
    )
    parts.append(_text(left + 18, legend_y, "gemiddelde van anderen", font_size="13"))
    if any(row.band is not None and row.value is not None for row in rows):
        bx = left + 300
        parts.append(
            f'<rect x="{_number(bx)}" y="{_number(legend_y - 10)}" width="30" height="10" '
            f'rx="5" fill="{BAND_COLOR}"/>'
        )
        parts.append(_text(bx + 38, legend_y, "spreiding", font_size="13"))
    if self_value is not None:
        lx = left + 190
        parts.append(
            f'<line x1="{_number(lx)}" y1="{_number(legend_y - 5)}" x2="{_number(lx + 30)}" '
            f'y2="{_number(legend_y - 5)}" stroke="{SELF_COLOR}" stroke-width="2.5" '
            f'stroke-dasharray="6 4"/>'
        )
        parts.append(_text(lx + 38, legend_y, self_label.lower(), font_size="13"))
    height = legend_y + 12
    return _svg("dotplot", title, "; ".join(described) + ".", width, height, "".join(parts), None)
