"""Maximum number of wethouders: Gemeentewet art. 36.

Pure functions over int and Fraction, no Django. See docs/legal-rules.md (shared) §2.
The base is the council size under art. 8, not the number of seats actually filled.
"""

from __future__ import annotations

import math
from fractions import Fraction

from secretaris.law.raadsgrootte import COUNCIL_SIZES

_MINIMUM = 2  # art. 36 lid 1: "niet minder dan twee wethouders"


def _round_to_nearest(value: Fraction) -> int:
    """Art. 36 lid 5: "afgerond tot het dichtstbijgelegen gehele getal" (not rounding up).

    Council sizes are odd, so 20% and 25% of them never end in exactly .5.
    """
    return math.floor(value + Fraction(1, 2))


def _check_council_size(council_size: int) -> None:
    if isinstance(council_size, bool) or not isinstance(council_size, int):
        raise ValueError(
            f"Het aantal raadsleden moet een geheel getal zijn, niet {council_size!r}."
        )
    if council_size not in COUNCIL_SIZES:
        sizes = ", ".join(str(size) for size in COUNCIL_SIZES)
        raise ValueError(
            f"{council_size} is geen raadsgrootte volgens Gemeentewet art. 8 (mogelijk: {sizes})."
        )


def max_wethouders(council_size: int) -> int:
    """Art. 36 lid 1 and 5: at most 20% of the raadsleden, rounded to nearest, at least two."""
    _check_council_size(council_size)
    return max(_MINIMUM, _round_to_nearest(Fraction(council_size, 5)))


def max_wethouders_parttime(council_size: int) -> int:
    """Art. 36 lid 3 and 5: at most 25% of the raadsleden when the raad chose part-time."""
    _check_council_size(council_size)
    return _round_to_nearest(Fraction(council_size, 4))


def parttime_fte_cap(council_size: int) -> Fraction:
    """Art. 36 lid 3: combined tijdsbestedingsnorm (fte) of all wethouders with part-time.

    At most 10% more than without part-time, i.e. 110% of the lid-1 maximum. Following VNG,
    also at most one fte per person of the lid-3 maximum (a norm is at most 100%); that second
    cap is VNG's reading, not the text of art. 36. It bites only at 9 and 13 seats.
    """
    return min(
        Fraction(11, 10) * max_wethouders(council_size),
        Fraction(max_wethouders_parttime(council_size)),
    )
