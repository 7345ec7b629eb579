"""The typeface for PDF pages and chart pictures: DejaVu Sans, or its parent Vera.

1. DejaVu Sans from the operating system (Debian's fonts-dejavu-core and the like):
   the widest coverage, including the Latin Extended letters of names such as
   Yeşilgöz or Łukasz.
2. Bitstream Vera, which ships inside the ReportLab wheel (reportlab/fonts/Vera*.ttf),
   so it is there wherever the PDF renderer is installed. DejaVu Sans was drawn from
   it: the same letters and widths, but only Latin-1 (every Dutch letter, € included).
3. None: the PDF falls back to the built-in Helvetica and charts to Pillow's own font.

Nothing is imported from ReportLab here, so the chart rasteriser can use this too.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

SYSTEM_DEJAVU_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/dejavu",  # Alpine, Arch
    "/usr/share/fonts/TTF",  # Arch (older)
    "/usr/local/share/fonts/dejavu",  # FreeBSD
)
DEJAVU_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
DEJAVU_BOLD_ITALIC = "DejaVuSans-BoldOblique.ttf"
VERA_FILES = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")


@dataclass(frozen=True)
class FontFamily:
    """Four TrueType files of one family."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        if bold and italic:
            return self.bold_italic
        return self.bold if bold else self.italic if italic else self.regular


def _dejavu() -> FontFamily | None:
    for folder in map(Path, SYSTEM_DEJAVU_FOLDERS):
        files = [folder / name for name in (*DEJAVU_FILES, DEJAVU_BOLD_ITALIC)]
        if all(path.is_file() for path in files):
            return FontFamily("DejaVu Sans", *files)
    return None


def _vera() -> FontFamily | None:
    spec = importlib.util.find_spec("reportlab")  # finds the folder without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    files = [folder / name for name in VERA_FILES]
    if all(path.is_file() for path in files):
        return FontFamily("Bitstream Vera Sans", *files)
    return None


@functools.cache
def font_family() -> FontFamily | None:
    """The best family found on this machine; looked up once per process."""
    return _dejavu() or _vera()
