"""`secretaris data update`: merge newer CBS and Kiesraad figures into the data set.

The whole new data set is built in memory first (`update_dataset`); only when every fetch
succeeded does `run_update` write it, atomically (temporary file + `os.replace`). A failure
raises `DataUpdateError` with a Dutch message and leaves the file untouched.

Merge rules: older dated facts are never dropped; a fact for a new date is added; a fact for
an existing date with a different value is replaced and reported. Municipality codes that
are not in the data set are reported, never added. Every new figure points at a new source
entry naming the table id (or file) and the retrieval date.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

from secretaris.dossier.dataset import DATASET_PATH, DataSetError, check_dataset
from secretaris.dossier.sources.online_cbs import (
    DEFAULT_CBS_ODATA_URL,
    CbsTable,
    NewFact,
    fetch_kwb,
    fetch_population,
)
from secretaris.dossier.sources.online_fetch import NOTHING_CHANGED, DataUpdateError, is_url
from secretaris.dossier.sources.online_kiesraad import (
    COUNCIL_SIZES,
    KiesraadResults,
    MunicipalResult,
    fetch_kiesraad,
)
from secretaris.dossier.sources.online_open_government import update_iv3, update_register

__all__ = [
    "DEFAULT_KWB_TABLE",
    "DEFAULT_TIMEOUT",
    "DataUpdateError",
    "default_cbs_url",
    "default_dataset_path",
    "run_update",
    "update_dataset",
]

# Kerncijfers wijken en buurten 2025; pass --kwb-tabel 85984NED for the 2024 table.
DEFAULT_KWB_TABLE = "86165NED"
DEFAULT_TIMEOUT = 60.0

Progress = Callable[[str], object]


def _silent(message: str) -> None:
    return None


def default_cbs_url() -> str:
    from django.conf import settings

    return getattr(settings, "CBS_ODATA_URL", "") or DEFAULT_CBS_ODATA_URL


def default_dataset_path() -> Path:
    return DATASET_PATH


# -- the update -----------------------------------------------------------------------------


def update_dataset(
    dataset: dict,
    *,
    cbs_url: str | None,
    kiesraad_csv: str | None,
    kwb_table: str | None,
    timeout: float,
    progress: Progress = _silent,
    today: date | None = None,
    roo: tuple[str, str] | None = None,
    iv3_url: str | None = None,
) -> tuple[dict, list[str]]:
    """A new data set with the newer figures merged in, and the report lines (Dutch).

    `cbs_url` empty/None skips CBS, `kwb_table` empty/None skips the KWB table and
    `kiesraad_csv` None skips the Kiesraad. `roo` (organisations CSV, office holders CSV)
    and `iv3_url` (CBS dataderden OData base) None skip the register and Iv3. The input
    dict is never modified.
    """
    retrieved = (today or date.today()).isoformat()
    tables: list[CbsTable] = []
    if cbs_url:
        tables.append(fetch_population(cbs_url, timeout=timeout, progress=progress))
        if kwb_table:
            tables.append(fetch_kwb(cbs_url, kwb_table, timeout=timeout, progress=progress))
    kiesraad = (
        fetch_kiesraad(kiesraad_csv, timeout=timeout, progress=progress) if kiesraad_csv else None
    )
    updated = copy.deepcopy(dataset)
    report: list[str] = []
    for table in tables:
        report.extend(apply_cbs_table(updated, table, retrieved))
    if kiesraad is not None:
        report.extend(apply_kiesraad(updated, kiesraad, retrieved))
    if roo is not None:
        progress("Register van Overheidsorganisaties ophalen…")
        report.extend(update_register(updated, roo[0], roo[1], retrieved, timeout=timeout))
    if iv3_url:
        report.extend(update_iv3(updated, iv3_url, retrieved, timeout=timeout, progress=progress))
    return updated, report


# -- facts ----------------------------------------------------------------------------------


@dataclass
class FactMerge:
    added: int = 0
    unchanged: int = 0
    replaced: list[str] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)


def apply_cbs_table(dataset: dict, table: CbsTable, retrieved: str) -> list[str]:
    key = f"cbs_{table.table.lower()}_{retrieved.replace('-', '')}"
    merge = merge_facts(dataset, table.facts, key, label=f"CBS {table.table}")
    if merge.added or merge.replaced:
        dataset.setdefault("sources", {})[key] = {
            "title": f"{table.title} ({table.table})",
            "publisher": "CBS",
            "url": table.url,
            "licence": "CC BY 4.0",
            "note": (
                f"CBS StatLine-tabel {table.table}, opgehaald op {retrieved} via de CBS "
                f"OData-API (v3); {table.period_note}."
            ),
        }
    report = [
        f"CBS {table.table} ({table.title}), {table.period_note}: {merge.added} nieuwe en "
        f"{len(merge.replaced)} gewijzigde cijfers voor {len(merge.codes)} gemeenten; "
        f"{merge.unchanged} ongewijzigd."
    ]
    report.extend(merge.replaced)
    dataset.setdefault("notes", []).extend(merge.replaced)
    if table.missing:
        report.append(f"CBS {table.table} bevat geen gegevens voor: {', '.join(table.missing)}.")
    if merge.unknown:
        report.append(_unknown_line(f"CBS {table.table}", merge.unknown))
    return report


def merge_facts(dataset: dict, facts: Iterable[NewFact], source: str, *, label: str) -> FactMerge:
    index = _gemeente_index(dataset)
    merge = FactMerge()
    for fact in facts:
        gemeente = index.get(fact.code)
        if gemeente is None:
            merge.unknown.add(fact.code)
            continue
        merge.codes.add(fact.code)
        _merge_fact(gemeente, fact, source, merge, label)
    return merge


def _merge_fact(gemeente: dict, fact: NewFact, source: str, merge: FactMerge, label: str) -> None:
    facts = gemeente.setdefault("facts", [])
    for existing in facts:
        if existing.get("key") == fact.key and existing.get("date") == fact.date:
            if _same_number(existing.get("value"), fact.value):
                merge.unchanged += 1
                return
            merge.replaced.append(
                f"{gemeente['code']} {gemeente.get('name', '')}: {fact.key} op {fact.date} "
                f"gewijzigd van {existing.get('value')} naar {fact.value} ({label}, {source})."
            )
            existing.update(value=fact.value, source=source)
            return
    new = {"key": fact.key, "value": fact.value, "date": fact.date, "source": source}
    facts.insert(_insert_position(facts, fact), new)
    merge.added += 1


def _insert_position(facts: list[dict], fact: NewFact) -> int:
    """Keep a key's facts together and in date order; other facts keep their place."""
    same_key = [i for i, f in enumerate(facts) if f.get("key") == fact.key]
    if not same_key:
        return len(facts)
    later = [i for i in same_key if str(facts[i].get("date")) > fact.date]
    return later[0] if later else same_key[-1] + 1


