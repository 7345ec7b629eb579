"""Charts as SVG markup, drawn on the server.

Every chart is an accessible image: role="img", a <title> (its name) and a <desc>
(the figures in words), linked with aria-labelledby / aria-describedby. All styling is
in presentation attributes so the same SVG works in the page, in print and in a PDF.
Geometry uses floats; the figures written on the chart come from the exact values.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from secretaris.documents.numbers import decimals_needed, format_number, to_decimal

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
TEXT_COLOR = "#1a1a1a"
MUTED_COLOR = "#535353"
AXIS_COLOR = "#6b6b6b"
BAR_COLOR = "#154273"
LINE_COLOR = "#01689b"

# (pattern, colour): the first match wins, so combined lists come before their parts.
# Abbreviations match as whole words ("SP" must not match "Sportief Lokaal").
# Every colour has at least 3:1 contrast against white (WCAG 1.4.11).
KNOWN_PARTIES: list[tuple[str, str]] = [
    (r"gl[-/ ]?pvda|groenlinks.*(pvda|partij van de arbeid)", "#c2185b"),
    (r"groenlinks|groen links", "#5e8c00"),
    (r"\bpvda\b|partij van de arbeid", "#d7001c"),
    (r"\bvvd\b|volkspartij voor vrijheid", "#e65c00"),
    (r"\bcda\b|christen[- ]democratisch", "#007a5e"),
    (r"\bd66\b|democraten 66", "#00873c"),
    (r"\bsp\b|socialistische partij", "#a3162e"),
    (r"\bpvv\b|partij voor de vrijheid", "#1e3a6e"),
    (r"christenunie|\bcu\b", "#0086c0"),
    (r"\bsgp\b|staatkundig gereformeerde", "#a6461e"),
    (r"\bbbb\b|boerburgerbeweging|boer burger beweging", "#5d6d00"),
    (r"partij voor de dieren|\bpvdd\b", "#00652f"),
    (r"\bja21\b", "#3b5aa6"),
    (r"forum voor democratie|\bfvd\b", "#7a1f1f"),
    (r"\bvolt\b", "#5a2d91"),
    (r"\bdenk\b", "#008c95"),
    (r"50\s?plus", "#8b1a7e"),
]

# Local parties, in order of appearance; none of these is a national party's colour.
LOCAL_PALETTE = [
    "#1f6fb4",
    "#b34700",
    "#6d4c41",
    "#ad1457",
    "#37474f",
    "#8d6e00",
    "#0b7285",
    "#7b1fa2",
    "#4d6b00",
    "#283593",
    "#00695c",
    "#5c5c5c",
]


def party_colors(names: Sequence[str]) -> dict[str, str]:
    """A colour per party: national parties recognisable, local ones from a palette.

    Deterministic for the same list of names. A colour is never given twice while the
    palette lasts, so two lists that both look like "SP" still get different colours.
    """
    colors: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        lowered = name.lower()
        for pattern, color in KNOWN_PARTIES:
            if color not in used and re.search(pattern, lowered):
                colors[name] = color
                used.add(color)
                break
    # Local colours that look like a national party's in the same chart come last.
    free = [c for c in LOCAL_PALETTE if c not in used]
    distinct = [c for c in free if all(_distance(c, u) >= DISTINCT_COLOURS for u in used)]
    palette = iter(distinct + [c for c in free if c not in distinct])
    for index, name in enumerate(n for n in names if n not in colors):
        colors[name] = next(palette, LOCAL_PALETTE[index % len(LOCAL_PALETTE)])
    return colors


#: Two colours closer than this (RGB distance) are hard to tell apart in a legend.
DISTINCT_COLOURS = 45


def _distance(a: str, b: str) -> float:
    """Euclidean distance between two '#rrggbb' colours."""
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return math.dist(pa, pb)


def _number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _svg(
    kind: str, title: str, desc: str, width: float, height: float, body: str, chart_id: str | None
) -> SafeString:
    if chart_id is None:
        digest = hashlib.sha1(f"{kind}\n{title}\n{desc}".encode()).hexdigest()[:8]
        chart_id = f"chart-{kind}-{digest}"
    cid = escape(chart_id)
    w, h = _number(width), _number(height)
    # Safe: every text and attribute below is escaped or a number.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sec-chart__svg" '
        f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-labelledby="{cid}-title" aria-describedby="{cid}-desc" '
        f'font-family="{escape(FONT)}" font-size="15" fill="{TEXT_COLOR}">'
        f'<title id="{cid}-title">{escape(title)}</title>'
        f'<desc id="{cid}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="{anchor}"{extra}>'
        f"{escape(text)}</text>"
    )


def _empty(kind: str, title: str, message: str, chart_id: str | None) -> SafeString:
    body = _text(200, 44, message, anchor="middle", fill=MUTED_COLOR)
    return _svg(kind, title, message, 400, 72, body, chart_id)


def _seats(count: int) -> str:
    return f"{count} zetel" if count == 1 else f"{count} zetels"


# -- Hemicycle ---------------------------------------------------------------------------

INNER_RADIUS = 0.4  # innermost row, as a fraction of the outer row


def hemicycle_rows(total: int) -> int:
    """Rows so the space between seats along a row matches the space between rows."""
    if total <= 3:
        return 1
    k = 2 * (1 - INNER_RADIUS) / (math.pi * (1 + INNER_RADIUS))
    return max(1, round((1 + math.sqrt(1 + 4 * k * total)) / 2))


def hemicycle_positions(total: int) -> tuple[list[tuple[float, float]], float]:
    """Seat centres (x, y) on a unit semicircle, sorted left to right, and a dot radius.

    Seats are spread over the rows in proportion to each row's arc length (largest
    remainder), then ordered by angle so consecutive seats form a party's wedge.
    """
    rows = hemicycle_rows(total)
    if rows == 1:
        radii = [1.0]
    else:
        step = (1 - INNER_RADIUS) / (rows - 1)
        radii = [INNER_RADIUS + i * step for i in range(rows)]
    shares = [total * r / sum(radii) for r in radii]
    counts = [math.floor(s) for s in shares]
    by_remainder = sorted(range(rows), key=lambda i: (counts[i] - shares[i], -i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1

    seats: list[tuple[float, float]] = []  # (angle, radius)
    gaps = [(1 - INNER_RADIUS) / (rows - 1)] if rows > 1 else [0.5]
    for radius, count in zip(radii, counts, strict=True):
        if count == 1:
            seats.append((math.pi / 2, radius))
        elif count > 1:
            seats.extend((math.pi * (1 - j / (count - 1)), radius) for j in range(count))
            gaps.append(math.pi * radius / (count - 1))
    seats.sort(key=lambda s: (-round(s[0], 9), s[1]))
    positions = [(r * math.cos(a), r * math.sin(a)) for a, r in seats]
    return positions, min(0.42 * min(gaps), 0.16)


def hemicycle_svg(
    parties: Sequence[tuple[str, int]],
    *,
    title: str,
    colors: Mapping[str, str] | None = None,
    chart_id: str | None = None,
    legend: bool = False,
) -> SafeString:
    """The council as a half circle of seats, parties in the given order, left to right.

    Give the legend separately, in HTML, with the same `party_colors()`; or, for paper,
    `legend=True` draws it under the seats: a colour key, the party and its seats per line.
    """
    seated = [(name, int(seats)) for name, seats in parties if int(seats) > 0]
    total = sum(seats for _, seats in seated)
    if total == 0:
        return _empty("hemicycle", title, "Er is geen zetelverdeling bekend.", chart_id)

    palette = party_colors([name for name, _ in seated])
    palette.update({name: colors[name] for name, _ in seated if colors and name in colors})
    positions, dot = hemicycle_positions(total)

    scale, margin = 190.0, 190.0 * dot + 4
    width, cx, cy = 2 * (scale + margin), scale + margin, scale + margin
    groups, index = [], 0
    for name, seats in seated:
        circles = "".join(
            f'<circle cx="{_number(cx + x * scale)}" cy="{_number(cy - y * scale)}" '
            f'r="{_number(dot * scale)}" fill="{escape(palette[name])}"/>'
            for x, y in positions[index : index + seats]
        )
        index += seats
        groups.append(f"<g><title>{escape(name)}: {_seats(seats)}</title>{circles}</g>")
    # The total goes under the half circle: inside it would touch the seats of small councils.
    label = _text(
        cx, cy + margin + 24, _seats(total), anchor="middle", font_size="20", font_weight="bold"
    )
    desc = (
        f"Gemeenteraad met {_seats(total)}, van links naar rechts: "
        + "; ".join(f"{name}: {_seats(seats)}" for name, seats in seated)
        + "."
    )
    body = "".join(groups) + label
    height = cy + margin + 34
    if legend:
        keys, height = _legend(seated, palette, width, height + 8)
        body += keys
    return _svg("hemicycle", title, desc, width, height, body, chart_id)


LEGEND_LINE = 22
LEGEND_CHARS_TWO_COLUMNS = 24  # longer names get the whole width


def _legend(
    seated: Sequence[tuple[str, int]], palette: Mapping[str, str], width: float, top: float
) -> tuple[str, float]:
    """Colour keys with "party (seats)", in two columns when the names are short."""
    columns = 2 if all(len(n) <= LEGEND_CHARS_TWO_COLUMNS for n, _ in seated) else 1
    per_column = math.ceil(len(seated) / columns)
    parts = []
    for i, (name, seats) in enumerate(seated):
        x = 8 + (i // per_column) * (width / columns)
        y = top + (i % per_column) * LEGEND_LINE
        parts.append(
            f'<rect x="{_number(x)}" y="{_number(y)}" width="14" height="14" rx="2" '
            f'fill="{escape(palette[name])}"/>'
        )
        parts.append(_text(x + 22, y + 12, f"{name} ({seats})"))
    return "".join(parts), top + per_column * LEGEND_LINE + 4


# -- Bars --------------------------------------------------------------------------------


def _with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def bar_chart_svg(
    rows: Sequence[tuple[str, Decimal | int | float]],
    *,
    title: str,
    unit: str = "%",
    max_value: Decimal | int | float | None = None,
    decimals: int | None = None,
    chart_id: str | None = None,
) -> SafeString:
    """Horizontal bars, each with its label before and its value written after it.

    Bars are scaled to `max_value` (default: the largest value); negative values draw
    no bar. Decimals: 0 when every value is whole, else 1, unless given.
    """
    if not rows:
        return _empty("bars", title, "Er zijn geen cijfers bekend.", chart_id)
    values = [to_decimal(value) for _, value in rows]
    places = decimals if decimals is not None else decimals_needed(values)
    top = to_decimal(max_value) if max_value is not None else max(values)
    top = top if top > 0 else Decimal(1)
    written = [_with_unit(format_number(v, places), unit) for v in values]

    label_width = min(max(8 * max(len(label) for label, _ in rows) + 12, 80), 240)
    bar_space, value_width, row_height, bar_height = 160, 9 * max(map(len, written)) + 20, 34, 22
    parts = []
    for i, ((label, _), value, text) in enumerate(zip(rows, values, written, strict=True)):
        y = 6 + i * row_height
        bar_width = float(min(max(value, Decimal(0)), top) / top) * bar_space
        baseline = y + bar_height / 2 + 5
        parts.append(
            _text(label_width - 10, baseline, label, anchor="end")
            + f'<rect class="bar" x="{label_width}" y="{_number(y)}" '
            f'width="{_number(bar_width)}" height="{bar_height}" fill="{BAR_COLOR}"/>'
            + _text(label_width + bar_width + 6, baseline, text, font_weight="bold")
        )
    axis = (
        f'<line x1="{label_width}" y1="0" x2="{label_width}" '
        f'y2="{len(rows) * row_height}" stroke="{AXIS_COLOR}" stroke-width="1"/>'
    )
    desc = "; ".join(f"{label}: {text}" for (label, _), text in zip(rows, written, strict=True))
    width = label_width + bar_space + value_width
    return _svg(
        "bars",
        title,
        desc + ".",
        width,
        len(rows) * row_height + 4,
        axis + "".join(parts),
        chart_id,
    )


# -- Line --------------------------------------------------------------------------------


def line_chart_svg(
    points: Sequence[tuple[str, Decimal | int]],
    *,
    title: str,
    unit: str,
    decimals: int | None = None,
    chart_id: str | None = None,
) -> SafeString:
    """A small line with a dot per point, its value above and its label below.

    The vertical scale fits the values (it does not start at zero); with many points
    only every few values are written, always including the latest.
    """
    if not points:
        return _empty("line", title, "Er zijn geen cijfers bekend.", chart_id)
    values = [to_decimal(value) for _, value in points]
    places = decimals if decimals is not None else decimals_needed(values)
    written = [format_number(v, places) for v in values]
    low, high = min(values), max(values)
    spread = (high - low) or (abs(high) or Decimal(1))
    low, high = low - spread / 10, high + spread / 10

    width, height, left, top, plot_height = 440.0, 210.0, 44.0, 34.0, 120.0
    step = (width - 2 * left) / (len(points) - 1) if len(points) > 1 else 0
    coords = [
        (
            left + i * step if len(points) > 1 else width / 2,
            top + float((high - v) / (high - low)) * plot_height,
        )
        for i, v in enumerate(values)
    ]
    every = math.ceil(len(points) / 6)
    labelled = set(range(len(points) - 1, -1, -every))

    parts = [
        f'<line x1="{_number(left / 2)}" y1="{_number(top + plot_height + 10)}" '
        f'x2="{_number(width - left / 2)}" y2="{_number(top + plot_height + 10)}" '
        f'stroke="{AXIS_COLOR}" stroke-width="1"/>'
    ]
    line = " ".join(f"{_number(x)},{_number(y)}" for x, y in coords)
    parts.append(
        f'<polyline points="{line}" fill="none" stroke="{LINE_COLOR}" '
        f'stroke-width="3" stroke-linejoin="round"/>'
    )
    for i, ((label, _), (x, y), text) in enumerate(zip(points, coords, written, strict=True)):
        parts.append(
            f'<circle cx="{_number(x)}" cy="{_number(y)}" r="5" fill="{LINE_COLOR}" '
            f'stroke="#ffffff" stroke-width="2"/>'
        )
        if i in labelled:
            parts.append(_text(x, y - 12, text, anchor="middle", font_weight="bold"))
            parts.append(_text(x, top + plot_height + 32, label, anchor="middle", fill=MUTED_COLOR))
    desc = "; ".join(
        f"{label}: {_with_unit(text, unit)}"
        for (label, _), text in zip(points, written, strict=True)
    )
    return _svg("line", title, desc + ".", width, height, "".join(parts), chart_id)
