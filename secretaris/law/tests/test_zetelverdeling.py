"""Kieswet P 5 – P 10: hand-checked cases, the Kiesraad's Abacus vectors and properties.

In the data below list numbers are 1-based, as on the ballot and in Abacus; the API is 0-based.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from secretaris.law.zetelverdeling import (
    WARNING_NO_VOTES,
    WARNING_P9_AND_P10,
    Kind,
    LotRequired,
    Round,
    apportion,
    restzetel_threshold,
)


@dataclass(frozen=True)
class Case:
    name: str
    seats: int
    votes: tuple[int, ...]
    expected: tuple[int, ...]
    candidates: tuple[int, ...] | None = None
    lots: tuple[int, ...] = ()
    restzetels: tuple[int, ...] | None = None  # lists receiving a restzetel, in order
    p9: tuple[int, int] | None = None  # (list giving up its seat, majority list)
    removed: tuple[int, ...] = ()  # P 10: lists losing a seat, in order
    unassigned: int = 0
    p9_and_p10_warning: bool = False


def run(case: Case):
    return apportion(
        case.seats, case.votes, case.candidates, lots=tuple(lot - 1 for lot in case.lots)
    )


def numbers(indexes) -> tuple[int, ...]:
    return tuple(index + 1 for index in indexes)


# Ported as data from kiesraad/abacus, backend/apportionment/src/seat_assignment/mod.rs (the
# tests of lt_19_seats and gte_19_seats). Where Abacus gives candidate votes per list, the
# stemcijfer is their sum and the number of candidates their count; 50 candidates otherwise.
ABACUS = [
    Case("lt19_no_restzetels", 15, (480, 160, 160, 160, 80, 80, 80), (6, 2, 2, 2, 1, 1, 1),
         restzetels=()),
    Case("lt19_largest_remainders", 15, (540, 160, 160, 80, 80, 80, 60, 40),
         (7, 2, 2, 1, 1, 1, 1, 0), restzetels=(1, 7)),
    Case("lt19_one_list_meets_threshold", 15, (808, 59, 58, 57, 56, 55, 54, 53),
         (12, 1, 1, 1, 0, 0, 0, 0), restzetels=(1, 1, 2, 3, 4)),
    Case("lt19_three_lists_meet_threshold_zero_remainders", 15,
         (480, 240, 240, 55, 50, 45, 45, 45), (7, 4, 4, 0, 0, 0, 0, 0), restzetels=(1, 2, 3)),
    Case("lt19_no_list_meets_threshold", 3, (8, 7, 6, 5, 4, 3, 2, 1, 1, 1),
         (1, 1, 1, 0, 0, 0, 0, 0, 0, 0), restzetels=(1, 2, 3)),
    Case("lt19_unique_highest_average_regression", 10, (0, 3, 5, 6, 7, 79), (0, 0, 0, 0, 1, 9),
         restzetels=(6, 6, 5)),
    Case("lt19_zero_votes", 10, (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), restzetels=(), unassigned=10),
    Case("lt19_P9_GR2022", 15, (2571, 977, 567, 536, 453), (8, 3, 2, 1, 1),
         restzetels=(2, 3, 4), p9=(4, 1)),
    Case("lt19_exactly_half_votes_no_P9", 7, (500, 300, 200), (4, 2, 1), restzetels=(1,)),
    Case("lt19_P9_tie_lot_resolved", 15, (2552, 511, 511, 511, 509, 509), (8, 2, 1, 2, 1, 1),
         lots=(3,), restzetels=(2, 3, 4), p9=(3, 1)),
    Case("lt19_zero_remainders_lot_resolved", 15, (540, 160, 160, 80, 80, 80, 55, 45),
         (7, 2, 2, 1, 1, 2, 0, 0), lots=(6,), restzetels=(1, 6)),
    Case("lt19_exhaustion_during_full_seats", 15, (2000, 1600, 1200, 800, 400),
         (4, 4, 3, 2, 2), candidates=(4, 4, 3, 2, 2), restzetels=(5,), removed=(1,)),
    Case("lt19_exhaustion_during_restzetels_GR2022", 17,
         (1116, 485, 832, 658, 601, 649, 606, 326, 1184, 716, 380),
         (3, 1, 2, 2, 1, 2, 1, 0, 3, 1, 1),
         candidates=(17, 6, 11, 11, 10, 8, 13, 14, 12, 1, 6),
         restzetels=(3, 11, 9, 10, 1, 4, 6), removed=(10,)),
    Case("lt19_exhaustion_during_one_each_round", 10, (0, 3, 5, 6, 7, 79), (0, 0, 0, 1, 1, 8),
         candidates=(1, 1, 1, 1, 1, 8), restzetels=(6, 6, 5, 4), removed=(6,)),
    Case("lt19_exhaustion_unrestricted_round_same_averages", 6, (5, 5, 50), (2, 2, 2),
         candidates=(2, 2, 2), restzetels=(3, 1, 2, 1, 2), removed=(3, 3, 3, 3)),
    Case("lt19_exhaustion_unrestricted_round_different_averages", 6, (6, 4, 50), (2, 2, 2),
         candidates=(2, 2, 2), restzetels=(3, 1, 2, 1, 2), removed=(3, 3, 3, 3)),
    Case("lt19_P9_then_P10", 15, (2571, 977, 567, 536, 453), (7, 3, 2, 2, 1),
         candidates=(7, 4, 2, 2, 2), restzetels=(2, 3, 4, 4), p9=(4, 1), removed=(1,),
         p9_and_p10_warning=True),
    Case("lt19_P9_then_P10_one_each_round", 8, (32, 41, 7), (4, 3, 1), candidates=(5, 3, 1),
         restzetels=(1, 1, 3), p9=(1, 2), removed=(2, 2), p9_and_p10_warning=True),
    Case("lt19_P9_then_P10_several_one_each_rounds", 8, (537, 10, 426), (2, 1, 5),
         candidates=(2, 1, 6), restzetels=(3, 3, 3, 2), p9=(3, 1), removed=(1, 1, 1),
         p9_and_p10_warning=True),
    Case("lt19_all_lists_exhausted_seat_unassigned", 15, (2000, 1600, 1200, 800, 400),
         (4, 4, 3, 2, 1), candidates=(4, 4, 3, 2, 1), restzetels=(), removed=(1,),
         unassigned=1),
    Case("lt19_two_exhausted_lists_seat_unassigned", 15, (2000, 2000, 1200, 400, 400),
         (4, 4, 3, 2, 1), candidates=(4, 4, 3, 2, 1), restzetels=(4,), removed=(1, 2),
         unassigned=1),
    Case("lt19_deceased_candidate_exhausts_list", 15, (610, 520, 370), (5, 6, 4),
         candidates=(5, 7, 5), restzetels=(3, 2), removed=(1,)),
    Case("gte19_no_restzetels", 25, (576, 288, 96, 96, 96, 48), (12, 6, 2, 2, 2, 1),
         restzetels=()),
    Case("gte19_restzetels", 23, (600, 302, 98, 99, 101), (12, 6, 1, 2, 2),
         restzetels=(5, 2, 1, 4)),
    Case("gte19_dhondt_non_consecutive_list_numbers_exact_candidates", 23,
         (600, 302, 98, 99, 101), (12, 6, 1, 2, 2), candidates=(12, 6, 1, 2, 2),
         restzetels=(5, 2, 1, 4)),
    Case("gte19_several_restzetels_to_one_list", 19, (808, 57, 56, 55, 54, 53, 52, 51, 14),
         (15, 1, 1, 1, 1, 0, 0, 0, 0), restzetels=(1, 1, 2, 3, 4, 5, 1)),
    Case("gte19_zero_votes", 19, (0,), (0,), restzetels=(), unassigned=19),
    Case("gte19_P9", 24, (7501, 1249, 1249, 1249, 1249, 1249, 1248, 7),
         (13, 2, 2, 2, 2, 2, 1, 0), restzetels=(2, 3, 4, 5, 6, 7), p9=(7, 1)),
    Case("gte19_P9_tie_lot_resolved", 24, (7501, 1249, 1249, 1249, 1249, 1248, 1248, 8),
         (13, 2, 2, 2, 2, 1, 2, 0), lots=(6,), restzetels=(2, 3, 4, 5, 6, 7), p9=(6, 1)),
    Case("gte19_one_lot_resolved", 24, (500, 140, 140, 140), (14, 3, 4, 3), lots=(3,),
         restzetels=(1, 3)),
    Case("gte19_exhaustion_during_full_seats", 20, (2000, 2000, 1600, 1600, 800),
         (4, 5, 4, 4, 3), candidates=(4, 5, 4, 4, 3), restzetels=(5,), removed=(1,)),
    Case("gte19_exhaustion_during_restzetels", 19, (1599, 1598, 1598, 1598, 1004),
         (5, 4, 4, 4, 2), candidates=(5, 5, 5, 5, 2), restzetels=(5, 1), removed=(5,)),
    Case("gte19_P9_then_P10", 24, (7501, 1249, 1249, 1249, 1249, 1249, 1248, 7),
         (12, 2, 2, 2, 2, 2, 2, 0), candidates=(12, 2, 2, 2, 2, 2, 2, 1),
         restzetels=(2, 3, 4, 5, 6, 7, 7), p9=(7, 1), removed=(1,), p9_and_p10_warning=True),
    Case("gte19_all_lists_exhausted_seat_unassigned", 20, (2000, 2000, 1600, 1600, 800),
         (4, 5, 4, 4, 2), candidates=(4, 5, 4, 4, 2), restzetels=(), removed=(1,),
         unassigned=1),
    Case("gte19_two_exhausted_lists_seat_unassigned", 20, (2000, 2000, 1600, 1600, 800),
         (4, 4, 4, 4, 3), candidates=(4, 4, 4, 4, 3), restzetels=(5,), removed=(1, 2),
         unassigned=1),
    Case("zero_vote_lists_get_no_seats", 10, (500, 0, 0, 0, 0), (5, 0, 0, 0, 0),
         candidates=(5, 1, 1, 1, 1), restzetels=(), removed=(1, 1, 1, 1, 1), unassigned=5),
    Case("gte19_deceased_candidate_exhausts_list", 20, (810, 620, 570), (7, 7, 6),
         candidates=(7, 7, 7), restzetels=(3, 2), removed=(1,)),
]  # fmt: skip


@pytest.mark.parametrize("case", ABACUS, ids=lambda case: case.name)
def test_abacus_vector(case: Case):
    result = run(case)
    assert result.seats == case.expected
    assert result.unassigned == case.unassigned
    assert sum(result.seats) + result.unassigned == case.seats
    if case.restzetels is not None:
        assert numbers(s.list_index for s in result.steps if s.kind is Kind.RESTZETEL) == (
            case.restzetels
        )
    p9 = [s for s in result.steps if s.kind is Kind.ABSOLUTE_MAJORITY]
    if case.p9 is None:
        assert p9 == []
    else:
        assert [(s.from_index + 1, s.list_index + 1) for s in p9] == [case.p9]
    removed = numbers(s.list_index for s in result.steps if s.kind is Kind.LIST_EXHAUSTION)
    assert removed == case.removed
    assert (WARNING_P9_AND_P10 in result.warnings) == case.p9_and_p10_warning
    assert any("onbezet" in w for w in result.warnings) == bool(case.unassigned)


# --- Lots ---------------------------------------------------------------------------------


def test_lt19_P9_tie_requires_lot_between_lists_that_won_at_the_last_value():
    with pytest.raises(LotRequired) as raised:
        apportion(15, [2552, 511, 511, 511, 509, 509])
    assert raised.value.between == (1, 2, 3)
    assert raised.value.absolute_majority


def test_gte19_P9_tie_requires_lot():
    with pytest.raises(LotRequired) as raised:
        apportion(24, [7501, 1249, 1249, 1249, 1249, 1248, 1248, 8])
    assert raised.value.between == (5, 6)
    assert raised.value.absolute_majority


def test_lt19_zero_remainders_tie_requires_lot():
    with pytest.raises(LotRequired) as raised:
        apportion(15, [540, 160, 160, 80, 80, 80, 55, 45])
    assert raised.value.between == (1, 2, 3, 4, 5)
    assert not raised.value.absolute_majority


def test_lt19_lots_multiple_draws_one_seat_per_draw():
    votes = [500, 140, 140, 140, 140, 140]  # remainders 20, 60, 60, 60, 60, 60; 4 restzetels
    with pytest.raises(LotRequired) as first:
        apportion(15, votes)
    assert first.value.between == (1, 2, 3, 4, 5)
    with pytest.raises(LotRequired) as second:
        apportion(15, votes, lots=[3])
    assert second.value.between == (1, 2, 4, 5)
    result = apportion(15, votes, lots=[3, 1, 4, 5])
    assert result.seats == (6, 2, 1, 2, 2, 2)
    assert [s.by_lot for s in result.steps] == [True, True, True, True]


def test_gte19_lots_multiple_draws():
    votes = [500, 140, 140, 140, 140, 140]  # Abacus: list 1 first, then lots among 2-6
    with pytest.raises(LotRequired) as first:
        apportion(23, votes)
    assert first.value.between == (1, 2, 3, 4, 5)
    with pytest.raises(LotRequired) as second:
        apportion(23, votes, lots=[3])
    assert second.value.between == (1, 2, 4, 5)
    assert apportion(23, votes, lots=[3, 1, 4]).seats == (10, 3, 2, 3, 3, 2)


def test_gte19_one_lot_required():
    with pytest.raises(LotRequired) as raised:
        apportion(24, [500, 140, 140, 140])
    assert raised.value.between == (1, 2, 3)


def test_gte19_integration_lot_before_exhaustion():
    # Lists 1 and 2 tie at 90 for the single restzetel. List 1 has no candidate left, so the
    # outcome is the same either way, but the lot is drawn before P 10 (as Abacus does).
    votes, candidates = [900, 450, 350, 200], [9, 10, 10, 10]
    with pytest.raises(LotRequired) as raised:
        apportion(19, votes, candidates)
    assert raised.value.between == (0, 1)
    assert apportion(19, votes, candidates, lots=[0]).seats == (9, 5, 3, 2)
    assert apportion(19, votes, candidates, lots=[1]).seats == (9, 5, 3, 2)


def test_tie_that_fits_the_seats_left_needs_no_lot():
    # Kiesdeler 100: lists 2, 3 and 4 tie at remainder 80 for exactly three restzetels.
    result = apportion(10, [460, 180, 180, 180])
    assert result.seats == (4, 2, 2, 2)
    assert not any(s.by_lot for s in result.steps)
    assert result.steps[0].tied == (1, 2, 3)


def test_exhausted_lists_are_not_offered_in_a_lot():
    # All remainders are 0. P 10 frees one of list 1's seats; list 1 is then full and is left
    # out of the lot, which is between lists 2 and 3 only.
    votes, candidates = [400, 300, 300], [3, 10, 10]
    with pytest.raises(LotRequired) as raised:
        apportion(10, votes, candidates)
    assert raised.value.between == (1, 2)


def test_a_lot_for_a_list_outside_the_tie_is_rejected():
    with pytest.raises(ValueError, match="geloot tussen de lijsten 2, 3, 4, 5, 6"):
        apportion(15, [540, 160, 160, 80, 80, 80, 55, 45], lots=[0])


def test_more_lots_than_ties_is_rejected():
    with pytest.raises(ValueError, match="loten opgegeven"):
        apportion(15, [480, 160, 160, 160, 80, 80, 80], lots=[1])


def test_lot_for_a_list_that_does_not_exist_is_rejected():
    with pytest.raises(ValueError, match="geen bestaande lijst"):
        apportion(15, [540, 160, 160], lots=[3])


# --- Hand-checked cases per rule ----------------------------------------------------------


def test_kiesdeler_is_an_exact_fraction():
    result = apportion(15, [2571, 977, 567, 536, 453])
    assert result.kiesdeler == Fraction(5104, 15)
    assert result.full_seats == (7, 2, 1, 1, 1)


def test_list_at_exactly_75_percent_of_the_kiesdeler_takes_part():
    # Kiesdeler 100, threshold 75: lists 3 and 4 have exactly 75 and both win a restzetel.
    result = apportion(10, [625, 225, 75, 75])
    assert result.seats == (6, 2, 1, 1)


def test_list_just_below_75_percent_does_not_take_part():
    # List 3 has 74 < 75: its remainder of 74 is passed over for list 1's remainder of 26.
    result = apportion(10, [626, 225, 74, 75])
    assert result.seats == (7, 2, 0, 1)


def test_threshold_is_on_total_votes_not_on_remainder():
    # Kiesdeler 100. List 2 has remainder 0 but 200 votes, so it takes part and wins the
    # second restzetel over lists 3 and 4, whose remainders of 74 come with only 74 votes.
    result = apportion(10, [650, 200, 74, 74, 2])
    restzetels = [s for s in result.steps if s.kind is Kind.RESTZETEL]
    assert [s.round for s in restzetels] == [Round.LARGEST_REMAINDERS] * 2
    assert result.seats == (7, 3, 0, 0, 0)


def test_zero_remainder_can_still_win_a_restzetel():
    result = apportion(15, [480, 240, 240, 55, 50, 45, 45, 45])
    assert [s.value for s in result.steps] == [0, 0, 0]
    assert result.seats[:3] == (7, 4, 4)


def test_at_most_one_largest_remainder_seat_per_list():
    result = apportion(15, [808, 59, 58, 57, 56, 55, 54, 53])
    rounds = [s.round for s in result.steps]
    assert rounds == [Round.LARGEST_REMAINDERS] + [Round.HIGHEST_AVERAGES_ONE_EACH] * 4


def test_absolute_majority_triggers_P9_in_an_odd_council():
    # 51 of 100 votes, 4 of 9 seats: list 1 takes the last restzetel (list 2's).
    result = apportion(9, [51, 29, 20])
    assert result.seats == (5, 2, 2)
    (p9,) = [s for s in result.steps if s.kind is Kind.ABSOLUTE_MAJORITY]
    assert (p9.list_index, p9.from_index) == (0, 1)


def test_exactly_half_of_the_votes_does_not_trigger_P9():
    result = apportion(9, [50, 30, 20])
    assert result.seats == (4, 3, 2)
    assert not any(s.kind is Kind.ABSOLUTE_MAJORITY for s in result.steps)


def test_majority_of_seats_already_means_no_P9():
    result = apportion(9, [60, 25, 15])
    assert result.seats[0] >= 5
    assert not any(s.kind is Kind.ABSOLUTE_MAJORITY for s in result.steps)


def test_P10_removes_restzetels_before_full_seats():
    result = apportion(8, [537, 10, 426], [2, 1, 6])
    removals = [s.full_seat for s in result.steps if s.kind is Kind.LIST_EXHAUSTION]
    assert removals == [False, True, True]


def test_seats_equal_to_candidates_is_not_exhaustion():
    result = apportion(23, [600, 302, 98, 99, 101], [12, 6, 1, 2, 2])
    assert not any(s.kind is Kind.LIST_EXHAUSTION for s in result.steps)
    assert result.warnings == ()


def test_zero_votes_leaves_all_seats_unassigned():
    result = apportion(9, [0, 0])
    assert result.seats == (0, 0)
    assert result.unassigned == 9
    assert result.kiesdeler == 0
    assert WARNING_NO_VOTES in result.warnings


def test_single_list_gets_all_seats():
    assert apportion(9, [1234]).seats == (9,)


def test_gte19_equals_dhondt_example():
    votes = [600, 302, 98, 99, 101]
    assert apportion(23, votes).seats == dhondt(23, votes)


def test_gte19_has_no_threshold():
    # Kiesdeler 1888/19 (about 99.4); the last list has 70 votes, below 75% of it, and with
    # no full seat. Its average of 70 still beats the others' 101/2 for the restzetel.
    votes = [101] * 18 + [70]
    result = apportion(19, votes)
    assert result.seats == (1,) * 19
    assert result.steps[-1].list_index == 18
    assert Fraction(3, 4) * result.kiesdeler > 70


def test_threshold_is_versioned_by_election_date():
    assert restzetel_threshold() == Fraction(3, 4)
    assert restzetel_threshold(date(2026, 3, 18)) == Fraction(3, 4)
    result = apportion(10, [625, 225, 75, 75], election_date=date(2026, 3, 18))
    assert result.seats == (6, 2, 1, 1)


# --- Validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seats", "votes", "candidates", "message"),
    [
        (0, [1, 2], None, "ten minste één zetel"),
        (-3, [1, 2], None, "ten minste één zetel"),
        (9.0, [1, 2], None, "aantal zetels moet een geheel getal"),
        (True, [1, 2], None, "aantal zetels moet een geheel getal"),
        (9, [], None, "niet-lege reeks"),
        (9, "12", None, "niet-lege reeks"),
        (9, [1, -2], None, "lijst 2 is negatief"),
        (9, [1, 2.0], None, "lijst 2 moet een geheel getal"),
        (9, [1, True], None, "lijst 2 moet een geheel getal"),
        (9, [1, 2], [3], "evenveel"),
        (9, [1, 2], [3, -1], "kandidaten van lijst 2 is negatief"),
        (9, [1, 2], [3, "4"], "kandidaten van lijst 2 moet een geheel getal"),
    ],
)
def test_invalid_input_is_rejected_in_dutch(seats, votes, candidates, message):
    with pytest.raises(ValueError, match=message):
        apportion(seats, votes, candidates)


@pytest.mark.parametrize("lot", [1.0, False, -1])
def test_invalid_lot_is_rejected(lot):
    with pytest.raises(ValueError, match="lot|Lot"):
        apportion(9, [1, 2], lots=[lot])


# --- Properties ---------------------------------------------------------------------------


def dhondt(seats: int, votes) -> tuple[int, ...]:
    """Plain D'Hondt over all seats; assumes no tie at the cut-off."""
    quotients = sorted(
        ((Fraction(v, d), i) for i, v in enumerate(votes) if v > 0 for d in range(1, seats + 1)),
        key=lambda q: q[0],
        reverse=True,
    )
    won = [0] * len(votes)
    for _, i in quotients[:seats]:
        won[i] += 1
    return tuple(won)


