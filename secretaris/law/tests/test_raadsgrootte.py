"""Gemeentewet art. 8 (table) and art. 1 (peildatum); Wet arhi art. 55."""

from datetime import date

import pytest

from secretaris.law.raadsgrootte import COUNCIL_SIZES, council_size, peildatum

# Every band edge of art. 8 lid 1, written out by hand: (inhabitants, seats).
BAND_EDGES = [
    (0, 9),
    (3_000, 9),
    (3_001, 11),
    (6_000, 11),
    (6_001, 13),
    (10_000, 13),
    (10_001, 15),
    (15_000, 15),
    (15_001, 17),
    (20_000, 17),
    (20_001, 19),
    (25_000, 19),
    (25_001, 21),
    (30_000, 21),
    (30_001, 23),
    (35_000, 23),
    (35_001, 25),
    (40_000, 25),
    (40_001, 27),
    (45_000, 27),
    (45_001, 29),
    (50_000, 29),
    (50_001, 31),
    (60_000, 31),
    (60_001, 33),
    (70_000, 33),
    (70_001, 35),
    (80_000, 35),
    (80_001, 37),
    (100_000, 37),
    (100_001, 39),
    (200_000, 39),
    (200_001, 45),
    (1_000_000, 45),
]


@pytest.mark.parametrize(("inhabitants", "seats"), BAND_EDGES)
def test_council_size_follows_every_band_edge(inhabitants, seats):
    assert council_size(inhabitants) == seats


def test_council_sizes_are_the_odd_numbers_9_to_39_and_45():
    assert (*range(9, 40, 2), 45) == COUNCIL_SIZES


def test_fewer_than_19_seats_means_at_most_20000_inhabitants():
    assert council_size(20_000) < 19 <= council_size(20_001)


@pytest.mark.parametrize("bad", [-1, -3_000])
def test_council_size_rejects_negative_inhabitants(bad):
    with pytest.raises(ValueError, match="negatief"):
        council_size(bad)


@pytest.mark.parametrize("bad", [3000.0, "3000", None, True, 1.5])
def test_council_size_rejects_non_integers(bad):
    with pytest.raises(ValueError, match="geheel getal"):
        council_size(bad)


def test_peildatum_is_1_january_of_the_year_before_the_election():
    assert peildatum(date(2026, 3, 18)) == date(2025, 1, 1)


def test_peildatum_of_a_herindelingsverkiezing_is_1_january_of_the_election_year():
    assert peildatum(date(2025, 11, 26), herindeling=True) == date(2025, 1, 1)


def test_peildatum_on_request_is_first_day_of_fourth_month_before_kandidaatstelling():
    # GR2026: kandidaatstelling on 2 February 2026 gives 1 October 2025.
    assert peildatum(date(2026, 3, 18), cbs_request=date(2026, 2, 2)) == date(2025, 10, 1)


def test_peildatum_on_request_stays_in_the_year_when_possible():
    assert peildatum(date(2026, 7, 1), cbs_request=date(2026, 5, 20)) == date(2026, 1, 1)
    assert peildatum(date(2026, 7, 1), cbs_request=date(2026, 6, 1)) == date(2026, 2, 1)


def test_peildatum_rejects_kandidaatstelling_after_the_election():
    with pytest.raises(ValueError, match="na de verkiezingsdatum"):
        peildatum(date(2026, 3, 18), cbs_request=date(2026, 4, 1))


def test_peildatum_rejects_request_for_a_herindelingsverkiezing():
    with pytest.raises(ValueError, match="herindelingsverkiezing"):
        peildatum(date(2026, 3, 18), herindeling=True, cbs_request=date(2026, 2, 2))


def test_peildatum_rejects_a_non_date():
    with pytest.raises(ValueError, match="datum"):
        peildatum("2026-03-18")
