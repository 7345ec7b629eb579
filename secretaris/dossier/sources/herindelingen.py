"""Merger history (herindelingen) of the current municipalities, 1990 to now.

The CBS indeling (indeling.py) gives every municipality with its begin and end date but no
links between them. For each municipality that ended, its receiver(s) are found by the first
rule that gives an answer:

1. the VNG boundary-change flows 2016-2024 (grenswijzigingen.py): every target that got at
   least 1 % of its addresses; several targets make it a split;
2. the documented table `KNOWN` (known_herindelingen.py: what inference cannot see);
3. its name as a BAG woonplaats (accents ignored; 'Cuijk c.a.' and 'Heel en Panheel' also
   tried as 'Cuijk' and 'Heel'): the one current municipality in the same province holding
   that woonplaats must descend from the receiver, which exists just after the date. When
   several candidates remain, the one with the same first name word wins ('Roggel' ->
   'Roggel en Neer'), else the only one that went wholly into that municipality;
4. the only new municipality formed on the same date in the same province, but only when
   nothing else in that province went into an existing municipality that day and no
   woonplaats of that name lies elsewhere.

Partial transfers between municipalities that both continue (boundary corrections of at least
1 %) come from rule 1 only. Each current municipality then gets the events of itself and of
every municipality that went wholly into it, one event per date and kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from secretaris.dossier.sources.grenswijzigingen import Flows
from secretaris.dossier.sources.indeling import Indeling, Municipality
from secretaris.dossier.sources.known_herindelingen import KNOWN
from secretaris.dossier.sources.woonplaatsen import GemeenteWoonplaatsen

FLOWS = "vng-grenswijzigen"
INDELING = "nlextract-indeling"
DERIVED = "secretaris-herindelingen"


@dataclass(frozen=True)
class Transfer:
    day: date
    source: str
    target: str
    part: bool  # only part of the source went to the target
    evidence: str  # a source key
    rule: str  # flows | tabel | woonplaats | datum+provincie


@dataclass(frozen=True)
class Predecessor:
    code: str
    name: str


@dataclass(frozen=True)
class MergerEvent:
    day: date
    kind: str  # samenvoeging | toevoeging | splitsing | naamswijziging | grenscorrectie
    predecessors: tuple[Predecessor, ...]
    note: str
    source: str


@dataclass
class History:
    transfers: list[Transfer]
    events: dict[str, list[MergerEvent]]  # current code -> events, oldest first
    unresolved: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def rule_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for transfer in self.transfers:
            counts[transfer.rule] += 1
        return dict(sorted(counts.items()))


def flow_year(day: date) -> int:
    """The `jaar_van` of the yearly flow step that covers a change taking effect on `day`."""
    return day.year - 1 if (day.month, day.day) == (1, 1) else day.year


def infer_history(
    indeling: Indeling,
    flows: Flows,
    woonplaatsen: dict[str, GemeenteWoonplaatsen],
) -> History:
    resolver = _Resolver(indeling, flows, woonplaatsen)
    resolver.run()
    events = {m.code: _events_for(m.code, indeling, resolver.transfers) for m in indeling.current()}
    return History(resolver.transfers, events, resolver.unresolved, resolver.conflicts)


class _Resolver:
    def __init__(
        self, indeling: Indeling, flows: Flows, woonplaatsen: dict[str, GemeenteWoonplaatsen]
    ) -> None:
        self.indeling = indeling
        self.flows = flows
        self.places = _place_index(woonplaatsen)
        self.current_province = {m.code: m.province for m in indeling.current()}
        self.transfers: list[Transfer] = []
        self.unresolved: list[str] = []
        self.conflicts: list[str] = []
        # code -> current municipalities that (part of) its territory ended up in
        self.heirs: dict[str, set[str]] = {m.code: {m.code} for m in indeling.current()}

    def run(self) -> None:
        self._boundary_corrections()
        by_day: dict[date, list[Municipality]] = defaultdict(list)
        for ended in self.indeling.ended():
            assert ended.end is not None
            by_day[ended.end].append(ended)
        # Newest first: a receiver's own later fate (its heirs) is known before it is needed.
        for day in sorted(by_day, reverse=True):
            self._resolve_day(day, by_day[day])
        self.transfers.sort(key=lambda t: (t.day, t.source, t.target))

    def _boundary_corrections(self) -> None:
        municipalities = self.indeling.municipalities
        for flow in self.flows.flows:
            day = date(flow.year_from + 1, 1, 1)
            source = municipalities.get(flow.source)
            if source is not None and source.alive_after(day):
                self.transfers.append(Transfer(day, flow.source, flow.target, True, FLOWS, "flows"))

    def _resolve_day(self, day: date, ended: list[Municipality]) -> None:
        formed = {m.code for m in self.indeling.new_on(day)}
        found: dict[str, tuple[list[str], str, str]] = {}
        for municipality in ended:
            targets = self._from_flows(municipality, day)
            known = list(KNOWN.get(municipality.code, ()))
            if known and targets and set(known) != set(targets):
                self.conflicts.append(
                    f"{municipality.name} ({municipality.code}, {day}): tabel zegt "
                    f"{', '.join(known)}, grenswijzigingen zeggen {', '.join(targets)}; "
                    "grenswijzigingen gekozen."
                )
            if targets:
                found[municipality.code] = (targets, FLOWS, "flows")
            elif known:
                found[municipality.code] = (known, DERIVED, "tabel")
            elif target := self._from_woonplaats(municipality, day):
                found[municipality.code] = ([target], DERIVED, "woonplaats")
        # Rule 4 only where that province's change on this day is a pure samenvoeging:
        # nothing else went into a municipality that already existed.
        absorbing = {
            self.indeling.municipalities[m.code].province
            for m in ended
            if m.code in found
            for target in found[m.code][0]
            if target not in formed
        }
        for municipality in ended:
            if (
                municipality.code not in found
                and municipality.province not in absorbing
                and (target := self._from_date(municipality, day))
            ):
                found[municipality.code] = ([target], INDELING, "datum+provincie")
        for municipality in ended:
            if municipality.code not in found:
                self.unresolved.append(f"{municipality.name} ({municipality.code}, {day})")
                continue
            targets, evidence, rule = found[municipality.code]
            for target in sorted(targets):
                self.transfers.append(
                    Transfer(day, municipality.code, target, len(targets) > 1, evidence, rule)
                )
                self.heirs.setdefault(municipality.code, set()).update(
                    self.heirs.get(target, set())
                )

    def _from_flows(self, ended: Municipality, day: date) -> list[str]:
        year = flow_year(day)
        if year not in self.flows.years:
            return []
        return [f.target for f in self.flows.from_year(year) if f.source == ended.code]

    def _from_woonplaats(self, ended: Municipality, day: date) -> str | None:
        heirs = self._place_heirs(ended)
        if not heirs:
            return None
        candidates = [
            m
            for m in self.indeling.municipalities.values()
            if m.code != ended.code and m.alive_after(day) and self.heirs.get(m.code, set()) & heirs
        ]
        if len(candidates) > 1:  # 'Heel en Panheel' -> Heel, 'Roggel' -> Roggel en Neer
            first = _name_variants(ended.name)[-1]
            similar = [m for m in candidates if _name_variants(m.name)[-1] == first]
            # otherwise: the only candidate that went wholly into that one municipality
            candidates = similar or [m for m in candidates if self.heirs[m.code] == heirs]
        return candidates[0].code if len(candidates) == 1 else None

    def _place_heirs(self, ended: Municipality) -> set[str]:
        """The current municipality (same province) holding a woonplaats named like `ended`."""
        for name in _name_variants(ended.name):
            found = {
                code
                for code in self.places.get(name, set())
                if self.current_province.get(code) == ended.province
            }
            if len(found) == 1:
                return found
        return set()

    def _from_date(self, ended: Municipality, day: date) -> str | None:
        formed = [m for m in self.indeling.new_on(day) if m.province == ended.province]
        if len(formed) != 1:
            return None
        heirs = self._place_heirs(ended)
        if heirs and not heirs & self.heirs.get(formed[0].code, set()):
            return None  # the woonplaats of that name lies elsewhere
        return formed[0].code


def _place_index(woonplaatsen: dict[str, GemeenteWoonplaatsen]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for code, entry in woonplaatsen.items():
        for place in entry.woonplaatsen:
            index[_key(place.name)].add(code)
    return index


def _key(name: str) -> str:
    """Lower case without accents: 'Sint Odiliënberg' -> 'sint odilienberg'."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.strip().lower())


