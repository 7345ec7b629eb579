"""Build the shipped data set (docs/dataset.md) from the raw open data (docs/data.md).

`build_dataset(raw_dir)` reads every raw source, applies the documented rules and returns
the data set as a dict; `write_dataset(data, path)` writes it deterministically (sorted
keys, one gemeente per line), so the same raw data always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from secretaris.dossier.facts import FACT_TYPES
from secretaris.dossier.finance import class_medians, indicators
from secretaris.dossier.matching import search_key
from secretaris.dossier.parties import council_parties
from secretaris.dossier.sources import cbs, elections
from secretaris.dossier.sources.benchmarks import read_benchmarks
from secretaris.dossier.sources.catalogue import SOURCES
from secretaris.dossier.sources.files import SourceError
from secretaris.dossier.sources.grenswijzigingen import read_flows
from secretaris.dossier.sources.herindelingen import History, infer_history
from secretaris.dossier.sources.indeling import Indeling, Municipality, read_indeling
from secretaris.dossier.sources.iv3 import read_iv3
from secretaris.dossier.sources.kiesraad import (
    read_count_csv,
    read_eml_results,
    read_processed,
)
from secretaris.dossier.sources.partijregister import Gr2026, read_partijregister
from secretaris.dossier.sources.regelingen import Regeling, read_regelingen
from secretaris.dossier.sources.roo import RegisterEntry, read_register
from secretaris.dossier.sources.woonplaatsen import GemeenteWoonplaatsen, read_woonplaatsen

FORMAT = 1
COLLECTED = re.compile(r"Collected on (\d{4}-\d{2}-\d{2})")
KWB2020_INDELING = date(2020, 1, 1)
GR2018_DAY = date(2018, 3, 21)
CENTRE_DATE = "2024-01-01"  # inhabitants used to pick the COROP centre (all 342 have it)
# The CBS indeling gives 1970-01-01 to every municipality that existed when its series
# starts: that is the start of the data, not a founding date, so it is left out.
SERIES_START = date(1970, 1, 1)


def build_dataset(raw_dir: Path, built_at: str | None = None) -> dict[str, Any]:
    if not raw_dir.is_dir():
        raise SourceError(f"Map met ruwe gegevens niet gevonden: {raw_dir}")
    notes: list[str] = []
    indeling = read_indeling(raw_dir)
    places = read_woonplaatsen(raw_dir)
    flows = read_flows(raw_dir)
    history = infer_history(indeling, flows, places)
    register = read_partijregister(raw_dir)
    figures = _figures(raw_dir, indeling, history, register, notes)
    election_lists = _elections(raw_dir, indeling, history, register, notes)
    benchmarks = read_benchmarks(raw_dir, notes)
    notes.append(f"hr_benchmarks: {len(benchmarks)} benchmarks met bron-URL en letterlijk citaat.")

    current = indeling.current()
    _check_codes(current, places, notes)
    centres = _corop_centres(current, places, figures)
    roo = read_register(raw_dir, {search_key(m.name): m.code for m in current})
    regelingen = read_regelingen(raw_dir)
    iv3 = read_iv3(raw_dir)
    medians = iv3_medians(iv3)
    codes = {m.code for m in current}
    gemeenten = []
    for municipality in current:
        code = municipality.code
        place = places[code]
        gemeenten.append(
            {
                "code": code,
                "name": municipality.name,
                "province": municipality.province,
                "corop": {"code": place.corop_code, "name": place.corop_name},
                "corop_centre": code in centres,
                "begindatum": (
                    municipality.begin.isoformat() if municipality.begin != SERIES_START else None
                ),
                "woonplaatsen": [{"code": w.code, "name": w.name} for w in place.woonplaatsen],
                "woonplaatsen_source": "cbs-woonplaatsen",
                "facts": figures.get(code, []),
                "elections": election_lists.get(code, []),
                "mergers": [_merger(event) for event in history.events[code]],
                "register": register_data(roo.get(code), election_lists.get(code, [])),
                "financien": iv3.get(code, []),
            }
        )
    notes[:0] = _history_notes(indeling, history, len(flows.flows), flows.disagreements)
    notes.append(
        f"Centrumgemeente (afgeleid): per COROP-gebied de gemeente met de meeste inwoners op "
        f"{CENTRE_DATE} (CBS 85984NED); {len(centres)} gemeenten gemarkeerd als corop_centre."
    )
    notes.extend(_open_government_notes(current, roo, regelingen, iv3, gemeenten))
    data = {
        "format": FORMAT,
        "built_at": built_at or _collection_date(raw_dir) or _latest_date(gemeenten),
        "sources": SOURCES,
        "notes": notes,
        "gemeenten": gemeenten,
        "benchmarks": benchmarks,
        "regelingen": [_regeling(r, codes) for r in regelingen.values()],
        "iv3_medians": medians,
    }
    _check_references(data)
    return data


# -- facts ---------------------------------------------------------------------------------


def _figures(
    raw_dir: Path,
    indeling: Indeling,
    history: History,
    register: dict[str, Gr2026],
    notes: list[str],
) -> dict[str, list[dict[str, str]]]:
    current = {m.code for m in indeling.current()}
    kwb2024 = cbs.read_kwb2024(raw_dir)
    wbk2023 = cbs.read_wbk2023(raw_dir)
    kwb2020, names2020, has_woz = cbs.read_kwb2020(raw_dir)
    income = cbs.read_income_70072(raw_dir)
    unchanged = {
        code
        for code in current
        if code in kwb2020 and not any(e.day > KWB2020_INDELING for e in history.events[code])
    }
    facts: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen: dict[tuple[str, str, str], str] = {}

    def add(code: str, figure: cbs.Figure, source: str) -> None:
        if code not in current:
            return
        key = (code, figure.key, figure.date)
        if key in seen:  # never happens with the rules below; guards the loader's key
            notes.append(f"Dubbel cijfer {key} uit {seen[key]} en {source}; eerste bewaard.")
            return
        seen[key] = source
        facts[code].append(
            {"key": figure.key, "value": figure.value, "date": figure.date, "source": source}
        )

    for code, entry in sorted(register.items()):
        if entry.inhabitants is not None:
            add(
                code,
                cbs.Figure("inwoners", str(entry.inhabitants), "2026-01-01"),
                "cbs-37230ned-2026",
            )
    for table, source in (
        (kwb2024, "cbs-85984ned"),
        (wbk2023, "cbs-wbk-2023"),
        (income, "cbs-70072ned"),
    ):
        for code, items in sorted(table.items()):
            for figure in items:
                add(code, figure, source)
    for code in sorted(unchanged):
        for figure in kwb2020[code]:
            add(code, figure, "cbs-84799ned")
    for listed in facts.values():
        listed.sort(key=lambda f: (f["key"], f["date"]))

    notes.extend(
        _figure_notes(
            current,
            register,
            kwb2024,
            wbk2023,
            kwb2020,
            names2020,
            income,
            unchanged,
            has_woz,
            indeling,
        )
    )
    return facts


def _figure_notes(
    current: set[str],
    register: dict[str, Gr2026],
    kwb2024: dict,
    wbk2023: dict,
    kwb2020: dict,
    names2020: dict[str, str],
    income: dict,
    unchanged: set[str],
    has_woz: bool,
    indeling: Indeling,
) -> list[str]:
    lines = []
    missing_2026 = sorted(current - {c for c, e in register.items() if e.inhabitants})
    lines.append(
        f"cbs-37230ned-2026: inwoners 1 januari 2026 voor {len(current) - len(missing_2026)} "
        f"gemeenten; ontbreekt voor {_names(missing_2026, indeling)}."
    )
    differing = [
        f"{c} '{e.name}'"
        for c, e in sorted(register.items())
        if c in current and e.name != indeling.name(c)
    ]
    if differing:
        lines.append(
            f"Partijregister: {len(differing)} gemeentenamen wijken af van de "
            f"CBS-indeling (CBS-naam gebruikt): {', '.join(differing)}."
        )
    lines.append(
        f"cbs-85984ned: cijfers 1 januari 2024 voor {len(current & set(kwb2024))} gemeenten."
    )
    lines.append(
        f"cbs-wbk-2023: cijfers 1 januari 2023 voor {len(current & set(wbk2023))} "
        "gemeenten (percentages door CBS afgerond)."
    )
    skipped = sorted((set(kwb2020) & current) - unchanged)
    lines.append(
        f"cbs-84799ned: {len(kwb2020)} gemeenten in de indeling van 2020; gebruikt voor "
        f"{len(unchanged)} gemeenten met dezelfde code en hetzelfde grondgebied; niet gebruikt "
        f"voor {len(skipped)} gewijzigde gemeenten ({_names(skipped, indeling)}) en "
        f"{len(set(kwb2020) - current)} opgeheven codes."
    )
    if not has_woz:
        lines.append(
            "cbs-84799ned: geen WOZ-kolom in het bestand (in die kaartversie was WOZ "
            "overal 0); geen WOZ-waarden opgenomen."
        )
    renamed = [
        f"{c} {names2020[c]} -> {indeling.name(c)}"
        for c in sorted(unchanged)
        if names2020[c] != indeling.name(c)
    ]
    if renamed:
        lines.append(
            f"Namen 2020 (kaart) wijken af van de CBS-indeling (CBS-naam gebruikt): "
            f"{'; '.join(renamed)}."
        )
    for period in ("2023", "2024"):
        covered = {
            c for c, items in income.items() if any(f.date.startswith(period) for f in items)
        }
        missing = sorted(current - covered)
        lines.append(
            f"cbs-70072ned: gestandaardiseerd inkomen {period} voor {len(covered & current)} "
            f"gemeenten"
            + (f"; ontbreekt (CBS: geheim) voor {_names(missing, indeling)}." if missing else ".")
        )
    lines.append(
        "Inwoners: elk cijfer blijft met zijn eigen peildatum en bron bewaard "
        "(2020-01-01, 2023-01-01, 2024-01-01, 2026-01-01); er wordt niets "
        "samengevoegd of geïnterpoleerd."
    )
    return lines


# -- elections -----------------------------------------------------------------------------


def _elections(
    raw_dir: Path,
    indeling: Indeling,
    history: History,
    register: dict[str, Gr2026],
    notes: list[str],
) -> dict[str, list[dict[str, Any]]]:
    eml = read_eml_results(raw_dir)
    counts = read_count_csv(raw_dir)
    grtool22 = read_processed(raw_dir, 2022)
    grtool18 = read_processed(raw_dir, 2018)
    report = elections.ElectionReport()
    result: dict[str, list[dict[str, Any]]] = defaultdict(list)
    omitted_2018: list[str] = []
    without_2022: list[str] = []
    for municipality in indeling.current():
        code, name = municipality.code, municipality.name
        if code in register and (election := elections.gr2026(register[code], report)):
            result[code].append(election)
        election = elections.gr2022(
            name, eml.get(code), counts.get(code), grtool22.get(code), report
        )
        if election:
            result[code].append(election)
        else:
            without_2022.append(code)
        if code in grtool18:
            if any(e.day > GR2018_DAY for e in history.events[code]):
                omitted_2018.append(code)
            else:
                result[code].append(elections.gr2018(name, grtool18[code], report))
    current = {m.code for m in indeling.current()}
    with_2026 = sum(1 for c in current if any(e["election"] == "GR2026" for e in result[c]))
    notes.append(
        f"kiesraad-gr2026: zetels voor {with_2026} gemeenten; ontbreekt voor "
        f"{_names(sorted(current - set(register)), indeling)} (geen verkiezing in maart 2026)."
    )
    notes.append(
        f"kiesraad-gr2022-eml: {len(eml)} Resultaat-bestanden, {len(current & set(eml))} "
        f"horen bij een huidige gemeente; kiesraad-gr2022-telling: {len(counts)} gemeenten; "
        f"grtool-gr2022: {len(grtool22)} gemeenten."
    )
    notes.append(
        f"GR2022 ontbreekt voor {len(without_2022)} gemeenten: {_names(without_2022, indeling)}"
        " (herindelingsverkiezing op een andere datum, of geen zetels in de bronnen)."
    )
    notes.append(
        "GR2022: 'candidates' is leeg (null): de Resultaat-EML-bestanden bevatten alleen de "
        "gekozen kandidaten, dus het aantal kandidaten per lijst (lijstuitputting, Kieswet "
        "P 10) staat niet in de bronnen; alleen bij aantoonbare lijstuitputting is het "
        "afgeleid (zie hieronder)."
    )
    if "GM0363" in current:
        notes.append(
            "GR2022 Amsterdam: de verkiezing van 16 maart 2022 gold al voor Amsterdam "
            "inclusief Weesp (samengevoegd 24 maart 2022); uitslag behouden."
        )
    used_2018 = sum(1 for c in current if any(e["election"] == "GR2018" for e in result[c]))
    notes.append(
        f"grtool-gr2018: {len(grtool18)} gemeenten (indeling 2018); {used_2018} gekoppeld, "
        f"{len(omitted_2018)} weggelaten omdat het grondgebied sindsdien veranderde "
        f"({_names(omitted_2018, indeling)}), {len(set(grtool18) - current)} met een code die "
        "niet meer bestaat. Het bestand bevat geen stemmen."
    )
    notes.extend(elections.summary_lines(report))
    return result


# -- bestuur, samenwerking, financien ---------------------------------------------------


def register_data(entry: RegisterEntry | None, election_list: list[dict[str, Any]]) -> dict | None:
    """The register's office holders, and the council's parties matched to GR2026."""
    if entry is None:
        return None
    gr2026 = next((e for e in election_list if e["election"] == "GR2026"), None)
    kiesraad = [(item["name"], item["seats"]) for item in gr2026["lists"]] if gr2026 else []
    parties, agrees, _ = council_parties(kiesraad, entry.parties)
    matched = {p.name for p in parties if p.register_seats is not None}
    data = entry.as_data()
    data["parties"] = [
        {
            "name": p.name,
            "kiesraad_name": p.kiesraad_name,
            "seats": p.seats,
            "register_seats": p.register_seats,
        }
        for p in parties
    ]
    data["register_only"] = (
        [[n, s] for n, s in entry.parties if n not in matched] if kiesraad else []
    )
    data["parties_agree"] = agrees
    data["source"] = "roo-gemeenten"
    return data


def _regeling(regeling: Regeling, current: set[str]) -> dict[str, Any]:
    return {
        "id": regeling.roo_id,
        "name": regeling.name,
        "form": regeling.form,
        "kind": regeling.kind,
        "purpose": regeling.purpose,
        "since": regeling.since,
        "url": regeling.url,
        "members": [[name, code if code in current else None] for name, code in regeling.members],
        # Only where a municipality joined on another date than the regeling's version date.
        "joined": {
            code: day
            for code, day in sorted(regeling.joined.items())
            if code in current and day != regeling.since
        },
        "source": "roo-regelingen",
    }


def iv3_medians(iv3: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """Medians of the indicators per document, year and size class (attached at load)."""
    groups: dict[tuple[str, int, str], list[dict]] = defaultdict(list)
    for docs in iv3.values():
        for doc in docs:
            groups[(doc["document"], doc["year"], doc["size_class"])].append(doc)
    return [
        {
            "document": document,
            "year": year,
            "size_class": size,
            "count": len(docs),
            "medians": class_medians(docs),
        }
        for (document, year, size), docs in sorted(groups.items())
    ]


def _open_government_notes(
    current: list[Municipality],
    roo: dict[str, RegisterEntry],
    regelingen: dict[str, Regeling],
    iv3: dict[str, list[dict]],
    gemeenten: list[dict[str, Any]],
) -> list[str]:
    codes = {m.code for m in current}
    with_register = [g for g in gemeenten if g["register"]]
    agree = sum(1 for g in with_register if g["register"]["parties_agree"])
    differ = sum(1 for g in with_register if g["register"]["parties_agree"] is False)
    waarnemend = sum(
        1 for g in with_register if (g["register"]["burgemeester"] or {}).get("waarnemend")
    )
    members = {code for r in regelingen.values() for _, code in r.members if code}
    shared = {
        code
        for r in regelingen.values()
        if r.kind == "werkorganisatie"
        for _, code in r.members
        if code in codes
    }
    without_own_staff = sorted(
        code
        for code, docs in iv3.items()
        if code in codes and docs and indicators(docs[-1])["own_staff"] is False
    )
    no_regeling = sorted(code for code in without_own_staff if code not in shared)
    kinds: dict[str, int] = defaultdict(int)
    for r in regelingen.values():
        kinds[r.kind or "overig"] += 1
    begin_unknown = sum(1 for g in gemeenten if g["begindatum"] is None)

    def filled(key: str) -> int:
        return sum(1 for g in with_register if g["register"][key])

    return [
        f"roo-gemeenten: register voor {len(with_register)} van {len(codes)} gemeenten; "
        f"{filled('burgemeester')} met burgemeester ({waarnemend} waarnemend), "
        f"{filled('wethouders')} met wethouders, {filled('secretaris')} met "
        f"gemeentesecretaris, {filled('griffier')} met griffier.",
        f"roo-gemeenten: zetels in het register gelijk aan GR2026 voor {agree} gemeenten, "
        f"verschillend voor {differ} (het register noemde vaak nog de raad van 2022; het "
        "dossier meldt het verschil en kiest niet).",
        f"roo-regelingen: {len(regelingen)} regelingen die nog gelden, met deelnemers uit "
        f"{len(members & codes)} huidige gemeenten; "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        + ".",
        f"roo-regelingen: {len(shared)} gemeenten in een gedeelde ambtelijke organisatie "
        f"(werkorganisatie); {len(without_own_staff)} gemeenten met een eigen loonsom onder "
        f"€ 200 per inwoner (CBS Iv3), waarvan zonder herkende werkorganisatie: "
        f"{_plain_names(no_regeling, gemeenten)}.",
        f"cbs-iv3: financiën voor {sum(1 for c in codes if iv3.get(c))} gemeenten, "
        f"{sum(len(iv3.get(c, [])) for c in codes)} documenten (per jaar de jaarrekening, "
        "anders de begroting).",
        f"nlextract-indeling: begindatum 1970-01-01 (begin van de reeks, geen stichtingsdatum) "
        f"weggelaten bij {begin_unknown} gemeenten.",
    ]


def _plain_names(codes: list[str], gemeenten: list[dict[str, Any]]) -> str:
    names = {g["code"]: g["name"] for g in gemeenten}
    return ", ".join(names[c] for c in codes) if codes else "geen"


# -- herindelingen and checks --------------------------------------------------------------


def _merger(event: Any) -> dict[str, Any]:
    return {
        "date": event.day.isoformat(),
        "kind": event.kind,
        "predecessors": [{"code": p.code, "name": p.name} for p in event.predecessors],
        "note": event.note,
        "source": event.source,
    }


def _history_notes(
    indeling: Indeling, history: History, flow_count: int, disagreements: list[str]
) -> list[str]:
    ended = len(indeling.ended())
    rules = ", ".join(f"{rule}: {count}" for rule, count in history.rule_counts().items())
    lines = [
        f"nlextract-indeling: {len(indeling.current())} huidige gemeenten (indeling "
        f"{indeling.last_year}; 2026 heeft dezelfde codes), {len(indeling.municipalities)} "
        f"codes sinds {indeling.first_year}, {ended} opgeheven.",
        f"Herindelingen: ontvangers gevonden via {rules} (overgangen, inclusief "
        "grenscorrecties van ten minste 1%).",
    ]
    events = sum(len(items) for items in history.events.values())
    touched = sum(1 for items in history.events.values() if items)
    lines.append(
        f"Herindelingen: {events} gebeurtenissen bij {touched} huidige gemeenten; "
        f"vng-grenswijzigen leverde {flow_count} overgangen van ten minste 1% (2016-2024)."
    )
    if history.unresolved:
        lines.append(f"Herindelingen zonder gevonden ontvanger: {'; '.join(history.unresolved)}.")
    lines.extend(f"Herindelingen, tegenstrijdig: {line}" for line in history.conflicts)
    if disagreements:
        lines.append(
            f"vng-grenswijzigen: model 0 en model 1 verschillen: {'; '.join(disagreements)}."
        )
    else:
        lines.append(
            "vng-grenswijzigen: model 0 (adressen) en model 1 (woonadressen) geven "
            "dezelfde overgangen van ten minste 1%."
        )
    for change in indeling.province_changes:
        lines.append(
            f"{indeling.name(change.code)} ({change.code}) ging op {change.day} over "
            f"van {change.old} naar {change.new} (geen herindeling)."
        )
    lines.append(
        "Naamswijzigingen met behoud van code zijn niet te zien: de CBS-indeling "
        "gebruikt voor alle jaren de huidige naam."
    )
    return lines


def _check_codes(
    current: list[Municipality], places: dict[str, GemeenteWoonplaatsen], notes: list[str]
) -> None:
    codes = {m.code for m in current}
    if codes != set(places):
        raise SourceError(
            "De gemeentecodes van de indeling en de woonplaatsen verschillen: "
            f"{', '.join(sorted(codes ^ set(places)))}."
        )
    differing = [
        f"{m.code} '{places[m.code].name}'" for m in current if places[m.code].name != m.name
    ]
    notes.append(
        f"cbs-woonplaatsen: {len(codes)} gemeenten, "
        f"{sum(len(p.woonplaatsen) for p in places.values())} woonplaatsen, "
        f"{len({p.corop_code for p in places.values()})} COROP-gebieden; "
        + (
            f"namen wijken af van de CBS-indeling: {', '.join(differing)}."
            if differing
            else "alle gemeentenamen gelijk aan de CBS-indeling."
        )
    )


def _corop_centres(
    current: list[Municipality],
    places: dict[str, GemeenteWoonplaatsen],
    figures: dict[str, list[dict[str, str]]],
) -> set[str]:
    best: dict[str, tuple[int, str]] = {}
    for municipality in current:
        inhabitants = next(
            (
                int(f["value"])
                for f in figures.get(municipality.code, [])
                if f["key"] == "inwoners" and f["date"] == CENTRE_DATE
            ),
            None,
        )
        if inhabitants is None:
            continue
        region = places[municipality.code].corop_code
        candidate = (inhabitants, municipality.code)
        if region not in best or candidate > best[region]:
            best[region] = candidate
    return {code for _, code in best.values()}


def _check_references(data: dict[str, Any]) -> None:
    sources = data["sources"]
    for gemeente in data["gemeenten"]:
        for fact in gemeente["facts"]:
            if fact["key"] not in FACT_TYPES or fact["source"] not in sources:
                raise SourceError(f"Onbekend kenmerk of bron in {gemeente['code']}: {fact}")
        for item in (*gemeente["elections"], *gemeente["mergers"]):
            for key in (item.get("source"), item.get("votes_source")):
                if key is not None and key not in sources:
                    raise SourceError(f"Onbekende bron {key} in {gemeente['code']}.")
        if gemeente["woonplaatsen_source"] not in sources:
            raise SourceError(f"Onbekende bron bij de woonplaatsen van {gemeente['code']}.")
        keys = [d["source"] for d in gemeente["financien"]]
        keys += [gemeente["register"]["source"]] if gemeente["register"] else []
        for key in keys:
            if key not in sources:
                raise SourceError(f"Onbekende bron {key} in {gemeente['code']}.")


def _names(codes: list[str], indeling: Indeling) -> str:
    if not codes:
        return "geen"
    return ", ".join(f"{indeling.name(c)} ({c})" for c in codes)


def _collection_date(raw_dir: Path) -> str | None:
    """The 'Collected on' date of SOURCES.md next to the raw folder, if there is one."""
    path = raw_dir.parent / "SOURCES.md"
    if path.is_file():
        match = COLLECTED.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            return match.group(1)
    return None


def _latest_date(gemeenten: list[dict[str, Any]]) -> str:
    days = [f["date"] for g in gemeenten for f in g["facts"]]
    days += [e["date"] for g in gemeenten for e in g["elections"]]
    return max(days, default="")


# -- writing -------------------------------------------------------------------------------


def dumps_dataset(data: dict[str, Any]) -> str:
    """JSON with sorted keys; every gemeente, note, source and benchmark on its own line."""

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            body = ",\n".join(one(item) for item in value)
            parts.append(f"{one(key)}:[\n{body}\n]")
        elif isinstance(value, dict) and value:
            body = ",\n".join(f"{one(k)}:{one(value[k])}" for k in sorted(value))
            parts.append(f"{one(key)}:{{\n{body}\n}}")
        else:
            parts.append(f"{one(key)}:{one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_dataset(data: dict[str, Any], path: Path) -> int:
    """Write the data set (UTF-8, LF line ends); returns the number of bytes written."""
    text = dumps_dataset(data)
    json.loads(text)  # never write something that does not read back
    payload = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(payload)
    tmp.replace(path)
    return len(payload)
