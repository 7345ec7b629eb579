"""Pure measures of a council's composition (exact fractions)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def effective_number_of_parties(seats: Sequence[int]) -> Fraction | None:
    """Laakso–Taagepera index over seat shares: 1 / sum(share²). None for an empty council."""
    total = sum(seats)
    if total <= 0:
        return None
    return 1 / sum(Fraction(s, total) ** 2 for s in seats if s)


SIZE_CLASSES: tuple[tuple[int, int | None, str], ...] = (
    (0, 4999, "minder dan 5.000 inwoners"),
    (5000, 9999, "5.000 tot 10.000 inwoners"),
    (10000, 19999, "10.000 tot 20.000 inwoners"),
    (20000, 49999, "20.000 tot 50.000 inwoners"),
    (50000, 99999, "50.000 tot 100.000 inwoners"),
    (100000, 149999, "100.000 tot 150.000 inwoners"),
    (150000, 249999, "150.000 tot 250.000 inwoners"),
    (250000, None, "250.000 inwoners of meer"),
)


def size_class(inhabitants: int) -> tuple[int, str]:
    """The CBS gemeentegrootteklasse: (index, label)."""
    for index, (low, high, label) in enumerate(SIZE_CLASSES):
        if inhabitants >= low and (high is None or inhabitants <= high):
            return index, label
    raise ValueError("aantal inwoners kan niet negatief zijn")
