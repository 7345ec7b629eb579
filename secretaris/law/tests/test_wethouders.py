"""Gemeentewet art. 36: the derived table of legal-rules.md §2, row by row."""

from fractions import Fraction

import pytest

from secretaris.law.wethouders import max_wethouders, max_wethouders_parttime, parttime_fte_cap

# (seats, max lid 1+5, max lid 3+5, fte cap) as in legal-rules.md §2 and the VNG table.
TABLE = [
    (9, 2, 2, "2"),
    (11, 2, 3, "2.2"),
    (13, 3, 3, "3"),
    (15, 3, 4, "3.3"),
    (17, 3, 4, "3.3"),
    (19, 4, 5, "4.4"),
    (21, 4, 5, "4.4"),
    (23, 5, 6, "5.5"),
    (25, 5, 6, "5.5"),
    (27, 5, 7, "5.5"),
    (29, 6, 7, "6.6"),
    (31, 6, 8, "6.6"),
    (33, 7, 8, "7.7"),
    (35, 7, 9, "7.7"),
    (37, 7, 9, "7.7"),
    (39, 8, 10, "8.8"),
    (45, 9, 11, "9.9"),
]


@pytest.mark.parametrize(("seats", "full_time", "part_time", "fte"), TABLE)
def test_max_wethouders_matches_the_table(seats, full_time, part_time, fte):
    assert max_wethouders(seats) == full_time


@pytest.mark.parametrize(("seats", "full_time", "part_time", "fte"), TABLE)
def test_max_wethouders_parttime_matches_the_table(seats, full_time, part_time, fte):
    assert max_wethouders_parttime(seats) == part_time


@pytest.mark.parametrize(("seats", "full_time", "part_time", "fte"), TABLE)
def test_parttime_fte_cap_matches_the_table(seats, full_time, part_time, fte):
    cap = parttime_fte_cap(seats)
    assert isinstance(cap, Fraction)
    assert cap == Fraction(fte)


def test_rounding_is_to_nearest_not_up():
    # 20% of 11 is 2.2: rounding up (compendiumpolitiek.nl) would wrongly give 3.
    assert max_wethouders(11) == 2


def test_minimum_of_two_applies_to_the_smallest_council():
    # 20% of 9 is 1.8, which rounds to 2 anyway; the minimum keeps it there.
    assert max_wethouders(9) == 2


def test_fte_cap_is_limited_to_one_fte_per_person():
    assert parttime_fte_cap(9) == 2
    assert parttime_fte_cap(13) == 3


@pytest.mark.parametrize("bad", [10, 0, -9, 41, 47])
def test_rejects_a_size_art_8_cannot_produce(bad):
    with pytest.raises(ValueError, match="art. 8"):
        max_wethouders(bad)


@pytest.mark.parametrize("bad", [9.0, "9", None, True])
def test_rejects_non_integers(bad):
    with pytest.raises(ValueError, match="geheel getal"):
        max_wethouders_parttime(bad)
