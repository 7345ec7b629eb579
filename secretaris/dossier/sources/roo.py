"""Register van Overheidsorganisaties (ROO): office holders and council parties (SOURCES.md §12).

`gemeenten.csv` gives per municipality the date of the last change, the council's parties by
their usual names with seats, the website and the organogram link; `bestuur_functies.csv`
gives the burgemeester (or waarnemend burgemeester), locoburgemeester, wethouders,
gemeentesecretaris and raadsgriffier by name. Nothing else about a person is kept.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from secretaris.dossier.matching import search_key
from secretaris.dossier.sources.files import SourceError, require_file

DIR = Path("roo_organisaties")
ORGANISATIONS = DIR / "gemeenten.csv"
OFFICE_HOLDERS = DIR / "bestuur_functies.csv"
PARTY = re.compile(r"^(.*\S)\s*\((\d+)\)$")
TOOI_GEMEENTE = re.compile(r"/gemeente/gm(\d{4})$")
FUNCTIONS = {
    "burgemeester": "burgemeester",
    "burgemeester waarnemend": "waarnemend",
    "locoburgemeester": "locoburgemeester",
    "wethouder": "wethouder",
    "gemeentesecretaris": "secretaris",
    "raadsgriffier": "griffier",
}


@dataclass
class RegisterEntry:
    code: str
    name: str
    date: str  # ISO date of the register's last change
    parties: list[tuple[str, int]] = field(default_factory=list)
    seats_total: int | None = None
    website: str = ""
    organogram: str = ""
    burgemeester: str | None = None
    waarnemend: bool = False
    locoburgemeester: str | None = None
    wethouders: list[str] = field(default_factory=list)
    secretaris: str | None = None
    griffier: str | None = None

    def as_data(self) -> dict:
        return {
            "date": self.date,
            "burgemeester": (
                {"name": self.burgemeester, "waarnemend": self.waarnemend}
                if self.burgemeester
                else None
            ),
            "locoburgemeester": self.locoburgemeester,
            "wethouders": self.wethouders,
            "secretaris": self.secretaris,
            "griffier": self.griffier,
            "parties": [[name, seats] for name, seats in self.parties],
            "seats_total": self.seats_total,
            "website": self.website,
            "organogram": self.organogram,
        }


def semicolon_rows(text: str, name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a ROO export: `;`-separated, every field quoted."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    fields = [f.strip() for f in reader.fieldnames or []]
    missing = [c for c in required if c not in fields]
    if missing:
        raise SourceError(f"Bestand {name} mist de kolom(men): {', '.join(missing)}.")
    try:
        return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]
    except csv.Error as exc:
        raise SourceError(f"Bestand {name} is geen geldige CSV: {exc}") from exc


def read_register(
    raw_dir: Path, codes_by_name: dict[str, str] | None = None
) -> dict[str, RegisterEntry]:
    texts = []
    for path in (raw_dir / ORGANISATIONS, raw_dir / OFFICE_HOLDERS):
        try:
            texts.append(require_file(path).read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise SourceError(f"Bestand {path.name} is geen UTF-8: {exc}") from exc
    return parse_register(texts[0], texts[1], codes_by_name)


def parse_register(
    organisations: str, office_holders: str, codes_by_name: dict[str, str] | None = None
) -> dict[str, RegisterEntry]:
    """The register by GM code, from the text of the two ROO CSV exports.

    A row without an Organisatiecode or TOOi URI (12 in April 2026, e.g. Altena) is matched
    on its name through `codes_by_name` (normalised CBS names).
    """
    result: dict[str, RegisterEntry] = {}
    for row in semicolon_rows(
        organisations,
        ORGANISATIONS.name,
        ("Afkorting", "Laatste mutatie", "Raad (Partij (aantal zetels))", "Organisatiecode"),
    ):
        code = _code(row, codes_by_name or {})
        if code is None:
            continue
        result[code] = RegisterEntry(
            code=code,
            name=row["Afkorting"] or row.get("Officiële naam", "").removeprefix("Gemeente "),
            date=_iso(row["Laatste mutatie"], ORGANISATIONS.name),
            parties=parse_parties(row["Raad (Partij (aantal zetels))"]),
            seats_total=int(row["Totaal aantal zetels"])
            if row.get("Totaal aantal zetels", "").isdigit()
            else None,
            website=_first_url(row.get("Internetpagina's", "")),
            organogram=_first_url(row.get("Link naar organogram", "")),
        )
    for row in semicolon_rows(
        office_holders,
        OFFICE_HOLDERS.name,
        ("Naam", "Functie", "Resource identifier v5.0 organisatie"),
    ):
        match = TOOI_GEMEENTE.search(row["Resource identifier v5.0 organisatie"])
        function = FUNCTIONS.get(row["Functie"].lower())
        if not match or function is None or not row["Naam"]:
            continue
        entry = result.get(f"GM{match.group(1)}")
        if entry is None:
            continue
        _assign(entry, function, row["Naam"])
    for entry in result.values():
        entry.wethouders.sort()
    return result


def _code(row: dict[str, str], codes_by_name: dict[str, str]) -> str | None:
    text = row["Organisatiecode"].lower()
    if re.fullmatch(r"gm\d{4}", text):
        return text.upper()
    match = TOOI_GEMEENTE.search(row.get("TOOi URI", ""))
    if match:
        return f"GM{match.group(1)}"
    return codes_by_name.get(search_key(row["Afkorting"]))


def _assign(entry: RegisterEntry, function: str, name: str) -> None:
    if function == "wethouder":
        if name not in entry.wethouders:
            entry.wethouders.append(name)
    elif function == "waarnemend":
        entry.burgemeester, entry.waarnemend = name, True
    elif function == "burgemeester":
        if not entry.waarnemend:
            entry.burgemeester = name
    elif getattr(entry, function) is None:
        setattr(entry, function, name)


def parse_parties(text: str) -> list[tuple[str, int]]:
    """'GroenLinks-PvdA (14);D66 (9)' -> [('GroenLinks-PvdA', 14), ('D66', 9)]."""
    parties = []
    for part in text.split(";"):
        match = PARTY.match(part.strip())
        if match:
            parties.append((match.group(1).strip(), int(match.group(2))))
    return parties


def _iso(text: str, name: str) -> str:
    try:
        day, month, year = (int(x) for x in text.split("-"))
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise SourceError(f"Bestand {name}: ongeldige datum '{text}'.") from exc


def _first_url(text: str) -> str:
    match = re.search(r"https?://[^\s,;]+", text)
    return match.group(0) if match else ""