def _same_number(old: Any, new: str) -> bool:
    try:
        return Decimal(str(old)) == Decimal(new)
    except InvalidOperation:
        return str(old) == new


def _gemeente_index(dataset: dict) -> dict[str, dict]:
    return {g["code"]: g for g in dataset.get("gemeenten", [])}


def _unknown_line(label: str, codes: Iterable[str]) -> str:
    return f"{label}: onbekende gemeentecode(s), niet toegevoegd: {', '.join(sorted(codes))}."


# -- elections ------------------------------------------------------------------------------


def apply_kiesraad(dataset: dict, results: KiesraadResults, retrieved: str) -> list[str]:
    names = "_".join(e.lower() for e in results.elections) or "gr"
    key = f"kiesraad_{names}_{retrieved.replace('-', '')}"
    index = _gemeente_index(dataset)
    report = list(results.notes)
    added, replaced, unchanged, unknown = 0, 0, 0, set()
    for result in results.results:
        gemeente = index.get(result.code)
        if gemeente is None:
            unknown.add(result.code)
            continue
        outcome = _merge_election(gemeente, election_dict(result, key))
        added += outcome == "added"
        unchanged += outcome == "unchanged"
        if outcome == "replaced":
            replaced += 1
            line = f"{result.code} {gemeente.get('name', '')}: uitslag {result.election} vervangen."
            report.append(line)
            dataset.setdefault("notes", []).append(line)
        if result.council_size not in COUNCIL_SIZES:
            report.append(
                f"Let op: {result.code} {result.election} telt {result.council_size} zetels; "
                f"dat is geen wettelijke raadsgrootte (Gemeentewet art. 8)."
            )
    if added or replaced:
        dataset.setdefault("sources", {})[key] = _kiesraad_source(results, retrieved)
    report.insert(
        0,
        f"Kiesraad {', '.join(results.elections)}: uitslag voor {added + replaced + unchanged} "
        f"gemeenten ({added} nieuw, {replaced} vervangen, {unchanged} ongewijzigd).",
    )
    if unknown:
        report.append(_unknown_line(f"Kiesraad {', '.join(results.elections)}", unknown))
    return report


def election_dict(result: MunicipalResult, source: str) -> dict[str, Any]:
    lists = sorted(result.lists, key=lambda lst: (lst.number is None, lst.number or 0, lst.name))
    return {
        "election": result.election,
        "date": result.date,
        "council_size": result.council_size,
        "source": source,
        "votes_source": source if result.has_votes else None,
        "lists": [lst.as_dict() for lst in lists],
    }


def _merge_election(gemeente: dict, election: dict[str, Any]) -> str:
    elections = gemeente.setdefault("elections", [])
    for i, existing in enumerate(elections):
        if existing.get("election") == election["election"]:
            if _same_result(existing, election):
                return "unchanged"
            elections[i] = election
            return "replaced"
    elections.append(election)
    elections.sort(key=lambda e: (e.get("date") or "", e.get("election") or ""))
    return "added"


def _same_result(old: dict[str, Any], new: dict[str, Any]) -> bool:
    fields = ("date", "council_size", "lists")
    return all(old.get(f) == new.get(f) for f in fields)


