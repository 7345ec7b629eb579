"""Newer municipal election results from the Kiesraad, in the data set's election form.

Accepted input (a URL or a local path):

* the Kiesraad CSV "Verkiezingsuitslagen Gemeenteraad <jaar>" as published on
  data.overheid.nl (e.g. `GR2026.csv`): `;`-separated, columns `Regio;RegioCode;
  OuderRegioCode;GrootOuderRegioCode;Partij;LijstNummer;LijstNaam;KandidaatNummer;...;
  VeldType;Waarde`. Gemeente rows have `RegioCode` "G" + CBS code. Used `VeldType`s:
  `LijstAantalZetels` (seats), `LijstAantalStemmen` (votes) and `KandidaatAantalStemmen`
  (one row per candidate, counted as the list's number of candidates).
* a Kiesraad EML 520 "Resultaat" file (seats = elected candidates per list), or a local
  directory of EML files: `Resultaat_*` (520) paired with `Telling_*` (510, municipal totals:
  votes and candidates per list) by election and CBS code.

The CSV carries no date: the election id comes from the file name (`GR2026`) and the day is
the statutory one (Kieswet F 1 and J 1: nomination on the Monday from 30 January to
5 February, or 31 January to 6 February in a leap year; voting 44 days later).
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from secretaris.dossier.sources.online_fetch import (
    NOTHING_CHANGED,
    DataUpdateError,
    is_url,
    read_bytes,
)

Progress = Callable[[str], object]

EML = "{urn:oasis:names:tc:evs:schema:eml}"
KR = "{http://www.kiesraad.nl/extensions}"
REQUIRED_COLUMNS = ("RegioCode", "VeldType", "LijstNaam", "Waarde")
# Gemeentewet art. 8: the council sizes the law allows.
COUNCIL_SIZES = frozenset({9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 45})


@dataclass
class PartyList:
    number: int | None
    name: str
    votes: int | None = None
    seats: int | None = None
    candidates: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "votes": self.votes,
            "seats": self.seats or 0,
            "candidates": self.candidates,
        }


@dataclass
class MunicipalResult:
    code: str
    name: str
    election: str
    date: str
    lists: list[PartyList] = field(default_factory=list)

    @property
    def council_size(self) -> int:
        return sum(lst.seats or 0 for lst in self.lists)

    @property
    def has_votes(self) -> bool:
        return any(lst.votes is not None for lst in self.lists)


@dataclass
class KiesraadResults:
    location: str
    elections: list[str]
    kind: str
    results: list[MunicipalResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fetch_kiesraad(location: str, *, timeout: float, progress: Progress) -> KiesraadResults:
    """Municipal results from a Kiesraad CSV, an EML 520 file or a directory of EML files."""
    if not is_url(location) and Path(location).is_dir():
        progress(f"Kiesraad: EML-bestanden lezen uit {location}…")
        return read_eml_directory(Path(location))
    progress(f"Kiesraad: {location} ophalen…")
    body = read_bytes(location, timeout=timeout)
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<?xml", b"<EML")):
        return read_eml_files([(location, body)], location=location)
    return parse_gr_csv(body, location=location)


# -- statutory election day -----------------------------------------------------------------


def gr_election_day(year: int) -> date:
    """Day of the periodic council election (Kieswet art. F 1 and J 1)."""
    first = date(year, 1, 31 if calendar.isleap(year) else 30)
    nomination = first + timedelta(days=-first.weekday() % 7)
    return nomination + timedelta(days=44)


def election_id_from(location: str) -> str:
    path = unquote(urlsplit(location).path) if is_url(location) else location
    name = PurePosixPath(path).name if is_url(location) else Path(path).name
    match = re.search(r"(?:GR|Gemeenteraad)[ _-]?((?:19|20)\d{2})", name, flags=re.IGNORECASE)
    if not match:
        raise DataUpdateError(
            f"Kan het verkiezingsjaar niet afleiden uit de naam {name!r}; verwacht iets als "
            f"GR2026.csv. {NOTHING_CHANGED}"
        )
    return f"GR{match.group(1)}"


# -- CSV ----------------------------------------------------------------------------------


def parse_gr_csv(body: bytes, *, location: str) -> KiesraadResults:
    election = election_id_from(location)
    day = gr_election_day(int(election[2:])).isoformat()
    reader = _csv_reader(body, location=location)
    regions: dict[str, MunicipalResult] = {}
    lists: dict[tuple[str, str], PartyList] = {}
    candidates: dict[tuple[str, str], set[str]] = {}
    for line, row in enumerate(reader, start=2):
        code = _gemeente_code(row.get("RegioCode"))
        kind = (row.get("VeldType") or "").strip()
        if code is None or kind not in (
            "LijstAantalZetels",
            "LijstAantalStemmen",
            "KandidaatAantalStemmen",
        ):
            continue
        result = regions.setdefault(
            code, MunicipalResult(code, (row.get("Regio") or "").strip(), election, day)
        )
        party = _party_list(row, code, lists, result)
        if kind == "KandidaatAantalStemmen":
            number = (row.get("KandidaatNummer") or "").strip() or str(line)
            candidates.setdefault((code, _list_key(row)), set()).add(number)
            continue
        value = _integer(row.get("Waarde"), location=location, line=line)
        if kind == "LijstAantalZetels":
            party.seats = value
        else:
            party.votes = value
    for (code, key), numbers in candidates.items():
        lists[(code, key)].candidates = len(numbers)
    return _csv_results(location, election, day, regions)


def _csv_results(
    location: str, election: str, day: str, regions: dict[str, MunicipalResult]
) -> KiesraadResults:
    results = KiesraadResults(location, [election], "csv")
    results.notes.append(
        f"Kiesraad {election}: verkiezingsdatum {day} afgeleid uit de Kieswet "
        f"(art. F 1 en J 1); het CSV-bestand noemt geen datum."
    )
    for code, result in sorted(regions.items()):
        if not any(lst.seats is not None for lst in result.lists):
            results.notes.append(
                f"Kiesraad {election}: {code} {result.name} heeft geen zetelverdeling "
                f"(LijstAantalZetels) in het bestand; overgeslagen."
            )
            continue
        results.results.append(result)
    return results


def _csv_reader(body: bytes, *, location: str) -> csv.DictReader:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = body.decode("cp1252", errors="replace")
    header = text.split("\n", 1)[0]
    delimiter = ";" if ";" in header else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataUpdateError(
            f"{location} is geen Kiesraad-uitslag in CSV-vorm: kolom(men) "
            f"{', '.join(missing)} ontbreken. {NOTHING_CHANGED}"
        )
    return reader


def _gemeente_code(raw: str | None) -> str | None:
    match = re.fullmatch(r"G(?:M)?(\d{1,4})", (raw or "").strip())
    return f"GM{int(match.group(1)):04d}" if match else None


def _list_key(row: dict[str, str | None]) -> str:
    number = (row.get("LijstNummer") or "").strip()
    return number or (row.get("LijstNaam") or "").strip()


def _party_list(
    row: dict[str, str | None],
    code: str,
    lists: dict[tuple[str, str], PartyList],
    result: MunicipalResult,
) -> PartyList:
    key = (code, _list_key(row))
    if key not in lists:
        number = (row.get("LijstNummer") or "").strip()
        lists[key] = PartyList(
            int(number) if number.isdigit() else None, (row.get("LijstNaam") or "").strip()
        )
        result.lists.append(lists[key])
    return lists[key]


def _integer(raw: str | None, *, location: str, line: int) -> int:
    text = (raw or "").strip()
    if not text.isdigit():
        raise DataUpdateError(
            f"{location}, regel {line}: 'Waarde' is geen geheel getal ({text!r}). {NOTHING_CHANGED}"
        )
    return int(text)


# -- EML 510 / 520 ------------------------------------------------------------------------


@dataclass
class EmlDocument:
    kind: str
    election: str
    code: str
    name: str
    date: str
    lists: list[PartyList]


def read_eml_directory(directory: Path) -> KiesraadResults:
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() == ".xml")
    if not files:
        raise DataUpdateError(f"Geen EML-bestanden (.xml) in {directory}. {NOTHING_CHANGED}")
    return read_eml_files([(str(p), p.read_bytes()) for p in files], location=str(directory))


def read_eml_files(files: list[tuple[str, bytes]], *, location: str) -> KiesraadResults:
    documents = [doc for name, body in files if (doc := parse_eml(body, location=name))]
    seats = {(d.election, d.code): d for d in documents if d.kind == "520"}
    counts = {(d.election, d.code): d for d in documents if d.kind == "510"}
    elections = sorted({d.election for d in documents})
    results = KiesraadResults(location, elections, "eml")
    for key, doc in sorted(seats.items()):
        count = counts.get(key)
        if count is not None:
            _add_counts(doc.lists, count.lists)
        results.results.append(
            MunicipalResult(doc.code, doc.name, doc.election, doc.date, doc.lists)
        )
    for election, code in sorted(counts.keys() - seats.keys()):
        results.notes.append(
            f"Kiesraad {election}: {code} heeft alleen een telling (EML 510), geen resultaat "
            f"(EML 520) met zetels; overgeslagen."
        )
    if not documents:
        raise DataUpdateError(
            f"{location} bevat geen EML 510- of 520-bestand van een gemeenteraadsverkiezing. "
            f"{NOTHING_CHANGED}"
        )
    return results


def _add_counts(seat_lists: list[PartyList], count_lists: list[PartyList]) -> None:
    by_number = {lst.number: lst for lst in count_lists}
    for lst in seat_lists:
        counted = by_number.get(lst.number)
        if counted is not None:
            lst.votes, lst.candidates = counted.votes, counted.candidates


def parse_eml(body: bytes, *, location: str) -> EmlDocument | None:
    """An EML 510 or 520 document of a GR election; None for other EML types."""
    try:
        root = fromstring(body)
    except (ParseError, DefusedXmlException) as exc:
        raise DataUpdateError(f"{location} is geen geldige XML ({exc}). {NOTHING_CHANGED}") from exc
    kind = root.get("Id")
    if root.tag != f"{EML}EML" or kind not in ("510", "520"):
        return None
    ident = root.find(f".//{EML}ElectionIdentifier")
    if ident is None or (ident.findtext(f"{EML}ElectionCategory") or "").strip() != "GR":
        return None
    domain = ident.find(f"{KR}ElectionDomain")
    raw_code = domain.get("Id", "") if domain is not None else ""
    if not raw_code.strip().isdigit():
        raise DataUpdateError(
            f"{location}: EML zonder CBS-code (ElectionDomain). {NOTHING_CHANGED}"
        )
    election = (ident.get("Id") or "").split("_")[0]
    day = (ident.findtext(f"{KR}ElectionDate") or "").strip()
    lists = _eml_seats(root) if kind == "520" else _eml_counts(root, location=location)
    name = (domain.text or "").strip() if domain is not None else ""
    return EmlDocument(kind, election, f"GM{int(raw_code):04d}", name, day, lists)


def _eml_seats(root: Element) -> list[PartyList]:
    lists: list[PartyList] = []
    for selection in root.iter(f"{EML}Selection"):
        affiliation = selection.find(f"{EML}AffiliationIdentifier")
        if affiliation is not None:
            lists.append(_eml_list(affiliation, seats=0))
        elif lists and (selection.findtext(f"{EML}Elected") or "").strip() == "yes":
            lists[-1].seats = (lists[-1].seats or 0) + 1
    return lists


def _eml_counts(root: Element, *, location: str) -> list[PartyList]:
    total = root.find(f".//{EML}TotalVotes")
    if total is None:
        raise DataUpdateError(f"{location}: EML 510 zonder TotalVotes. {NOTHING_CHANGED}")
    lists: list[PartyList] = []
    for selection in total.findall(f"{EML}Selection"):
        affiliation = selection.find(f"{EML}AffiliationIdentifier")
        votes = (selection.findtext(f"{EML}ValidVotes") or "").strip()
        if affiliation is not None:
            lists.append(_eml_list(affiliation, votes=int(votes) if votes.isdigit() else None))
        elif lists and selection.find(f"{EML}Candidate") is not None:
            lists[-1].candidates = (lists[-1].candidates or 0) + 1
    return lists


def _eml_list(affiliation: Element, **values: int | None) -> PartyList:
    number = (affiliation.get("Id") or "").strip()
    name = (affiliation.findtext(f"{EML}RegisteredName") or "").strip()
    return PartyList(int(number) if number.isdigit() else None, name, **values)