def dhondt_has_tie_at_cutoff(seats: int, votes) -> bool:
    values = sorted(
        (Fraction(v, d) for v in votes if v > 0 for d in range(1, seats + 1)), reverse=True
    )
    return len(values) > seats and values[seats - 1] == values[seats]


votes_strategy = st.lists(st.integers(min_value=0, max_value=5_000), min_size=1, max_size=8)
council_strategy = st.sampled_from([*range(9, 40, 2), 45])


def apportion_or_skip(*args, **kwargs):
    try:
        return apportion(*args, **kwargs)
    except LotRequired:
        assume(False)
        raise


@settings(max_examples=300, deadline=None)
@given(council_strategy, votes_strategy)
def test_property_all_seats_assigned_without_exhaustion(seats, votes):
    assume(sum(votes) > 0)
    result = apportion_or_skip(seats, votes)
    assert sum(result.seats) == seats
    assert result.unassigned == 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([*range(19, 40, 2), 45]), votes_strategy)
def test_property_gte19_equals_dhondt(seats, votes):
    assume(sum(votes) > 0 and not dhondt_has_tie_at_cutoff(seats, votes))
    assert apportion(seats, votes).seats == dhondt(seats, votes)


@settings(max_examples=300, deadline=None)
@given(council_strategy, votes_strategy)
def test_property_every_list_keeps_its_full_seats(seats, votes):
    assume(sum(votes) > 0)
    result = apportion_or_skip(seats, votes)
    assert all(s >= f for s, f in zip(result.seats, result.full_seats, strict=True))


