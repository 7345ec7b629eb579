import xml.etree.ElementTree as ET
from decimal import Decimal

from secretaris.documents.dotplot import DotRow, dot_plot_svg

NS = {"s": "http://www.w3.org/2000/svg"}


def test_a_dot_per_shown_group_and_the_own_score_as_a_line():
    svg = dot_plot_svg(
        [
            DotRow("Alle anderen (12)", Decimal("3.75"), (3.0, 4.5), emphasis=True),
            DotRow("Wethouders (4)", 4),
            DotRow("Medewerkers (5)", None),
        ],
        title="Visie",
        self_value=Decimal("4.5"),
    )
    root = ET.fromstring(str(svg))
    dots = [c for c in root.findall("s:circle", NS) if c.get("stroke") == "#ffffff"]
    assert len(dots) == 2  # a group whose figure is hidden gets no dot
    desc = root.find("s:desc", NS).text
    assert "Zelf 4,5" in desc
    assert "Alle anderen (12) 3,8 (spreiding 3,0 tot 4,5)" in desc
    assert "Medewerkers (5) niet getoond" in desc
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "spreiding" in texts  # the band is explained in the legend


def test_without_any_band_the_legend_does_not_mention_spread():
    svg = dot_plot_svg(
        [DotRow("Wethouders (4)", 4, (3, 5)), DotRow("MT (3)", None, (2, 4))][1:], title="x"
    )
    texts = [t.text for t in ET.fromstring(str(svg)).iter("{http://www.w3.org/2000/svg}text")]
    assert "spreiding" not in texts  # a band without a value is never drawn
