"""Council election results: Kiesraad EML, the DERIVED count CSV and processed JSON.

* `Resultaat_GR2022_*.eml.xml` (EML 520): per list (`AffiliationIdentifier` Id = list
  number, `RegisteredName`) the candidates with `<Elected>`. In this copy only lists that won
  seats appear, each with only its elected candidates: the seats per list are exact, the
  number of candidates on the list is not in the file.
* `gr2022_totaaltelling_per_lijst_DERIVED.csv`: votes per list (municipal total).
* `grtool_processed/<year>.json`: processed results (votes `stemmen`, seats `zetels`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretaris.dossier.sources.files import (
    SourceError,
    gm_code,
    read_csv,
    read_json,
    read_xml,
    require_file,
)

EML_DIR = Path("kiesraad_gr2022_grtool") / "2022"
COUNT_CSV = Path("kiesraad_gr2022_grtool") / "gr2022_totaaltelling_per_lijst_DERIVED.csv"
COUNT_COLUMNS = ("source_file", "cbs_code", "gemeente", "list_id", "list_name", "valid_votes")
PROCESSED = Path("grtool_processed")

EML = "{urn:oasis:names:tc:evs:schema:eml}"
KR = "{http://www.kiesraad.nl/extensions}"


@dataclass(frozen=True)
class ListSeats:
    number: int
    name: str
    seats: int


@dataclass(frozen=True)
class EmlResult:
    code: str
    name: str
    date: date
    lists: tuple[ListSeats, ...]
    file: str


@dataclass(frozen=True)
class ListVotes:
    number: int | None
    name: str
    votes: int | None
    seats: int | None = None


@dataclass(frozen=True)
class ProcessedResult:
    code: str
    name: str
    council_size: int
    lists: tuple[ListVotes, ...]

    @property
    def has_votes(self) -> bool:
        return any(item.votes for item in self.lists)


def read_eml_results(raw_dir: Path) -> dict[str, EmlResult]:
    folder = raw_dir / EML_DIR
    if not folder.is_dir():
        raise SourceError(f"Map met EML-bestanden ontbreekt: {folder}")
    results: dict[str, EmlResult] = {}
    for path in sorted(folder.glob("Resultaat_*.eml.xml")):
        result = read_eml_result(path)
        if result.code in results:
            raise SourceError(
                f"Bestand {path.name}: gemeente {result.code} staat ook in "
                f"{results[result.code].file}."
            )
        results[result.code] = result
    return results


def read_eml_result(path: Path) -> EmlResult:
    """One EML 520 'Resultaat' file; anything unexpected raises SourceError naming it."""
    root = read_xml(path)
    if root.tag != f"{EML}EML" or root.get("Id") != "520":
        raise SourceError(f"Bestand {path.name} is geen EML 520-resultaatbestand.")
    domain = root.find(f".//{KR}ElectionDomain")
    day = root.findtext(f".//{KR}ElectionDate")
    if domain is None or not domain.get("Id") or not day:
        raise SourceError(f"Bestand {path.name} mist het verkiezingsdomein of de datum.")
    numbers: list[int] = []
    names: list[str] = []
    seats: list[int] = []
    try:
        for selection in root.iter(f"{EML}Selection"):
            affiliation = selection.find(f"{EML}AffiliationIdentifier")
            if affiliation is not None:
                numbers.append(int(affiliation.get("Id", "")))
                names.append((affiliation.findtext(f"{EML}RegisteredName") or "").strip())
                seats.append(0)
            elif selection.find(f"{EML}Candidate") is not None:
                if not seats:
                    raise ValueError("kandidaat zonder lijst")
                if (selection.findtext(f"{EML}Elected") or "").strip() == "yes":
                    seats[-1] += 1
        code = gm_code(domain.get("Id", ""))
        election_date = date.fromisoformat(day.strip())
    except ValueError as exc:
        raise SourceError(f"Bestand {path.name} is onleesbaar: {exc}.") from exc
    if not numbers:
        raise SourceError(f"Bestand {path.name} bevat geen kieslijsten.")
    return EmlResult(
        code=code,
        name=(domain.text or "").strip(),
        date=election_date,
        lists=tuple(ListSeats(*item) for item in zip(numbers, names, seats, strict=True)),
        file=path.name,
    )


def read_count_csv(raw_dir: Path) -> dict[str, list[ListVotes]]:
    """Votes per list per municipality from the DERIVED Telling CSV."""
    path = raw_dir / COUNT_CSV
    result: dict[str, list[ListVotes]] = {}
    for number, row in enumerate(read_csv(path, COUNT_COLUMNS), start=2):
        try:
            code = gm_code(row["cbs_code"])
            item = ListVotes(int(row["list_id"]), row["list_name"].strip(), int(row["valid_votes"]))
        except ValueError as exc:
            raise SourceError(f"Bestand {path.name}, regel {number}: {exc}") from exc
        result.setdefault(code, []).append(item)
    return result


def read_processed(raw_dir: Path, year: int) -> dict[str, ProcessedResult]:
    """grtool_processed/<year>.json; a municipality whose votes are all 0 gets votes None."""
    path = require_file(raw_dir / PROCESSED / f"{year}.json")
    data = read_json(path)
    if not isinstance(data, list):
        raise SourceError(f"Bestand {path.name}: een lijst van gemeenten verwacht.")
    results: dict[str, ProcessedResult] = {}
    try:
        for entry in data:
            lists = []
            for party in entry["partijen"]:
                number = str(party.get("id", "")).strip()
                lists.append(
                    ListVotes(
                        int(number) if number.isdigit() else None,
                        str(party.get("naam") or "").strip(),
                        int(party["stemmen"]),
                        int(party["zetels"]),
                    )
                )
            if not any(item.votes for item in lists):
                lists = [ListVotes(i.number, i.name, None, i.seats) for i in lists]
            code = gm_code(entry["cbsCode"])
            results[code] = ProcessedResult(
                code, str(entry["naam"]).strip(), int(entry["totaalZetels"]), tuple(lists)
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"Bestand {path.name}: onverwachte inhoud ({exc}).") from exc
    return results
