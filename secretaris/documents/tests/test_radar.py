import xml.etree.ElementTree as ET
from decimal import Decimal

from secretaris.documents.radar import radar_svg

NS = {"s": "http://www.w3.org/2000/svg"}
AXES = ["Visie", "Samenwerken", "Zelfreflectie", "Adviesvaardigheid"]


def test_the_radar_draws_one_outline_per_series_and_names_every_figure():
    svg = radar_svg(
        AXES,
        [("Zelf", [4, 5, 3, 4]), ("Anderen", [Decimal("3.5"), 4, 3, 2])],
        title="Zelf en anderen",
    )
    root = ET.fromstring(str(svg))
    outlines = [p for p in root.findall("s:polygon", NS) if p.get("stroke-width") == "3"]
    assert len(outlines) == 2
    desc = root.find("s:desc", NS).text
    assert "Zelf: Visie 4,0" in desc and "Anderen: Visie 3,5" in desc
    assert root.get("role") == "img"


def test_a_value_that_may_not_be_shown_is_said_so_and_not_drawn():
    svg = radar_svg(AXES, [("Anderen", [3, None, 4, 2])], title="Anderen")
    root = ET.fromstring(str(svg))
    assert "Samenwerken niet getoond" in root.find("s:desc", NS).text
    assert len(root.findall("s:circle", NS)) == 3


def test_two_axes_are_too_few_for_a_radar():
    assert "Te weinig" in str(radar_svg(["a", "b"], [("x", [1, 2])], title="t"))


def test_long_labels_wrap_over_lines_instead_of_being_cut():
    axes = [
        "Bestuurlijke & politieke sensitiviteit",
        "Visie",
        "Complexe organisatie ontwikkelingsprocessen in dynamische omgeving",
    ]
    root = ET.fromstring(str(radar_svg(axes, [("Zelf", [4, 3, 5])], title="t")))
    texts = [t.text for t in root.findall("s:text", NS)]
    joined = " ".join(texts)
    for label in axes:
        assert label in joined  # every word, in order, on consecutive lines
    assert "sensitiviteit" in texts and "ontwikkelingsprocessen" in texts
    assert not any("…" in t for t in texts)
