"""Charts drawn as PNG for Word: the right size, the right colours in the right places."""

from __future__ import annotations

import io

from PIL import Image

from secretaris.documents.chart_png import chart_png, svg_size
from secretaris.documents.charts import BAR_COLOR, bar_chart_svg, hemicycle_svg, party_colors


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_it_draws_at_the_asked_width_keeping_the_proportions() -> None:
    svg = bar_chart_svg([("A", 1), ("B", 2)], title="t")
    width, height = svg_size(svg)
    image = _image(chart_png(svg, 600))
    assert image.width == 600
    assert abs(image.height - round(600 * height / width)) <= 1


def test_bars_have_the_bar_colour_where_the_svg_puts_them() -> None:
    svg = bar_chart_svg([("Een", 10), ("Twee", 20)], title="t")
    width, _ = svg_size(svg)
    image = _image(chart_png(svg, round(width)))  # 1 px per SVG unit
    # The longest bar starts at the label column (x=80 for short labels), rows start at y=6.
    assert _close(image.getpixel((80 + 150, 6 + 34 + 11)), _rgb(BAR_COLOR))
    assert _close(image.getpixel((2, 2)), (255, 255, 255))


def test_seats_have_their_party_colour() -> None:
    svg = hemicycle_svg([("VVD", 2), ("D66", 1)], title="Raad")
    width, _ = svg_size(svg)
    image = _image(chart_png(svg, round(width)))
    colours = {colour for _, colour in image.getcolors(1 << 20)}
    for party, colour in party_colors(["VVD", "D66"]).items():
        assert any(_close(c, _rgb(colour), tolerance=4) for c in colours), party


def test_it_draws_paths_polygons_and_see_through_fills() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
        "<title>t</title><desc>d</desc><script>ignored()</script>"
        '<polygon points="0,0 50,0 50,50 0,50" fill="#ff0000"/>'
        '<path d="M 50 50 h 50 v 50 H 50 Z" fill="#0000ff" fill-opacity="0.5"/>'
        '<foreignObject width="10" height="10"/>'
        "</svg>"
    )
    image = _image(chart_png(svg, 100))
    assert _close(image.getpixel((25, 25)), (255, 0, 0))
    assert _close(image.getpixel((75, 75)), (127, 127, 255), tolerance=3)
    assert _close(image.getpixel((75, 25)), (255, 255, 255))


def test_text_is_drawn() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" width="200" height="40" '
        'font-size="20" fill="#000000">'
        '<text x="100" y="28" text-anchor="middle">Zetels</text></svg>'
    )
    image = _image(chart_png(svg, 200))
    dark = [image.getpixel((x, y)) for x in range(60, 140) for y in range(8, 32)]
    assert min(sum(pixel) for pixel in dark) < 200
    assert _close(image.getpixel((5, 20)), (255, 255, 255))
