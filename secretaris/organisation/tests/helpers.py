"""Small HR export files for tests, written as a user's spreadsheet would be."""

from __future__ import annotations

import io
import zipfile

HEADER = (
    "Personeelsnummer;Naam;Geslacht;Geboortedatum;Datum in dienst;Datum uit dienst;FTE;"
    "Afdeling;Functie;Leidinggevend"
)


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "cp1252") -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode(encoding)


def zip_bomb() -> bytes:
    """An .xlsx-looking ZIP whose sheet unpacks to 500 MB of zeros (a few hundred KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * (1024 * 1024)
            for _ in range(500):
                member.write(block)
    return buffer.getvalue()
