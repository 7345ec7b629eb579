"""Reading and checking the shipped data set file (see docs/dataset.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from secretaris.dossier.facts import FACT_TYPES

DATASET_PATH = Path(__file__).resolve().parent / "data" / "dataset.json"
FORMAT = 1


class DataSetError(Exception):
    """The data set file is missing, unreadable or not in the expected form."""


@dataclass(frozen=True)
class DataSetFile:
    data: dict[str, Any]
    digest: str


def read_dataset(path: Path = DATASET_PATH) -> DataSetFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataSetError(f"Gegevensbestand niet gevonden: {path}") from exc
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataSetError(f"Gegevensbestand {path} is geen geldige JSON: {exc}") from exc
    check_dataset(data)
    return DataSetFile(data=data, digest=hashlib.sha256(raw).hexdigest())


def check_dataset(data: Any) -> None:
    """Raise DataSetError (in Dutch) on the first structural problem found."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataSetError(f"Onbekend formaat van het gegevensbestand (verwacht format {FORMAT}).")
    sources = data.get("sources")
    gemeenten = data.get("gemeenten")
    if not isinstance(sources, dict) or not isinstance(gemeenten, list) or not gemeenten:
        raise DataSetError("Het gegevensbestand mist 'sources' of 'gemeenten'.")
    seen: set[str] = set()
    for index, gemeente in enumerate(gemeenten):
        where = f"gemeente {index + 1} ({gemeente.get('code', '?')})"
        for field in ("code", "name", "province"):
            if not isinstance(gemeente.get(field), str) or not gemeente[field]:
                raise DataSetError(f"{where}: veld '{field}' ontbreekt.")
        if gemeente["code"] in seen:
            raise DataSetError(f"{where}: code komt twee keer voor.")
        seen.add(gemeente["code"])
        for fact in gemeente.get("facts", []):
            if fact.get("key") not in FACT_TYPES:
                raise DataSetError(f"{where}: onbekend kenmerk '{fact.get('key')}'.")
            _decimal(fact.get("value"), where)
            _source(sources, fact.get("source"), where)
        for election in gemeente.get("elections", []):
            _source(sources, election.get("source"), where)
            for item in election.get("lists", []):
                if not isinstance(item.get("seats"), int) or item["seats"] < 0:
                    raise DataSetError(
                        f"{where}: ongeldig aantal zetels in {election.get('election')}."
                    )
        for merger in gemeente.get("mergers", []):
            _source(sources, merger.get("source"), where)


def _decimal(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise DataSetError(f"{where}: '{value}' is geen getal.") from exc


def _source(sources: dict, key: Any, where: str) -> None:
    if key is not None and key not in sources:
        raise DataSetError(f"{where}: bron '{key}' staat niet in de bronnenlijst.")
