"""Reading an HR export (CSV or XLSX) into a header and rows of cells, safely.

CSV: UTF-8 (with or without BOM) or cp1252; the separator (`;`, `,` or tab) is taken from
the header line. XLSX: the first sheet, streamed by organisation/xlsx.py with defusedxml,
after the ZIP directory was checked for bombs (uncompressed sizes and ratios) without
unpacking anything.
Cells come back as strings, or as date/datetime/number when Excel typed them.

Every refusal is a `ReadError` with a Dutch message for the user; nothing is stored.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

#: Largest upload accepted (the web form and the CLI). 100,000 rows of an AFAS export are
#: about 15 MB as CSV; 200 MB files are refused before they are read.
MAX_BYTES = 60 * 1024 * 1024
#: Limits on an XLSX's contents, checked in the ZIP directory before anything is unpacked.
MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 150  # a worksheet compresses 10–40 times; bombs thousands of times
MAX_ROWS = 250_000
MAX_COLUMNS = 200
SEPARATORS = (";", ",", "\t")
XLSX_MAGIC = b"PK\x03\x04"


class ReadError(Exception):
    """The file cannot be read; the message says why, in Dutch."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]]
    kind: str  # "csv" or "xlsx"
    notes: list[str] = field(default_factory=list)


def read_table(data: bytes, filename: str = "") -> Table:
    """The table in `data`; XLSX when it is a ZIP file (or named .xlsx), else CSV."""
    if not data or not data.strip():
        raise ReadError("Het bestand is leeg.")
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"Het bestand is {len(data) // (1024 * 1024)} MB; het maximum is "
            f"{MAX_BYTES // (1024 * 1024)} MB. Exporteer alleen de kolommen die nodig zijn."
        )
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(data)
    if filename.lower().endswith(".xls") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            "Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV en "
            "probeer het opnieuw."
        )
    return read_csv(data)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise ReadError("Dit lijkt geen tekstbestand (CSV) en geen Excel-bestand (.xlsx).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes) -> Table:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in SEPARATORS}
    separator = max(SEPARATORS, key=lambda s: counts[s])
    if counts[separator] == 0:
        raise ReadError(
            "De kolommen in de eerste regel zijn niet gescheiden door een puntkomma (;), "
            "komma (,) of tab. Exporteer het bestand als CSV met puntkomma's."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        headers = [h.strip() for h in next(reader)]
        rows = []
        for row in reader:  # blank rows are kept so row numbers match the file
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise ReadError(
                    f"Het bestand heeft meer dan {MAX_ROWS:,} regels.".replace(",", ".")
                )
    except csv.Error as exc:
        raise ReadError(f"Het CSV-bestand is beschadigd (regel {reader.line_num}).") from exc
    _check_headers(headers)
    name = {";": "puntkomma", ",": "komma", "\t": "tab"}[separator]
    return Table(headers, rows, "csv", [f"Scheidingsteken: {name}."])


def check_zip(data: bytes) -> None:
    """Refuse ZIP bombs by reading only the ZIP directory: no member is unpacked here."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("Het Excel-bestand is beschadigd (geen geldig .xlsx).") from exc
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        too_packed = any(
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            for info in infos
        )
        if total > MAX_UNCOMPRESSED or too_packed or len(infos) > 10_000:
            raise ReadError(
                "Het Excel-bestand pakt uit tot een onredelijk grote omvang (mogelijk een "
                "'zip-bom'). Het is niet geopend. Exporteer de gegevens opnieuw als CSV."
            )
        if "xl/workbook.xml" not in {info.filename for info in infos}:
            raise ReadError("Het bestand is een ZIP-bestand maar geen Excel-werkmap (.xlsx).")


def read_xlsx(data: bytes) -> Table:
    check_zip(data)
    from secretaris.organisation.xlsx import XlsxError, read_rows

    try:
        name, rows = read_rows(data, MAX_ROWS + 1)
    except XlsxError as exc:
        if str(exc) == "te veel regels":
            raise _too_many() from None
        raise ReadError("Het Excel-bestand kan niet worden gelezen (beschadigd?).") from exc
    except Exception as exc:  # broken ZIP members, bad XML, forbidden DTDs or entities
        raise ReadError("Het Excel-bestand kan niet worden gelezen (beschadigd?).") from exc
    if not rows or not any(str(v).strip() for v in rows[0]):
        raise ReadError("Het eerste werkblad is leeg of begint niet met kolomnamen.")
    headers = ["" if h is None else str(h).strip() for h in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    _check_headers(headers)
    body = [r[: len(headers)] for r in rows[1:]]
    if len(body) > MAX_ROWS:
        raise _too_many()
    return Table(headers, body, "xlsx", [f"Werkblad: {name} (alleen het eerste werkblad)."])


def _too_many() -> ReadError:
    return ReadError(f"Het bestand heeft meer dan {MAX_ROWS:,} regels.".replace(",", "."))


def _check_headers(headers: list[str]) -> None:
    if not any(headers):
        raise ReadError("De eerste regel bevat geen kolomnamen.")
    if len(headers) > MAX_COLUMNS:
        raise ReadError(f"Het bestand heeft meer dan {MAX_COLUMNS} kolommen.")