def _name_variants(name: str) -> list[str]:
    """'Cuijk c.a.' -> ['cuijk c.a.', 'cuijk']; 'Heel en Panheel' -> [..., 'heel']."""
    key = _key(name)
    variants = [key, key.removesuffix(" c.a.")]
    first = re.split(r" en |-|, ", key.removesuffix(" c.a."))[0]
    variants.append(first)
    return list(dict.fromkeys(v for v in variants if v))


# -- events per current municipality -------------------------------------------------------


def _events_for(code: str, indeling: Indeling, transfers: list[Transfer]) -> list[MergerEvent]:
    lineage = _whole_lineage(code, transfers)
    receivers: dict[str, list[str]] = defaultdict(list)
    into: dict[tuple[date, str], int] = defaultdict(int)
    for transfer in transfers:
        receivers[transfer.source].append(transfer.target)
        into[(transfer.day, transfer.target)] += 1
    grouped: dict[tuple[date, str], list[Transfer]] = defaultdict(list)
    for transfer in transfers:
        if transfer.target in lineage:
            if _is_correction(transfer, indeling) and transfer.target != code:
                # A boundary correction of a predecessor is that predecessor's history, not
                # this municipality's (Nissewaard -> Hellevoetsluis 2018 is no part of Voorne
                # aan Zee, formed 2023; Nissewaard still exists).
                continue
            kind = _kind(transfer, indeling, into[(transfer.day, transfer.target)])
            grouped[(transfer.day, kind)].append(transfer)
    events = []
    for (day, kind), items in sorted(grouped.items()):
        sources = {t.source for t in items}
        predecessors = tuple(
            sorted(
                (Predecessor(c, indeling.name(c)) for c in sources), key=lambda p: (p.name, p.code)
            )
        )
        evidence = {t.evidence for t in items}
        source = evidence.pop() if len(evidence) == 1 else DERIVED
        note = _note(kind, items, code, indeling, receivers)
        events.append(MergerEvent(day, kind, predecessors, _clip(note), source))
    return events


