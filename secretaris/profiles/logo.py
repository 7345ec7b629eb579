"""An uploaded logo for the title page, checked and re-encoded as a small PNG.

Only PNG and JPEG are accepted, at most MAX_BYTES and MAX_PIXELS; the picture is decoded
and drawn again, so nothing but pixels from the upload reaches a document (no scripts, no
metadata, no tricks hidden in the file).
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4000 * 4000
STORED_SIZE = (800, 400)  # the stored logo fits in this box
FORMATS = {"PNG", "JPEG"}


class LogoError(ValueError):
    """The upload is not a usable logo; the message is Dutch, for the user."""


def clean_logo(data: bytes) -> bytes:
    """The upload as a PNG of at most STORED_SIZE, or LogoError."""
    if len(data) > MAX_BYTES:
        raise LogoError("Het logo is te groot: kies een bestand van hoogstens 2 MB.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind, (width, height) = probe.format, probe.size
            probe.verify()
        if kind not in FORMATS:
            raise LogoError("Kies een logo als PNG- of JPEG-bestand.")
        if width * height > MAX_PIXELS or width < 16 or height < 16:
            raise LogoError("Het logo heeft een vreemd formaat: kies een gewone afbeelding.")
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise LogoError("Dit bestand is geen leesbare PNG- of JPEG-afbeelding.") from None
    picture.thumbnail(STORED_SIZE)
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()
