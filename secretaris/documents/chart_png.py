"""Charts as PNG pictures, for Word documents (SVG cannot go into a .docx portably).

Why Pillow and not svglib + ReportLab's renderPM: since ReportLab 4 renderPM needs
rlPyCairo, which needs pycairo and the cairo system library; Pillow is already there
(ReportLab depends on it) and brings its own FreeType. The charts from charts.py use a
small subset of SVG, which is all this draws: svg, g, circle, rect, line, polyline,
polygon, path (M/L/H/V/Z), text; presentation attributes with inheritance; fill and
stroke opacity. Anything else (title, desc, an unknown element) is skipped.

Shapes are drawn at twice the size and scaled down, which smooths their edges.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from PIL import Image, ImageColor, ImageDraw, ImageFont

from secretaris.documents.fonts import font_family

SVG_NS = "{http://www.w3.org/2000/svg}"
INHERITED = (
    "fill",
    "stroke",
    "stroke-width",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "fill-opacity",
    "stroke-opacity",
)
DEFAULTS = {"fill": "#000000", "stroke": "none", "stroke-width": "1", "font-size": "16"}
SUPERSAMPLE = 2
COMPRESSION = 3  # zlib level: 3 is a third faster than the default 6, 10% larger
ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def svg_size(svg: str) -> tuple[float, float]:
    """(width, height) of the chart in its own px units."""
    root = fromstring(svg)
    return _length(root.get("width"), 300), _length(root.get("height"), 150)


def chart_png(svg: str, width_px: int) -> bytes:
    """The SVG drawn as a PNG `width_px` wide, on white."""
    root = fromstring(svg)
    width, height = _length(root.get("width"), 300), _length(root.get("height"), 150)
    view = [float(n) for n in NUMBER.findall(root.get("viewBox", ""))] or [0, 0, width, height]
    scale = width_px * SUPERSAMPLE / view[2]
    size = (round(view[2] * scale), round(view[3] * scale))
    image = Image.new("RGB", size, (255, 255, 255))
    painter = Painter(image, scale, view[0], view[1])
    for element, style in _walk(root, {**DEFAULTS, **_own(root)}):
        painter.draw(element, style)
    buffer = io.BytesIO()
    # reduce() averages each 2x2 block: a fast box filter, enough for flat shapes.
    image.reduce(SUPERSAMPLE).save(buffer, format="PNG", compress_level=COMPRESSION)
    return buffer.getvalue()


def _length(value: str | None, default: float) -> float:
    match = NUMBER.match(value or "")
    return float(match.group()) if match else default


def _own(element: Element) -> dict[str, str]:
    return {name: value for name in INHERITED if (value := element.get(name)) is not None}


def _walk(element: Element, style: dict[str, str]) -> Iterator[tuple[Element, dict[str, str]]]:
    for child in element:
        tag = child.tag.removeprefix(SVG_NS)
        if tag in ("title", "desc", "defs", "style", "script"):
            continue
        child_style = {**style, **_own(child)}
        if tag == "g":
            yield from _walk(child, child_style)
        else:
            yield child, child_style


@functools.cache
def _font(size_px: int, bold: bool, italic: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    family = font_family()
    if family is None:
        return ImageFont.load_default(size_px)
    return ImageFont.truetype(str(family.file(bold, italic)), size_px)


def _color(value: str, opacity: str | None) -> tuple[int, int, int, int] | None:
    if not value or value == "none":
        return None
    try:
        red, green, blue = ImageColor.getrgb(value)[:3]
    except ValueError:
        return None
    alpha = round(255 * min(max(float(opacity), 0.0), 1.0)) if opacity else 255
    return red, green, blue, alpha


class Painter:
    def __init__(self, image: Image.Image, scale: float, left: float, top: float) -> None:
        self.image, self.scale, self.left, self.top = image, scale, left, top

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def draw(self, element: Element, style: dict[str, str]) -> None:
        tag = element.tag.removeprefix(SVG_NS)
        fill = _color(style["fill"], style.get("fill-opacity"))
        stroke = _color(style["stroke"], style.get("stroke-opacity"))
        width = max(1, round(_length(style["stroke-width"], 1) * self.scale))
        translucent = any(c is not None and c[3] < 255 for c in (fill, stroke))
        layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0)) if translucent else self.image
        pen = ImageDraw.Draw(layer)
        number = functools.partial(self._number, element)
        if tag == "circle":
            (x, y), r = self.xy(number("cx"), number("cy")), number("r") * self.scale
            pen.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=stroke, width=width)
        elif tag == "rect" and number("width") > 0 and number("height") > 0:
            x, y = self.xy(number("x"), number("y"))
            w, h = number("width") * self.scale, number("height") * self.scale
            pen.rectangle((x, y, x + w, y + h), fill=fill, outline=stroke, width=width)
        elif tag == "line" and stroke:
            start, end = self.xy(number("x1"), number("y1")), self.xy(number("x2"), number("y2"))
            pen.line([start, end], fill=stroke, width=width)
        elif tag in ("polyline", "polygon", "path"):
            self._poly(pen, tag, element, fill, stroke, width)
        elif tag == "text":
            self._text(pen, element, style, fill)
        if translucent:
            self.image.paste(layer, (0, 0), layer)

    @staticmethod
    def _number(element: Element, name: str) -> float:
        return _length(element.get(name), 0)

    def _poly(
        self, pen: ImageDraw.ImageDraw, tag: str, element: Element, fill, stroke, width
    ) -> None:  # noqa: ANN001
        if tag == "path":
            points, closed = _path_points(element.get("d", ""))
        else:
            values = [float(n) for n in NUMBER.findall(element.get("points", ""))]
            points, closed = list(zip(values[::2], values[1::2], strict=False)), tag == "polygon"
        xy = [self.xy(x, y) for x, y in points]
        if len(xy) < 2:
            return
        if fill and (closed or tag == "polygon" or tag == "path") and len(xy) > 2:
            pen.polygon(xy, fill=fill)
        if stroke:
            pen.line(xy + xy[:1] if closed else xy, fill=stroke, width=width, joint="curve")

    def _text(
        self, pen: ImageDraw.ImageDraw, element: Element, style: dict[str, str], fill
    ) -> None:  # noqa: ANN001
        text = "".join(element.itertext()).strip()
        if not text or fill is None:
            return
        size = max(1, round(_length(style["font-size"], 16) * self.scale))
        bold = style.get("font-weight", "normal") in ("bold", "bolder", "600", "700", "800", "900")
        font = _font(size, bold, style.get("font-style") == "italic")
        anchor = ANCHORS.get(style.get("text-anchor", "start"), "ls")
        xy = self.xy(self._number(element, "x"), self._number(element, "y"))
        pen.text(xy, text, fill=fill, font=font, anchor=anchor)


def _path_points(d: str) -> tuple[list[tuple[float, float]], bool]:
    """The points of a path made of straight lines (M, L, H, V, Z; either case)."""
    points: list[tuple[float, float]] = []
    x = y = 0.0
    closed = False
    for command, args in re.findall(r"([MLHVZmlhvz])([^MLHVZmlhvz]*)", d):
        values = [float(n) for n in NUMBER.findall(args)]
        relative = command.islower()
        kind = command.upper()
        if kind == "Z":
            closed = True
        elif kind in "ML":
            for px, py in zip(values[::2], values[1::2], strict=False):
                x, y = (x + px, y + py) if relative else (px, py)
                points.append((x, y))
        elif kind == "H":
            for value in values:
                x = x + value if relative else value
                points.append((x, y))
        elif kind == "V":
            for value in values:
                y = y + value if relative else value
                points.append((x, y))
    return points, closed
