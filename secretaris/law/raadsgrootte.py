"""Council size (*aantal raadsleden*): Gemeentewet art. 8 and art. 1; Wet arhi art. 55.

Pure functions, no Django. See docs/legal-rules.md (shared) §1.
"""

from __future__ import annotations

from datetime import date

# Gemeentewet art. 8 lid 1: (highest number of inhabitants in the band, seats).
# The bands are inclusive; "beneden de 3 001" is at most 3 000.
_BANDS: tuple[tuple[int, int], ...] = (
    (3_000, 9),
    (6_000, 11),
    (10_000, 13),
    (15_000, 15),
    (20_000, 17),
    (25_000, 19),
    (30_000, 21),
    (35_000, 23),
    (40_000, 25),
    (45_000, 27),
    (50_000, 29),
    (60_000, 31),
    (70_000, 33),
    (80_000, 35),
    (100_000, 37),
    (200_000, 39),
)
# "boven de 200 000": 200 001 or more.
_ABOVE_LAST_BAND = 45

#: Every council size art. 8 can produce, smallest first.
COUNCIL_SIZES: tuple[int, ...] = tuple(seats for _, seats in _BANDS) + (_ABOVE_LAST_BAND,)


def council_size(inhabitants: int) -> int:
    """Number of raadsleden for a number of inhabitants at the peildatum (art. 8 lid 1)."""
    if isinstance(inhabitants, bool) or not isinstance(inhabitants, int):
        raise ValueError(f"Het aantal inwoners moet een geheel getal zijn, niet {inhabitants!r}.")
    if inhabitants < 0:
        raise ValueError(f"Het aantal inwoners kan niet negatief zijn (gekregen: {inhabitants}).")
    for upper, seats in _BANDS:
        if inhabitants <= upper:
            return seats
    return _ABOVE_LAST_BAND


def peildatum(
    election_date: date,
    *,
    herindeling: bool = False,
    cbs_request: date | None = None,
) -> date:
    """The date whose CBS population count decides the council size.

    - Regular election in year Y: 1 January of Y-1 (Gemeentewet art. 1 lid 2, first sentence).
    - ``herindeling=True`` (herindelingsverkiezing): 1 January of the election year
      (Wet arhi art. 55 lid 1).
    - ``cbs_request``: the day of the kandidaatstelling, to be given only when the raad asked
      CBS for a count and CBS determined one because a threshold of art. 8 was exceeded
      (art. 1 lid 2, second and third sentences). The peildatum is then the first day of the
      fourth month before the month of the kandidaatstelling: 2 February 2026 gives
      1 October 2025. Whether a threshold was exceeded is for CBS to decide, not for this
      function.
    """
    if not isinstance(election_date, date):
        raise ValueError(f"De verkiezingsdatum moet een datum zijn, niet {election_date!r}.")
    if herindeling and cbs_request is not None:
        raise ValueError(
            "Een herindelingsverkiezing heeft een eigen peildatum (Wet arhi art. 55); "
            "een CBS-telling op verzoek (Gemeentewet art. 1 lid 2) past daar niet bij."
        )
    if herindeling:
        return date(election_date.year, 1, 1)
    if cbs_request is None:
        return date(election_date.year - 1, 1, 1)
    if not isinstance(cbs_request, date):
        raise ValueError(f"De dag van kandidaatstelling moet een datum zijn, niet {cbs_request!r}.")
    if cbs_request > election_date:
        raise ValueError(
            f"De dag van kandidaatstelling ({cbs_request.isoformat()}) ligt na de "
            f"verkiezingsdatum ({election_date.isoformat()})."
        )
    months = cbs_request.year * 12 + (cbs_request.month - 1) - 4
    return date(months // 12, months % 12 + 1, 1)