def _kiesraad_source(results: KiesraadResults, retrieved: str) -> dict[str, str]:
    years = ", ".join(e[2:] for e in results.elections)
    what = (
        "CSV (VeldType LijstAantalZetels, LijstAantalStemmen, KandidaatAantalStemmen)"
        if results.kind == "csv"
        else "EML 520 (gekozen kandidaten per lijst) en EML 510 (stemmen per lijst)"
    )
    return {
        "title": f"Verkiezingsuitslagen Gemeenteraad {years} (Kiesraad)",
        "publisher": "Kiesraad",
        "url": results.location if is_url(results.location) else "",
        "licence": "open data (Kiesraad)",
        "note": (
            f"Gelezen uit {Path(results.location).name or results.location}, opgehaald op "
            f"{retrieved}; {what}."
        ),
    }


# -- the file ------------------------------------------------------------------------------


def run_update(
    *,
    dataset_path: Path,
    cbs_url: str | None,
    kiesraad_csv: str | None,
    kwb_table: str | None,
    timeout: float,
    stdout: TextIO,
    output_path: Path | None = None,
    today: date | None = None,
    roo: tuple[str, str] | None = None,
    iv3_url: str | None = None,
) -> list[str]:
    """Read the data set, fetch newer figures, write the result atomically; return the report.

    Options of `secretaris data update` and how they map onto the arguments:

    --cbs-url URL          CBS OData v3 base URL (`cbs_url`); default
                           `settings.CBS_ODATA_URL`, else https://opendata.cbs.nl/ODataApi/odata.
                           An empty value skips CBS.
    --kiesraad-csv URL-OF-PAD
                           Kiesraad "Verkiezingsuitslagen Gemeenteraad <jaar>" CSV (the file
                           name must contain GR<jaar>, e.g. GR2026.csv), an EML 520 file, or a
                           local directory with EML 520/510 files (`kiesraad_csv`); default:
                           no Kiesraad update.
    --kwb-tabel ID         id of the "Kerncijfers wijken en buurten" table (`kwb_table`),
                           e.g. 85984NED (2024) or 86165NED (2025); default DEFAULT_KWB_TABLE.
                           An empty value skips the table.
    --roo-gemeenten URL-OF-PAD and --roo-functies URL-OF-PAD
                           the ROO CSV exports "Gemeenten" and "medewerkers Gemeenten"
                           (`roo`); both or neither; default: no register update.
    --iv3-url URL          CBS dataderden OData v3 base (`iv3_url`), e.g.
                           https://dataderden.cbs.nl/ODataApi/odata; default: no Iv3 update.
    --timeout SECONDEN     time-out per HTTP request (`timeout`); default 60.
    --uitvoer FILE         the data set file that is read and rewritten in place
                           (`dataset_path`); default secretaris/dossier/data/dataset.json.

    Progress messages go to `stdout`. Nothing is written when anything fails
    (`DataUpdateError`), nor when nothing changed.
    """
    original, dataset = _read_dataset(dataset_path)
    updated, report = update_dataset(
        dataset,
        cbs_url=cbs_url,
        kiesraad_csv=kiesraad_csv,
        kwb_table=kwb_table,
        timeout=timeout,
        progress=lambda message: stdout.write(message + "\n"),
        today=today,
        roo=roo,
        iv3_url=iv3_url,
    )
    target = output_path or dataset_path
    if updated == dataset and target == dataset_path:
        report.append(f"Geen nieuwe of gewijzigde cijfers; {dataset_path} is niet herschreven.")
        return report
    try:
        check_dataset(updated)
    except DataSetError as exc:
        raise DataUpdateError(
            f"Het bijgewerkte gegevensbestand klopt niet: {exc} {NOTHING_CHANGED}"
        ) from exc
    try:
        write_dataset(target, updated, indent=_indent_of(original))
    except OSError as exc:
        raise DataUpdateError(
            f"Kan {target} niet schrijven ({exc.strerror or exc}). {NOTHING_CHANGED}"
        ) from exc
    report.append(f"Gegevensbestand geschreven naar {target}.")
    return report


def _read_dataset(path: Path) -> tuple[str, dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataUpdateError(
            f"Kan het gegevensbestand {path} niet lezen ({exc.strerror or exc}). {NOTHING_CHANGED}"
        ) from exc
    try:
        return text, json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataUpdateError(f"{path} is geen geldige JSON ({exc}). {NOTHING_CHANGED}") from exc


def _indent_of(text: str) -> int | None:
    """Keep the layout of the existing file so an update gives a small diff."""
    lines = text.splitlines()
    if len(lines) < 2:
        return None
    for line in lines[1:]:
        stripped = line.lstrip(" ")
        if stripped and len(stripped) < len(line):
            return len(line) - len(stripped)
    return 2


def write_dataset(path: Path, dataset: dict, *, indent: int | None = 2) -> None:
    """Write atomically: a temporary file in the same folder, then `os.replace`."""
    text = json.dumps(dataset, ensure_ascii=False, indent=indent) + "\n"
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
