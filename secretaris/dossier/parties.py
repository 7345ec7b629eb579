"""Usual party names for the Kiesraad lists of one council, checked against the register.

The Kiesraad list names are formal ("CDA, afdeling Súdwest-Fryslân", "PVV (Partij voor de
Vrijheid)"); the Register van Overheidsorganisaties names parties as people say them. Each
GR2026 list gets the register's name when the names clearly match, otherwise its own name
cleaned of the formal additions. The seats of both sources are compared as a whole: many
registers still listed the council elected in 2022 in April 2026, and a disagreement is
reported, never resolved by picking one side.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from secretaris.dossier.matching import normalise

BRANCH = re.compile(r",\s*(afdeling|afd\.|lokaal|kiesvereniging)\b.*$", re.I)
ABBREVIATION = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
KNOWN = {
    "groenlinks partij van de arbeid pvda": "GroenLinks-PvdA",
    "groenlinks partij van de arbeid": "GroenLinks-PvdA",
}
STRONG = 0.86


@dataclass(frozen=True)
class Party:
    name: str  # the usual name
    kiesraad_name: str | None
    seats: int  # GR2026 seats (register seats where there was no GR2026)
    register_seats: int | None


def usual_name(kiesraad_name: str) -> str:
    """'CDA, afdeling Utrecht' -> 'CDA'; 'PVV (Partij voor de Vrijheid)' -> 'PVV'."""
    name = BRANCH.sub("", kiesraad_name.strip())
    known = KNOWN.get(normalise(name))
    if known:
        return known
    match = ABBREVIATION.match(name)
    if match:
        outer, inner = match.group(1).strip(), match.group(2).strip()
        return min(outer, inner, key=len)
    return name


def _key(name: str) -> str:
    return normalise(name).replace(" ", "")


def _likeness(a: str, b: str) -> float:
    x, y = _key(a), _key(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return difflib.SequenceMatcher(None, x, y).ratio()


def council_parties(
    kiesraad: list[tuple[str, int]], register: list[tuple[str, int]]
) -> tuple[list[Party], bool | None, list[str]]:
    """(parties, agrees, disagreements). `agrees` is None without one of the two sources."""
    if not kiesraad:
        return [Party(n, None, s, s) for n, s in register], None, []
    taken: set[int] = set()
    parties = []
    for name, seats in kiesraad:
        cleaned = usual_name(name)
        best, best_i = 0.0, None
        for i, (r_name, _) in enumerate(register):
            if i in taken:
                continue
            score = max(_likeness(cleaned, r_name), _likeness(name, r_name))
            if score > best:
                best, best_i = score, i
        if best_i is not None and best >= STRONG:
            taken.add(best_i)
            r_name, r_seats = register[best_i]
            parties.append(Party(r_name, name, seats, r_seats))
        else:
            parties.append(Party(cleaned, name, seats, None))
    if not register:
        return parties, None, []
    left = [i for i in range(len(register)) if i not in taken]
    lone = [k for k, p in enumerate(parties) if p.register_seats is None]
    if len(left) == 1 and len(lone) == 1 and register[left[0]][1] == parties[lone[0]].seats:
        # The only party left on each side, with the same seats: the same party under a
        # local name (e.g. "PRO" for the GROENLINKS / PvdA list).
        r_name, r_seats = register[left[0]]
        party = parties[lone[0]]
        parties[lone[0]] = Party(r_name, party.kiesraad_name, party.seats, r_seats)
        taken.add(left[0])
    lines = [
        f"{p.name}: {p.seats} zetels bij de Kiesraad, "
        + (
            f"{p.register_seats} in het register"
            if p.register_seats is not None
            else "niet in het register"
        )
        for p in parties
        if p.register_seats != p.seats
    ]
    lines += [
        f"{n}: {s} zetels in het register, niet bij de Kiesraad"
        for i, (n, s) in enumerate(register)
        if i not in taken
    ]
    return parties, not lines, lines


def largest(parties: list[Party]) -> list[str]:
    """Every party with the most seats: a tie is a tie."""
    top = max((p.seats for p in parties), default=0)
    return [p.name for p in parties if top and p.seats == top]
