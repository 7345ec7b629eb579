from fractions import Fraction

import pytest

from secretaris.selection import scoring


def test_the_weighted_mean_counts_each_criterion_by_its_weight():
    assert scoring.weighted_mean({"a": 4, "b": 2}, {"a": 1, "b": 1}) == 3
    assert scoring.weighted_mean({"a": 4, "b": 1}, {"a": 2, "b": 1}) == 3


def test_the_formula_is_the_mean_over_members_exactly():
    cards = [{"a": 5, "b": 4}, {"a": 3, "b": 3}, {"a": 4, "b": 4}]
    assert scoring.formula_score(cards, {"a": 1, "b": 1}) == Fraction(23, 6)


def test_a_score_two_points_from_the_median_is_an_outlier():
    spread = scoring.spread([4, 4, 5, 2])
    assert spread.median == 4 and spread.is_outlier(2) and not spread.is_outlier(5)
    assert spread.low == 2 and spread.high == 5 and spread.disagreement


def test_close_scores_are_no_disagreement():
    assert not scoring.spread([3, 4, 4]).disagreement


def test_equal_totals_share_a_place():
    ranking = scoring.ranking({"a": Fraction(4), "b": Fraction(3), "c": Fraction(3), "d": 2})
    assert ranking == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_no_scores_is_an_error_rather_than_a_zero():
    with pytest.raises(ValueError):
        scoring.formula_score([], {"a": 1})
    with pytest.raises(ValueError):
        scoring.spread([])


def test_the_median_matches_the_statistics_module_for_any_scores():
    import random
    from statistics import median

    rng = random.Random(7)
    for _ in range(500):
        scores = [rng.randint(1, 5) for _ in range(rng.randint(1, 9))]
        assert scoring.spread(scores).median == Fraction(median(scores))