def _whole_lineage(code: str, transfers: list[Transfer]) -> set[str]:
    """`code` and every municipality that went wholly (in one or more steps) into it."""
    whole_into: dict[str, list[str]] = defaultdict(list)
    for transfer in transfers:
        if not transfer.part:
            whole_into[transfer.target].append(transfer.source)
    lineage, todo = {code}, [code]
    while todo:
        for source in whole_into.get(todo.pop(), []):
            if source not in lineage:
                lineage.add(source)
                todo.append(source)
    return lineage


def _is_correction(transfer: Transfer, indeling: Indeling) -> bool:
    """Part of a municipality that itself continues (a boundary correction)."""
    return transfer.part and indeling.municipalities[transfer.source].alive_after(transfer.day)


def _kind(transfer: Transfer, indeling: Indeling, transfers_into_target: int) -> str:
    if _is_correction(transfer, indeling):
        return "grenscorrectie"
    if transfer.part:
        return "splitsing"
    target = indeling.municipalities[transfer.target]
    if target.begin == transfer.day and target.first_year > indeling.first_year:
        return "naamswijziging" if transfers_into_target == 1 else "samenvoeging"
    return "toevoeging"


def _note(
    kind: str, items: list[Transfer], code: str, indeling: Indeling, receivers: dict[str, list[str]]
) -> str:
    name = indeling.name
    sentences = []
    if kind == "splitsing":
        for source in sorted({t.source for t in items}):
            parts = sorted(name(c) for c in receivers[source])
            sentences.append(f"{name(source)} is verdeeld over {_join(parts)}.")
        return " ".join(sentences)
    if kind == "naamswijziging":
        return " ".join(
            f"{name(t.source)} kreeg de naam {name(t.target)} en een nieuwe code." for t in items
        )
    whole = [t for t in items if not _is_correction(t, indeling)]
    for t in items:
        if _is_correction(t, indeling):
            sentences.append(
                f"Deel van {name(t.source)} overgegaan naar {name(t.target)} (grenscorrectie); "
                f"{name(t.source)} bleef bestaan."
            )
    targets = sorted({t.target for t in whole})
    if targets and targets != [code]:
        groups = []
        for target in targets:
            names = sorted(name(t.source) for t in whole if t.target == target)
            if kind == "samenvoeging":
                verb = "vormden"
            else:
                verb = "gingen op in" if len(names) > 1 else "ging op in"
            groups.append(f"{_join(names)} {verb} {name(target)}")
        sentences.insert(0, "; ".join(groups) + ".")
    return " ".join(sentences)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
