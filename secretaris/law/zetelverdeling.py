"""Seat distribution (*zetelverdeling*) for the gemeenteraad: Kieswet P 5 – P 10 with P 19a.

Pure and exact: votes are ints, the kiesdeler and every remainder and average are Fractions.
The procedure follows docs/legal-rules.md (shared) §4, which matches the Kiesraad's Abacus:

1. P 5   kiesdeler = total votes / seats.
2. P 6   full seats = floor(votes / kiesdeler).
3. P 7   19 or more seats: restzetels one at a time by largest averages, no threshold.
   P 8   fewer than 19 seats: restzetels by largest remainders (lid 1), only for lists with at
         least 75% of the kiesdeler (lid 2) and at most one per list; then largest averages
         with at most one seat per list (lid 3); then, only ever after P 10, an unrestricted
         largest-averages round (Kiesraad formal description, not in the text of the law).
4. P 9   a list with more than half of the votes but not more than half of the seats takes
         the restzetel assigned last (a lot decides if several lists won it at that value).
5. P 10  a list with more seats than (living, P 19a) candidates gives up its surplus,
         restzetels first, then full seats; the freed seats go on by the same rules to lists
         that still have candidates without a seat. Seats nobody can take stay empty.

Indexes are 0-based. A tie that needs a lot raises LotRequired unless ``lots`` resolves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

#: From this number of seats on, P 7 (largest averages) applies instead of P 8.
LARGE_COUNCIL = 19

#: P 8 lid 2 threshold per election date: (first election date it applies to, fraction of the
#: kiesdeler). Bill 36 641 (Wet aanscherping vereisten toewijzing restzetels) would replace the
#: 75% rule; its status is unknown (legal-rules §6 point 2). Add a row when it takes effect.
RESTZETEL_THRESHOLDS: tuple[tuple[date, Fraction], ...] = ((date.min, Fraction(3, 4)),)


def restzetel_threshold(election_date: date | None = None) -> Fraction:
    """The P 8 lid 2 threshold (fraction of the kiesdeler) for an election; None: the current."""
    if election_date is None:
        return RESTZETEL_THRESHOLDS[-1][1]
    applicable = [share for start, share in RESTZETEL_THRESHOLDS if start <= election_date]
    return applicable[-1]


class Kind(StrEnum):
    RESTZETEL = "restzetel"
    ABSOLUTE_MAJORITY = "volstrekte meerderheid"  # P 9
    LIST_EXHAUSTION = "lijstuitputting"  # P 10


class Round(StrEnum):
    HIGHEST_AVERAGES = "P 7 lid 1: grootste gemiddelden"
    LARGEST_REMAINDERS = "P 8 lid 1: grootste overschotten"
    HIGHEST_AVERAGES_ONE_EACH = "P 8 lid 3: grootste gemiddelden, één zetel per lijst"
    HIGHEST_AVERAGES_UNRESTRICTED = "grootste gemiddelden, vervolgronde (formele beschrijving)"
    ABSOLUTE_MAJORITY = "P 9: volstrekte meerderheid"
    LIST_EXHAUSTION = "P 10: lijstuitputting"


@dataclass(frozen=True)
class Step:
    """One change after the full seats.

    - restzetel: ``list_index`` receives a seat in ``round``; ``value`` is its remainder (P 8
      lid 1) or its average after receiving the seat (the other rounds); ``tied`` holds every
      list that had that same best value; ``by_lot`` tells whether a lot picked this list.
    - P 9: ``list_index`` (the majority list) receives the seat taken from ``from_index``;
      ``value`` is the value at which that seat had been won; ``tied`` holds the lists that
      won a seat at that value (a lot decides among them when there are several).
    - P 10: ``list_index`` loses one seat; ``full_seat`` tells whether it was a full seat;
      ``value`` is None.
    """

    kind: Kind
    list_index: int
    value: Fraction | None
    round: Round
    from_index: int | None = None
    tied: tuple[int, ...] = ()
    by_lot: bool = False
    full_seat: bool = False


@dataclass(frozen=True)
class Apportionment:
    seats: tuple[int, ...]
    kiesdeler: Fraction
    #: Full seats under P 6, before any removal under P 10.
    full_seats: tuple[int, ...]
    steps: tuple[Step, ...]
    #: Seats no list could take (all lists exhausted, or no votes at all).
    unassigned: int
    warnings: tuple[str, ...]


class LotRequired(Exception):
    """A tie that only a lot can break and that ``lots`` did not resolve.

    ``between`` holds the 0-based indexes of the lists to draw between. For a restzetel the
    drawn list gets the seat; for P 9 the drawn list gives its seat up.
    """

    def __init__(self, between: tuple[int, ...], *, absolute_majority: bool = False) -> None:
        self.between = between
        self.absolute_majority = absolute_majority
        numbers = ", ".join(str(index + 1) for index in between)
        if absolute_majority:
            message = f"Loting nodig (P 9): welke lijst staat de zetel af? Lijsten {numbers}."
        else:
            message = f"Loting nodig: welke lijst krijgt de volgende zetel? Lijsten {numbers}."
        super().__init__(message)


WARNING_P9_AND_P10 = (
    "Zowel art. P 9 (volstrekte meerderheid) als art. P 10 (lijstuitputting) is toegepast. "
    "Neem contact op met de Kiesraad: hier kunnen rekenprogramma's verschillen."
)
WARNING_NO_VOTES = (
    "Er zijn geen stemmen op kandidaten uitgebracht; de Kieswet regelt niet wat er dan gebeurt."
)


def _warning_unassigned(count: int) -> str:
    seats = "zetel blijft" if count == 1 else "zetels blijven"
    return (
        f"Niet alle zetels zijn toegewezen: {count} {seats} onbezet, omdat geen lijst nog "
        "kandidaten zonder zetel heeft. De Kieswet regelt dit niet."
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _validate(
    seats: int, votes: Sequence[int], candidates: Sequence[int] | None, lots: Sequence[int]
) -> None:
    if not _is_int(seats):
        raise ValueError(f"Het aantal zetels moet een geheel getal zijn, niet {seats!r}.")
    if seats < 1:
        raise ValueError(f"Er moet ten minste één zetel te verdelen zijn (gekregen: {seats}).")
    if isinstance(votes, str | bytes) or not isinstance(votes, Sequence) or len(votes) == 0:
        raise ValueError("Geef de stemcijfers op: een niet-lege reeks, één getal per lijst.")
    for number, value in enumerate(votes, start=1):
        if not _is_int(value):
            raise ValueError(
                f"Het stemcijfer van lijst {number} moet een geheel getal zijn, niet {value!r}."
            )
        if value < 0:
            raise ValueError(f"Het stemcijfer van lijst {number} is negatief ({value}).")
    if candidates is not None:
        if isinstance(candidates, str | bytes) or not isinstance(candidates, Sequence):
            raise ValueError("Geef het aantal kandidaten op als reeks, één getal per lijst.")
        if len(candidates) != len(votes):
            raise ValueError(
                f"Er zijn {len(candidates)} kandidatenaantallen opgegeven voor {len(votes)} "
                "lijsten; dat moeten er evenveel zijn."
            )
        for number, value in enumerate(candidates, start=1):
            if not _is_int(value):
                raise ValueError(
                    f"Het aantal kandidaten van lijst {number} moet een geheel getal zijn, "
                    f"niet {value!r}."
                )
            if value < 0:
                raise ValueError(f"Het aantal kandidaten van lijst {number} is negatief ({value}).")
    for value in lots:
        if not _is_int(value):
            raise ValueError(
                f"Een lot moet een lijst aanwijzen met een geheel getal, niet {value!r}."
            )
        if not 0 <= value < len(votes):
            raise ValueError(
                f"Lot {value} wijst geen bestaande lijst aan: de lijsten hebben index 0 tot en "
                f"met {len(votes) - 1}."
            )


class _Lots:
    """The lots drawn so far, consumed in the order the ties are met."""

    def __init__(self, lots: Sequence[int]) -> None:
        self._lots = list(lots)
        self._used = 0

    def draw(self, between: tuple[int, ...], *, absolute_majority: bool = False) -> int:
        if self._used == len(self._lots):
            raise LotRequired(between, absolute_majority=absolute_majority)
        drawn = self._lots[self._used]
        self._used += 1
        if drawn not in between:
            numbers = ", ".join(str(index + 1) for index in between)
            raise ValueError(
                f"Het {self._used}e lot wijst lijst {drawn + 1} aan, maar er wordt geloot "
                f"tussen de lijsten {numbers}."
            )
        return drawn

    def check_all_used(self) -> None:
        if self._used < len(self._lots):
            raise ValueError(
                f"Er zijn {len(self._lots)} loten opgegeven, maar er waren er maar "
                f"{self._used} nodig."
            )


class _Standing:
    """The seats per list while the procedure runs."""

    def __init__(
        self, seats: int, votes: Sequence[int], candidates: Sequence[int] | None, share: Fraction
    ) -> None:
        total = sum(votes)
        self.council = seats
        self.votes = list(votes)
        self.candidates = list(candidates) if candidates is not None else None
        self.kiesdeler = Fraction(total, seats)
        self.full = [v * seats // total for v in votes]  # floor(v / kiesdeler), P 6
        self.initial_full = tuple(self.full)
        self.remainder = [v - f * self.kiesdeler for v, f in zip(votes, self.full, strict=True)]
        self.meets_threshold = [v >= share * self.kiesdeler for v in votes]  # P 8 lid 2
        self.rest = [0] * len(votes)
        self.won: dict[Round, list[int]] = {r: [0] * len(votes) for r in Round}
        self.taken_by_p9: tuple[int, Round] | None = None
        self.steps: list[Step] = []

    def total(self, index: int) -> int:
        return self.full[index] + self.rest[index]

    def has_room(self, index: int) -> bool:
        return self.candidates is None or self.total(index) < self.candidates[index]

    def average(self, index: int) -> Fraction:
        return Fraction(self.votes[index], self.total(index) + 1)

    def can_win_again(self, index: int, round_: Round) -> bool:
        """Max one seat per list in P 8 lid 1 and lid 3; a seat taken back by P 9 is undone."""
        won = self.won[round_][index]
        if self.taken_by_p9 == (index, round_):
            won -= 1
        return won == 0

    def pick_round(self, active: list[int]) -> tuple[Round, list[int]]:
        if self.council >= LARGE_COUNCIL:
            return Round.HIGHEST_AVERAGES, active
        pool = [
            i
            for i in active
            if self.meets_threshold[i] and self.can_win_again(i, Round.LARGEST_REMAINDERS)
        ]
        if pool:
            return Round.LARGEST_REMAINDERS, pool
        pool = [i for i in active if self.can_win_again(i, Round.HIGHEST_AVERAGES_ONE_EACH)]
        if pool:
            return Round.HIGHEST_AVERAGES_ONE_EACH, pool
        return Round.HIGHEST_AVERAGES_UNRESTRICTED, active

    def assign_restzetels(self, count: int, lots: _Lots, *, only_with_room: bool) -> int:
        """Hand out ``count`` seats one at a time; return how many nobody could take."""
        for left in range(count, 0, -1):
            active = [
                i
                for i, v in enumerate(self.votes)
                if v > 0 and (not only_with_room or self.has_room(i))
            ]
            if not active:
                return left
            round_, pool = self.pick_round(active)
            values = {
                i: self.remainder[i] if round_ is Round.LARGEST_REMAINDERS else self.average(i)
                for i in pool
            }
            best = max(values.values())
            tied = tuple(i for i in pool if values[i] == best)
            # A lot is drawn only "zo nodig": when the tied lists outnumber the seats left.
            by_lot = len(tied) > left
            winner = lots.draw(tied) if by_lot else tied[0]
            self.rest[winner] += 1
            self.won[round_][winner] += 1
            self.steps.append(Step(Kind.RESTZETEL, winner, best, round_, tied=tied, by_lot=by_lot))
        return 0

    def apply_absolute_majority(self, lots: _Lots) -> None:
        """P 9: give the majority list the restzetel assigned last."""
        restzetels = [step for step in self.steps if step.kind is Kind.RESTZETEL]
        if not restzetels:
            return  # without restzetels a majority of votes is a majority of seats
        total = sum(self.votes)
        majority = next((i for i, v in enumerate(self.votes) if 2 * v > total), None)
        if majority is None or 2 * self.total(majority) > self.council:
            return
        last = restzetels[-1]
        group: set[int] = set()
        for step in reversed(restzetels):
            if step.round is not last.round or step.value != last.value:
                break
            group.add(step.list_index)
        group.discard(majority)
        assert group, "P 9 kan nooit een zetel van de meerderheidslijst zelf afnemen"
        between = tuple(sorted(group))
        by_lot = len(between) > 1
        loser = lots.draw(between, absolute_majority=True) if by_lot else between[0]
        self.rest[loser] -= 1
        self.rest[majority] += 1
        self.taken_by_p9 = (loser, last.round)
        self.steps.append(
            Step(
                Kind.ABSOLUTE_MAJORITY,
                majority,
                last.value,
                Round.ABSOLUTE_MAJORITY,
                from_index=loser,
                tied=between,
                by_lot=by_lot,
            )
        )

    def apply_list_exhaustion(self, lots: _Lots) -> int:
        """P 10: remove surplus seats and hand them on; return how many stay empty."""
        if self.candidates is None:
            return 0
        freed = 0
        for i, candidates in enumerate(self.candidates):
            for _ in range(max(0, self.total(i) - candidates)):
                full_seat = self.rest[i] == 0
                if full_seat:
                    self.full[i] -= 1
                else:
                    self.rest[i] -= 1
                self.steps.append(
                    Step(Kind.LIST_EXHAUSTION, i, None, Round.LIST_EXHAUSTION, full_seat=full_seat)
                )
                freed += 1
        if not freed:
            return 0
        return self.assign_restzetels(freed, lots, only_with_room=True)


def apportion(
    seats: int,
    votes: Sequence[int],
    candidates: Sequence[int] | None = None,
    lots: Sequence[int] = (),
    *,
    election_date: date | None = None,
) -> Apportionment:
    """Distribute ``seats`` over lists with these stemcijfers (Kieswet P 5 – P 10).

    ``candidates`` holds the number of living candidates per list (P 19a); without it, no list
    is ever exhausted. ``lots`` holds the lots drawn so far (0-based list indexes), in the order
    the ties are met: for a restzetel the list that gets the seat, for P 9 the list that gives
    its seat up. ``election_date`` selects the P 8 lid 2 threshold (default: the current one).
    """
    _validate(seats, votes, candidates, lots)
    drawn = _Lots(lots)
    if sum(votes) == 0:
        drawn.check_all_used()
        zeros = (0,) * len(votes)
        return Apportionment(
            seats=zeros,
            kiesdeler=Fraction(0),
            full_seats=zeros,
            steps=(),
            unassigned=seats,
            warnings=(WARNING_NO_VOTES, _warning_unassigned(seats)),
        )

    standing = _Standing(seats, votes, candidates, restzetel_threshold(election_date))
    standing.assign_restzetels(seats - sum(standing.full), drawn, only_with_room=False)
    standing.apply_absolute_majority(drawn)
    unassigned = standing.apply_list_exhaustion(drawn)
    drawn.check_all_used()

    kinds = {step.kind for step in standing.steps}
    warnings: list[str] = []
    if Kind.ABSOLUTE_MAJORITY in kinds and Kind.LIST_EXHAUSTION in kinds:
        warnings.append(WARNING_P9_AND_P10)
    if unassigned:
        warnings.append(_warning_unassigned(unassigned))
    return Apportionment(
        seats=tuple(standing.total(i) for i in range(len(votes))),
        kiesdeler=standing.kiesdeler,
        full_seats=standing.initial_full,
        steps=tuple(standing.steps),
        unassigned=unassigned,
        warnings=tuple(warnings),
    )
