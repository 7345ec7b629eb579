"""Small pictures for upload tests, made in memory."""

import io

from PIL import Image


def png_bytes(width: int = 200, height: int = 80, kind: str = "PNG") -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), (21, 66, 115)).save(output, format=kind)
    return output.getvalue()
