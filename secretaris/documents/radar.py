"""A radar chart: scores on a 1–5 scale per competency, one outline per series.

Used for the 360° scan (self versus others). Same conventions as charts.py: SVG drawn
on the server, role="img" with a title and a description that gives every figure, so
the chart is never the only way to read the numbers.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString

from secretaris.documents.charts import AXIS_COLOR, MUTED_COLOR, _empty, _number, _svg, _text
from secretaris.documents.numbers import format_number, to_decimal

# Series styles: colour (≥ 3:1 on white) and a dash pattern, so they differ without colour.
SERIES_STYLES = (("#154273", ""), ("#b34700", "6 4"), ("#00652f", "2 3"))


def radar_svg(
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[Decimal | int | float | None]]],
    *,
    title: str,
    low: int = 1,
    high: int = 5,
    chart_id: str | None = None,
) -> SafeString:
    """Axes around a circle; each series an outline (a missing value breaks nothing)."""
    if len(axes) < 3 or not series:
        return _empty("radar", title, "Te weinig gegevens voor een radar.", chart_id)
    # Wider than high: the axis labels left and right need room.
    width, size, cx, centre, radius = 700.0, 460.0, 350.0, 230.0, 150.0
    angle = [(-math.pi / 2) + 2 * math.pi * i / len(axes) for i in range(len(axes))]

    def point(i: int, value: Decimal) -> tuple[float, float]:
        r = radius * float((value - low) / (high - low))
        return cx + r * math.cos(angle[i]), centre + r * math.sin(angle[i])

    parts = []
    for level in range(low, high + 1):  # the rings, labelled on the first axis
        ring = " ".join(
            f"{_number(x)},{_number(y)}"
            for x, y in (point(i, Decimal(level)) for i in range(len(axes)))
        )
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#cfd6df" stroke-width="1"/>')
        x, y = point(0, Decimal(level))
        parts.append(_text(x + 6, y + 4, str(level), fill=MUTED_COLOR, font_size="12"))
    for i, label in enumerate(axes):
        x, y = point(i, Decimal(high))
        parts.append(
            f'<line x1="{_number(cx)}" y1="{_number(centre)}" x2="{_number(x)}" '
            f'y2="{_number(y)}" stroke="{AXIS_COLOR}" stroke-width="1"/>'
        )
        lx = cx + (radius + 22) * math.cos(angle[i])
        ly = centre + (radius + 22) * math.sin(angle[i])
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        lines = wrap_label(label, 22, lines=3)
        extra = 15 * (len(lines) - 1)
        # Above the circle the lines grow upwards, below it downwards, beside it both ways.
        if ly < centre - radius * 0.9:
            shift = -extra
        elif ly > centre + radius * 0.9:
            shift = 0.0
        else:
            shift = -extra / 2
        for n, line in enumerate(lines):
            parts.append(_text(lx, ly + 5 + shift + 15 * n, line, anchor=anchor, font_size="13"))
    described = []
    for index, (name, values) in enumerate(series):
        color, dash = SERIES_STYLES[index % len(SERIES_STYLES)]
        known = [(i, to_decimal(v)) for i, v in enumerate(values) if v is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(known) >= 2:
            outline = " ".join(
                f"{_number(x)},{_number(y)}" for x, y in (point(i, v) for i, v in known)
            )
            shape = "polygon" if len(known) == len(axes) else "polyline"
            parts.append(
                f'<{shape} points="{outline}" fill="none" stroke="{color}" '
                f'stroke-width="3"{dash_attr}/>'
            )
        for i, v in known:
            x, y = point(i, v)
            parts.append(f'<circle cx="{_number(x)}" cy="{_number(y)}" r="4" fill="{color}"/>')
        figures = ", ".join(
            f"{axes[i]} {format_number(to_decimal(v), 1) if v is not None else 'niet getoond'}"
            for i, v in enumerate(values)
        )
        described.append(f"{name}: {figures}")
        ly = size + 8 + 22 * index
        parts.append(
            f'<line x1="40" y1="{_number(ly - 5)}" x2="80" y2="{_number(ly - 5)}" '
            f'stroke="{color}" stroke-width="3"{dash_attr}/>'
        )
        parts.append(_text(90, ly, name, font_size="14"))
    height = size + 16 + 22 * len(series)
    return _svg("radar", title, "; ".join(described) + ".", width, height, "".join(parts), chart_id)


def wrap_label(label: str, width: int = 24, lines: int = 2) -> list[str]:
    """A label over at most `lines` lines of about `width` characters, broken between
    words; only a single word longer than a line is shortened (ending in "…")."""
    parts = textwrap.wrap(label, width, break_long_words=False) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1 :])]
    return [p if len(p) <= width + 6 else p[: width + 5].rstrip() + "…" for p in parts]
