"""Reading raw source files safely, with errors that name the file (in Dutch).

All XML goes through defusedxml with DTDs, entities and external references forbidden:
the raw files are plain data and never need them, so any such construct is refused
(billion laughs, external entities, DTD retrieval).
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as _safe_parse

# CBS marks a missing or suppressed value with this code in its geo files.
CBS_MISSING = "-99999999"


class SourceError(Exception):
    """A raw source file is missing, unreadable or not in the expected form."""


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise SourceError(f"Bronbestand ontbreekt: {path}")
    return path


def read_xml(path: Path) -> Element:
    """The root element of an XML file; hostile or malformed XML raises SourceError."""
    require_file(path)
    try:
        return _safe_parse(
            str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True
        ).getroot()
    except DefusedXmlException as exc:
        raise SourceError(
            f"Bestand {path.name} geweigerd: onveilige XML ({type(exc).__name__}: "
            "DTD's, entiteiten en externe verwijzingen zijn niet toegestaan)."
        ) from exc
    except (ParseError, UnicodeDecodeError) as exc:
        raise SourceError(f"Bestand {path.name} is geen geldige XML: {exc}") from exc


def read_json(path: Path) -> Any:
    require_file(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"Bestand {path.name} is geen geldige JSON: {exc}") from exc


def read_csv(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """All rows of a UTF-8 CSV file; checks that the required columns are present."""
    require_file(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceError(f"Bestand {path.name} mist de kolom(men): {', '.join(missing)}.")
            return list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(f"Bestand {path.name} is geen geldige CSV: {exc}") from exc


def decimal_text(value: Any) -> str | None:
    """An exact decimal string for a raw value, or None when CBS marks it missing.

    "11642.0" -> "11642", 2.1 -> "2.1"; "", "NaN", None and -99999999 -> None.
    Floats are converted through their shortest repr, so 2.1 stays "2.1".
    """
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if text in ("", CBS_MISSING) or text.lower() in ("nan", "na", "none", "null"):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or number == Decimal(CBS_MISSING):
        return None
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def gm_code(value: str | int) -> str:
    """'344', '0344', 344 or 'GM0344' -> 'GM0344'."""
    text = str(value).strip().upper().removeprefix("GM")
    if not text.isdigit():
        raise ValueError(f"geen gemeentecode: {value!r}")
    return f"GM{int(text):04d}"