@settings(max_examples=300, deadline=None)
@given(council_strategy, votes_strategy, st.data())
def test_property_never_more_seats_than_candidates(seats, votes, data):
    candidates = data.draw(st.lists(st.integers(0, 20), min_size=len(votes), max_size=len(votes)))
    result = apportion_or_skip(seats, votes, candidates)
    assert all(s <= c for s, c in zip(result.seats, candidates, strict=True))
    assert sum(result.seats) + result.unassigned == seats
    room = sum(c for c, v in zip(candidates, votes, strict=True) if v > 0)
    assert result.unassigned == (seats - min(seats, room) if sum(votes) else seats)


@settings(max_examples=300, deadline=None)
@given(council_strategy, votes_strategy, st.data())
def test_property_independent_of_list_order(seats, votes, data):
    assume(sum(votes) > 0)
    candidates = data.draw(st.lists(st.integers(0, 20), min_size=len(votes), max_size=len(votes)))
    order = data.draw(st.permutations(range(len(votes))))
    result = apportion_or_skip(seats, votes, candidates)
    shuffled = apportion_or_skip(seats, [votes[i] for i in order], [candidates[i] for i in order])
    assert shuffled.seats == tuple(result.seats[i] for i in order)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(9, 19, 2)), votes_strategy)
def test_property_lt19_at_most_one_remainder_seat_per_list(seats, votes):
    assume(sum(votes) > 0)
    result = apportion_or_skip(seats, votes)
    winners = [
        s.list_index
        for s in result.steps
        if s.kind is Kind.RESTZETEL and s.round is Round.LARGEST_REMAINDERS
    ]
    assert len(winners) == len(set(winners))
