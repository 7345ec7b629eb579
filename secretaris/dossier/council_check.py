"""The council size check: legal size (Gemeentewet art. 8, peildatum of art. 1) vs elected.

The dossier holds CBS figures for some dates only. When the figure on the peildatum is
missing, the figures just before and just after bound it: every council size between
theirs is possible, and the check says how sure it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number
from secretaris.law.raadsgrootte import COUNCIL_SIZES, council_size, peildatum


@dataclass(frozen=True)
class SizeCheck:
    election: str
    peildatum: date
    possible: tuple[int, ...]  # legal sizes the known figures allow
    exact: bool  # the CBS figure on the peildatum itself is known
    basis: str  # how the legal size was found, in Dutch
    seats_elected: int

    @property
    def legal_size(self) -> int | None:
        return self.possible[0] if len(self.possible) == 1 else None

    @property
    def matches(self) -> bool | None:
        """True/False when the legal size is known; None when it cannot be settled."""
        if not self.possible:
            return None
        if self.seats_elected not in self.possible:
            return False
        return True if self.legal_size is not None else None

    @property
    def verdict(self) -> str:
        if not self.possible:
            return "Niet vast te stellen: geen inwonertal bekend."
        if self.matches is None:
            return (
                "Past bij de cijfers; zonder het inwonertal op de peildatum is niet precies "
                "vast te stellen welke omvang de wet voorschrijft."
            )
        if self.matches:
            return "Klopt." if self.exact else "Klopt (benaderd)."
        return (
            "Wijkt af. Mogelijk koos de raad een latere peildatum (artikel 1 lid 2 "
            "Gemeentewet) of was er een herindelingsverkiezing."
        )


def size_check(
    election: str, election_date: date, seats_elected: int, inhabitants: dict[date, int]
) -> SizeCheck:
    """Check one election's council size against the inhabitants known per date."""
    when = peildatum(election_date)
    if when in inhabitants:
        n = inhabitants[when]
        basis = f"CBS-inwonertal op {nl_date(when)}: {format_number(n)}."
        return SizeCheck(election, when, (council_size(n),), True, basis, seats_elected)
    before = max((d for d in inhabitants if d < when), default=None)
    after = min((d for d in inhabitants if d > when), default=None)
    known = [d for d in (before, after) if d is not None]
    if not known:
        return SizeCheck(election, when, (), False, "Geen inwonertal bekend.", seats_elected)
    sizes = sorted(council_size(inhabitants[d]) for d in known)
    possible = tuple(s for s in COUNCIL_SIZES if sizes[0] <= s <= sizes[-1])
    figures = " en ".join(f"{nl_date(d)} ({format_number(inhabitants[d])} inwoners)" for d in known)
    if len(possible) == 1:
        outcome = (
            f"geeft {possible[0]} zetels"
            if len(known) == 1
            else (f"geven allebei {possible[0]} zetels")
        )
    else:
        outcome = "liggen in verschillende klassen: " + " of ".join(map(str, possible)) + " zetels"
    basis = f"Geen CBS-inwonertal op {nl_date(when)} in de gegevens; {figures} {outcome}."
    return SizeCheck(election, when, possible, False, basis, seats_elected)
