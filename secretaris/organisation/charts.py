"""The organisation's charts as SVG: age pyramid, in/door/uitstroom, verzuim per month.

Built on secretaris.documents.charts (same accessible markup: title, desc with the figures
in words), so the same SVG goes into the page, the PDF and (as PNG) the Word document.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.safestring import SafeString

from secretaris.documents.charts import (
    BAR_COLOR,
    LINE_COLOR,
    MUTED_COLOR,
    _empty,
    _number,
    _svg,
    _text,
    bar_chart_svg,
    line_chart_svg,
)
from secretaris.documents.numbers import format_number

WOMEN_COLOR = LINE_COLOR
MEN_COLOR = BAR_COLOR
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def age_pyramid_svg(rows: list[dict], chart_id: str | None = None) -> SafeString:
    """Men to the left, women to the right, the youngest band at the bottom."""
    title = "Leeftijdsopbouw: mannen en vrouwen per leeftijdsgroep"
    if not rows or not any(r["men"] or r["women"] or r["other"] for r in rows):
        return _empty("pyramid", title, "Er zijn geen geboortejaren bekend.", chart_id)
    top = max(max(r["men"], r["women"]) for r in rows) or 1
    half, label_w, row_h, bar_h, head = 170.0, 124.0, 30.0, 22.0, 30.0
    centre = half + 60
    width = 2 * half + 120 + label_w
    parts = [
        _text(centre - 8, 18, "Mannen", anchor="end", font_weight="bold"),
        _text(centre + label_w + 8, 18, "Vrouwen", font_weight="bold"),
    ]
    for i, row in enumerate(reversed(rows)):
        y = head + i * row_h
        men_w = row["men"] / top * half
        women_w = row["women"] / top * half
        base = y + bar_h / 2 + 5
        parts.append(
            f'<rect x="{_number(centre - men_w)}" y="{_number(y)}" width="{_number(men_w)}" '
            f'height="{bar_h}" fill="{MEN_COLOR}"/>'
            f'<rect x="{_number(centre + label_w)}" y="{_number(y)}" width="{_number(women_w)}" '
            f'height="{bar_h}" fill="{WOMEN_COLOR}"/>'
            + _text(centre + label_w / 2, base, row["band"], anchor="middle")
            + _text(centre - men_w - 6, base, str(row["men"]), anchor="end", fill=MUTED_COLOR)
            + _text(centre + label_w + women_w + 6, base, str(row["women"]), fill=MUTED_COLOR)
        )
    others = sum(r["other"] for r in rows)
    height = head + len(rows) * row_h + 8
    if others:
        parts.append(
            _text(
                centre + label_w / 2, height + 10, f"Anders of onbekend: {others}", anchor="middle"
            )
        )
        height += 24
    desc = "; ".join(f"{r['band']}: {r['men']} mannen, {r['women']} vrouwen" for r in rows)
    if others:
        desc += f"; anders of onbekend: {others}"
    return _svg("pyramid", title, desc + ".", width, height, "".join(parts), chart_id)


def flows_svg(figures: dict, chart_id: str | None = None) -> SafeString:
    rows = [
        (label, Decimal(str(figures[key])))
        for label, key in (
            ("Instroom", "inflow_pct"),
            ("Doorstroom", "throughflow_pct"),
            ("Uitstroom", "outflow_pct"),
        )
        if figures.get(key) is not None
    ]
    return bar_chart_svg(
        rows,
        title="In-, door- en uitstroom in % van het gemiddeld aantal medewerkers",
        unit="%",
        decimals=1,
        chart_id=chart_id,
    )


def absence_svg(figures: dict, chart_id: str | None = None) -> SafeString:
    points = [
        (f"{MONTHS[int(m['month'][5:7]) - 1]} {m['month'][2:4]}", Decimal(str(m["pct"])))
        for m in figures.get("absence_by_month", [])
        if m.get("pct") is not None
    ]
    return line_chart_svg(
        points, title="Ziekteverzuim per maand (%)", unit="%", decimals=1, chart_id=chart_id
    )


def duration_svg(figures: dict, chart_id: str | None = None) -> SafeString:
    rows = [(c["label"], c["reports"]) for c in figures.get("duration_classes", [])]
    return bar_chart_svg(
        rows, title="Ziekmeldingen naar duur", unit="meldingen", decimals=0, chart_id=chart_id
    )


def percent(value) -> str:
    return "onbekend" if value is None else f"{format_number(Decimal(str(value)), 1)}%"
