"""The SVG charts: structure, text alternatives, proportions and contrast."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal

import pytest

from secretaris.documents.charts import (
    KNOWN_PARTIES,
    LOCAL_PALETTE,
    bar_chart_svg,
    hemicycle_svg,
    line_chart_svg,
    party_colors,
)
from secretaris.documents.numbers import format_number

SVG = "{http://www.w3.org/2000/svg}"

UTRECHT_2022 = [
    ("GroenLinks", 11),
    ("D66", 7),
    ("VVD", 5),
    ("PvdA", 4),
    ("Student & Stad", 3),
    ("Partij voor de Dieren", 3),
    ("CDA", 2),
    ("ChristenUnie", 2),
    ("SP", 2),
    ("DENK", 2),
    ("Volt", 2),
    ("EenUtrecht", 2),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    light, dark = sorted([relative_luminance(first), relative_luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def assert_accessible_image(root: ET.Element) -> None:
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")


# -- numbers -----------------------------------------------------------------------------


def test_format_number_uses_dutch_separators():
    assert format_number("1234567.5", 1) == "1.234.567,5"


def test_format_number_rounds_half_up():
    assert format_number(Decimal("2.25"), 1) == "2,3"
    assert format_number(Decimal("0.5")) == "1"


def test_format_number_writes_negative_thousands():
    assert format_number(-1234) == "-1.234"


def test_format_number_never_writes_minus_zero():
    assert format_number("-0.04", 1) == "0,0"


# -- hemicycle ---------------------------------------------------------------------------


def test_hemicycle_is_an_accessible_image():
    assert_accessible_image(parse(hemicycle_svg(UTRECHT_2022, title="Gemeenteraad Utrecht")))


@pytest.mark.parametrize("total", [9, 11, 13, 17, 19, 23, 27, 29, 33, 37, 39, 45])
def test_hemicycle_has_one_circle_per_seat(total):
    parties = [("VVD", total // 2), ("Lokaal Belang", total - total // 2)]
    root = parse(hemicycle_svg(parties, title="Raad"))
    assert len(root.findall(f".//{SVG}circle")) == total


def test_hemicycle_gives_each_party_its_seats_in_its_colour():
    colors = party_colors([name for name, _ in UTRECHT_2022])
    root = parse(hemicycle_svg(UTRECHT_2022, title="Gemeenteraad Utrecht"))
    by_fill = Counter(circle.get("fill") for circle in root.iter(f"{SVG}circle"))
    assert by_fill == Counter({colors[name]: seats for name, seats in UTRECHT_2022})


def test_hemicycle_places_parties_left_to_right_in_order():
    root = parse(hemicycle_svg([("VVD", 5), ("SP", 5)], title="Raad"))
    groups = root.findall(f"{SVG}g")
    mean_x = [sum(float(c.get("cx")) for c in g.iter(f"{SVG}circle")) / 5 for g in groups]
    assert mean_x[0] < mean_x[1]


def test_hemicycle_text_alternative_names_every_party_with_its_seats():
    root = parse(hemicycle_svg(UTRECHT_2022, title="Gemeenteraad Utrecht"))
    assert root.find(f"{SVG}title").text == "Gemeenteraad Utrecht"
    desc = root.find(f"{SVG}desc").text
    assert "45 zetels" in desc
    for name, seats in UTRECHT_2022:
        assert f"{name}: {seats} zetels" in desc


def test_hemicycle_writes_one_seat_in_the_singular():
    desc = parse(hemicycle_svg([("VVD", 8), ("Volt", 1)], title="Raad")).find(f"{SVG}desc")
    assert "Volt: 1 zetel;" not in desc.text and desc.text.endswith("Volt: 1 zetel.")


def test_hemicycle_escapes_party_names():
    svg = hemicycle_svg([("<b>Lijst & Co</b>", 9)], title="Raad 'A'")
    root = parse(svg)
    assert "Lijst & Co" in root.find(f"{SVG}desc").text
    assert "<b>" not in svg


def test_hemicycle_uses_the_colours_given_by_the_caller():
    root = parse(hemicycle_svg([("VVD", 9)], title="Raad", colors={"VVD": "#123456"}))
    assert {c.get("fill") for c in root.iter(f"{SVG}circle")} == {"#123456"}


def test_hemicycle_without_seats_is_an_empty_state_image():
    root = parse(hemicycle_svg([], title="Raad"))
    assert_accessible_image(root)
    assert root.findall(f".//{SVG}circle") == []
    assert "geen zetelverdeling" in root.find(f"{SVG}desc").text


def test_two_charts_get_different_ids():
    first = parse(hemicycle_svg([("VVD", 9)], title="Raad 2018"))
    second = parse(hemicycle_svg([("VVD", 9)], title="Raad 2022"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


# -- party colours -----------------------------------------------------------------------


def test_every_party_colour_has_enough_contrast_against_white():
    colors = [color for _, color in KNOWN_PARTIES] + LOCAL_PALETTE
    for color in colors:
        assert contrast_ratio(color, "#ffffff") >= 3, color


@pytest.mark.parametrize(
    ("name", "like"),
    [
        ("GROENLINKS / Partij van de Arbeid (PvdA)", "GL-PvdA"),
        ("GL-PvdA", "GL-PvdA"),
        ("GroenLinks", "GroenLinks"),
        ("Partij van de Arbeid (P.v.d.A.)", "PvdA"),
        ("VVD", "VVD"),
        ("Christen Democratisch Appèl (CDA)", "CDA"),
        ("Democraten 66 (D66)", "D66"),
        ("SP (Socialistische Partij)", "SP"),
        ("PVV (Partij voor de Vrijheid)", "PVV"),
        ("ChristenUnie", "ChristenUnie"),
        ("Staatkundig Gereformeerde Partij (SGP)", "SGP"),
        ("BBB", "BBB"),
        ("Partij voor de Dieren", "Partij voor de Dieren"),
        ("JA21", "JA21"),
        ("Forum voor Democratie", "Forum voor Democratie"),
        ("Volt", "Volt"),
        ("DENK", "DENK"),
        ("50PLUS", "50PLUS"),
    ],
)
def test_national_parties_get_their_own_colour(name, like):
    assert party_colors([name])[name] == party_colors([like])[like]
    assert party_colors([name])[name] not in LOCAL_PALETTE


def test_abbreviations_match_whole_words_only():
    assert party_colors(["Sportief Lokaal"])["Sportief Lokaal"] in LOCAL_PALETTE


def test_party_colours_are_distinct_within_a_council():
    names = [name for name, _ in UTRECHT_2022] + ["Lokaal A", "Lokaal B", "SP Lokaal"]
    colors = party_colors(names)
    assert len(set(colors.values())) == len(names)


def test_party_colours_are_deterministic():
    names = ["Lokaal A", "VVD", "Lokaal B"]
    assert party_colors(names) == party_colors(list(names))


# -- bars --------------------------------------------------------------------------------

AGES = [
    ("0 tot 15 jaar", Decimal("15.2")),
    ("15 tot 25 jaar", Decimal("18.9")),
    ("25 tot 45 jaar", Decimal("30.1")),
    ("45 tot 65 jaar", Decimal("21.3")),
    ("65 jaar en ouder", Decimal("14.5")),
]


def test_bar_chart_is_an_accessible_image():
    assert_accessible_image(parse(bar_chart_svg(AGES, title="Leeftijdsopbouw")))


def test_bar_chart_draws_one_bar_per_row_in_proportion():
    root = parse(bar_chart_svg(AGES, title="Leeftijdsopbouw"))
    widths = [float(bar.get("width")) for bar in root.iter(f"{SVG}rect")]
    assert len(widths) == len(AGES)
    for width, (_, value) in zip(widths, AGES, strict=True):
        assert width / widths[2] == pytest.approx(float(value / AGES[2][1]), abs=0.001)


def test_bar_chart_scales_to_the_given_maximum():
    def bar_width(**kwargs):
        root = parse(bar_chart_svg([("a", 50)], title="T", **kwargs))
        return float(root.find(f"{SVG}rect").get("width"))

    assert bar_width(max_value=100) == pytest.approx(bar_width() / 2)


def test_bar_chart_writes_values_next_to_the_bars():
    root = parse(bar_chart_svg(AGES, title="Leeftijdsopbouw"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "30,1%" in texts and "65 jaar en ouder" in texts
    assert "25 tot 45 jaar: 30,1%" in root.find(f"{SVG}desc").text


def test_bar_chart_writes_other_units_after_a_space():
    root = parse(bar_chart_svg([("Utrecht", 1500)], title="T", unit="inwoners"))
    assert "1.500 inwoners" in [t.text for t in root.iter(f"{SVG}text")]


def test_bar_chart_without_rows_is_an_empty_state_image():
    root = parse(bar_chart_svg([], title="Leeftijdsopbouw"))
    assert_accessible_image(root)
    assert root.findall(f".//{SVG}rect") == []


def test_bar_colour_has_enough_contrast_against_white():
    root = parse(bar_chart_svg(AGES, title="T"))
    assert all(contrast_ratio(b.get("fill"), "#ffffff") >= 3 for b in root.iter(f"{SVG}rect"))


# -- line --------------------------------------------------------------------------------

INHABITANTS = [(str(year), 330_000 + 4_000 * i) for i, year in enumerate(range(2019, 2026))]


def test_line_chart_is_an_accessible_image():
    assert_accessible_image(parse(line_chart_svg(INHABITANTS, title="Inwoners", unit="inwoners")))


def test_line_chart_draws_a_dot_per_point_and_labels_them():
    root = parse(line_chart_svg(INHABITANTS, title="Inwoners", unit="inwoners"))
    assert len(root.findall(f"{SVG}circle")) == len(INHABITANTS)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "354.000" in texts and "2025" in texts


def test_line_chart_puts_higher_values_higher():
    root = parse(line_chart_svg([("2024", 100), ("2025", 200)], title="T", unit="inwoners"))
    first, second = root.findall(f"{SVG}circle")
    assert float(second.get("cy")) < float(first.get("cy"))


def test_line_chart_always_labels_the_latest_of_many_points():
    points = [(str(year), 1000 + year) for year in range(2000, 2026)]
    root = parse(line_chart_svg(points, title="T", unit="inwoners"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "2025" in texts and len(texts) < 2 * len(points)
    assert "2000: 3.000 inwoners" in root.find(f"{SVG}desc").text


def test_line_chart_with_one_point_does_not_divide_by_zero():
    root = parse(line_chart_svg([("2025", 5)], title="T", unit="inwoners"))
    assert len(root.findall(f"{SVG}circle")) == 1


def test_local_parties_do_not_get_a_colour_like_a_national_party_in_the_same_chart():
    from secretaris.documents.charts import _distance, party_colors

    names = ["GroenLinks-PvdA", "D66", "VVD", "CDA", "DENK", "ChristenUnie", "JA21", "Volt"]
    locals_ = ["EenUtrecht", "Stadsbelang", "Student & Starter", "Utrecht Solidair", "BIJ1"]
    colors = party_colors(names + locals_)
    for local in locals_:
        for national in names:
            assert _distance(colors[local], colors[national]) >= 45, (local, national)
    assert len(set(colors.values())) == len(colors)
