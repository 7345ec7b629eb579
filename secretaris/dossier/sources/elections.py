"""Council elections per municipality, combining the election sources by documented rules.

GR2022 (16 March 2022): seats from the Kiesraad Resultaat EML (elected candidates per list),
votes from the Telling CSV; where the CSV lacks a municipality, votes from grtool 2022.json.
Where the EML lacks one, seats from grtool 2022.json if there. `candidates` is None: the
EML files here list only the elected candidates; only where the official seats show list
exhaustion (Kieswet P 10) is it derived (all candidates elected, so candidates = seats).
GR2018 (21 March 2018): seats from grtool 2018.json (no votes in that file), only for
municipalities whose code and territory did not change since the election.
GR2026 (18 March 2026): seats per list from the partijregister; no votes, no list numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from secretaris.dossier.sources.kiesraad import EmlResult, ListVotes, ProcessedResult
from secretaris.dossier.sources.partijregister import Gr2026
from secretaris.law.zetelverdeling import apportion

GR2018_DATE = "2018-03-21"
GR2022_DATE = "2022-03-16"
GR2026_DATE = "2026-03-18"

SEATS_EML = "kiesraad-gr2022-eml"
VOTES_CSV = "kiesraad-gr2022-telling"
GRTOOL_2022 = "grtool-gr2022"
GRTOOL_2018 = "grtool-gr2018"
SEATS_2026 = "kiesraad-gr2026"


@dataclass
class ElectionReport:
    """Counts and remarks gathered while combining, written to the build notes."""

    votes_from_json: list[str] = field(default_factory=list)
    seats_from_json: list[str] = field(default_factory=list)
    votes_without_seats: list[str] = field(default_factory=list)
    vote_conflicts: list[str] = field(default_factory=list)
    seat_conflicts: list[str] = field(default_factory=list)
    name_differences: list[str] = field(default_factory=list)
    anomalies: list[str] = field(default_factory=list)
    exhausted: list[str] = field(default_factory=list)
    recomputed: int = 0
    votes_compared: int = 0
    seats_compared: int = 0


def gr2022(
    name: str,
    eml: EmlResult | None,
    votes_csv: list[ListVotes] | None,
    processed: ProcessedResult | None,
    report: ElectionReport,
) -> dict[str, Any] | None:
    votes, votes_source = _votes_2022(name, votes_csv, processed, report)
    if eml is not None:
        seats = {item.number: item.seats for item in eml.lists}
        names = {item.number: item.name for item in eml.lists}
        source = SEATS_EML
        if processed is not None:
            _compare_seats(name, seats, processed, report)
    elif processed is not None:
        seats = {i.number: i.seats or 0 for i in processed.lists if i.number is not None}
        names = {i.number: i.name for i in processed.lists if i.number is not None}
        source = GRTOOL_2022
        report.seats_from_json.append(name)
    else:
        if votes_csv:
            report.votes_without_seats.append(name)
        return None
    counted = votes or {}
    for number, item in counted.items():
        if number in names and item.name and names[number] and item.name != names[number]:
            report.name_differences.append(
                f"{name} lijst {number}: '{names[number]}' / '{item.name}'"
            )
    lists = []
    for number in sorted(set(seats) | set(counted)):
        item = counted.get(number, _BLANK)
        lists.append(
            {
                "number": number,
                "name": names.get(number) or item.name or f"Lijst {number} (zonder aanduiding)",
                "votes": item.votes,
                "seats": seats.get(number, 0),
                "candidates": None,
            }
        )
    election = _election("GR2022", GR2022_DATE, source, votes_source, lists)
    _check_size(name, election, report)
    _exhausted_lists(name, election, report)
    return election


def _exhausted_lists(name: str, election: dict[str, Any], report: ElectionReport) -> None:
    """Fill `candidates` where the official result shows list exhaustion (Kieswet P 10).

    Recomputing the seats from the votes without candidate limits must give the official
    seats. A list that officially got fewer seats than that had no candidate left: all its
    candidates were elected, so its number of candidates equals its seats. The result is
    then recomputed with those limits and must equal the official seats.
    """
    lists = election["lists"]
    if not lists or any(item["votes"] is None for item in lists):
        return
    size = election["council_size"]
    votes = [item["votes"] for item in lists]
    official = [item["seats"] for item in lists]
    day = date.fromisoformat(election["date"])
    computed = apportion(size, votes, election_date=day).seats
    report.recomputed += 1
    if list(computed) == official:
        return
    exhausted = [i for i, (c, o) in enumerate(zip(computed, official, strict=True)) if c > o]
    limits = [official[i] if i in exhausted else size for i in range(len(lists))]
    if exhausted and list(apportion(size, votes, limits, election_date=day).seats) == official:
        for i in exhausted:
            lists[i]["candidates"] = official[i]
            report.exhausted.append(
                f"{name} lijst {lists[i]['number']} ({lists[i]['name']}): "
                f"{official[i]} kandidaat/kandidaten, alle gekozen"
            )
        return
    report.anomalies.append(
        f"{election['election']} {name}: de zetels volgen niet uit de stemmen "
        f"(berekend {list(computed)}, officieel {official})"
    )


_BLANK = ListVotes(None, "", None)


def _votes_2022(
    name: str,
    votes_csv: list[ListVotes] | None,
    processed: ProcessedResult | None,
    report: ElectionReport,
) -> tuple[dict[int, ListVotes] | None, str | None]:
    if votes_csv:
        by_number = {item.number: item for item in votes_csv if item.number is not None}
        if processed is not None and processed.has_votes:
            report.votes_compared += 1
            for item in processed.lists:
                csv_item = by_number.get(item.number) if item.number is not None else None
                if csv_item is not None and csv_item.votes != item.votes:
                    report.vote_conflicts.append(
                        f"{name} lijst {item.number}: telling {csv_item.votes}, GRtool {item.votes}"
                    )
        elif processed is not None:
            report.vote_conflicts.append(
                f"{name}: GRtool geeft 0 stemmen voor alle lijsten, de telling niet "
                f"(telling gebruikt)"
            )
        return by_number, VOTES_CSV
    if processed is not None and processed.has_votes:
        report.votes_from_json.append(name)
        return {i.number: i for i in processed.lists if i.number is not None}, GRTOOL_2022
    return None, None


def _compare_seats(
    name: str, seats: dict[int, int], processed: ProcessedResult, report: ElectionReport
) -> None:
    report.seats_compared += 1
    for item in processed.lists:
        if item.number is None:
            continue
        if (item.seats or 0) != seats.get(item.number, 0):
            report.seat_conflicts.append(
                f"{name} lijst {item.number}: EML {seats.get(item.number, 0)}, "
                f"GRtool {item.seats} (EML gebruikt)"
            )


def gr2018(name: str, processed: ProcessedResult, report: ElectionReport) -> dict[str, Any]:
    lists = [
        {
            "number": item.number,
            "name": item.name or f"Lijst {item.number}",
            "votes": item.votes,
            "seats": item.seats or 0,
            "candidates": None,
        }
        for item in processed.lists
        if item.seats or item.votes is not None
    ]
    lists.sort(key=lambda i: (i["number"] is None, i["number"] or 0, i["name"]))
    has_votes = any(i["votes"] is not None for i in lists)
    election = _election(
        "GR2018", GR2018_DATE, GRTOOL_2018, GRTOOL_2018 if has_votes else None, lists
    )
    if election["council_size"] != processed.council_size:
        report.anomalies.append(
            f"GR2018 {name}: som van de zetels {election['council_size']}, "
            f"totaalZetels {processed.council_size}"
        )
    _check_size(name, election, report)
    return election


def gr2026(result: Gr2026, report: ElectionReport) -> dict[str, Any] | None:
    if not result.seats:
        return None
    lists = [
        {"number": None, "name": list_name, "votes": None, "seats": seats, "candidates": None}
        for list_name, seats in sorted(result.seats, key=lambda s: (-s[1], s[0]))
    ]
    election = _election("GR2026", GR2026_DATE, SEATS_2026, None, lists)
    _check_size(result.name, election, report)
    return election


def _election(
    label: str, day: str, source: str, votes_source: str | None, lists: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "election": label,
        "date": day,
        "council_size": sum(i["seats"] for i in lists),
        "source": source,
        "votes_source": votes_source,
        "lists": lists,
    }


def _check_size(name: str, election: dict[str, Any], report: ElectionReport) -> None:
    """A council has an odd number of seats from 9 to 45 (Gemeentewet art. 8)."""
    size = election["council_size"]
    if size % 2 == 0 or not 9 <= size <= 45:
        report.anomalies.append(
            f"{election['election']} {name}: raadsgrootte {size} is niet oneven of ligt buiten 9-45"
        )


def summary_lines(report: ElectionReport) -> Iterable[str]:
    if report.votes_from_json:
        yield (
            f"GR2022: stemmen van {len(report.votes_from_json)} gemeenten uit GRtool "
            f"2022.json, omdat hun Telling-bestand ontbreekt: "
            f"{', '.join(sorted(report.votes_from_json))}."
        )
    if report.seats_from_json:
        yield (
            f"GR2022: zetels van {len(report.seats_from_json)} gemeenten uit GRtool "
            f"2022.json (geen Resultaat-EML): {', '.join(sorted(report.seats_from_json))}."
        )
    if report.votes_without_seats:
        yield (
            f"GR2022: {', '.join(sorted(report.votes_without_seats))} hebben stemmen maar "
            "geen zetels (Resultaat-EML ontbreekt, ook niet in GRtool); uitslag weggelaten."
        )
    yield (
        f"GR2022 stemmen: telling en GRtool vergeleken voor {report.votes_compared} "
        f"gemeenten; {len(report.vote_conflicts)} verschil(len)."
    )
    for line in report.vote_conflicts:
        yield f"GR2022 stemmen verschillen: {line}."
    yield (
        f"GR2022 zetels: Resultaat-EML en GRtool vergeleken voor {report.seats_compared} "
        f"gemeenten; {len(report.seat_conflicts)} verschil(len)."
    )
    for line in report.seat_conflicts:
        yield f"GR2022 zetels verschillen: {line}."
    if report.name_differences:
        yield (
            f"GR2022: {len(report.name_differences)} lijstnaam/-namen verschillen tussen de "
            f"EML en de stemmenbron (EML-naam gebruikt): "
            f"{'; '.join(report.name_differences[:5])}."
        )
    yield (
        f"GR2022: zetelverdeling (Kieswet P 5-P 10) nagerekend voor {report.recomputed} "
        "gemeenten met stemmen voor alle lijsten."
    )
    if report.exhausted:
        yield (
            "GR2022: lijstuitputting (Kieswet P 10) afgeleid uit de officiële uitslag, "
            f"'candidates' = zetels voor: {'; '.join(report.exhausted)}."
        )
    if report.anomalies:
        for line in report.anomalies:
            yield f"Raadsgrootte afwijkend: {line}."
    else:
        yield (
            "Raadsgrootte: alle uitslagen hebben een oneven aantal zetels tussen 9 en 45 "
            "(som van de zetels per lijst)."
        )
