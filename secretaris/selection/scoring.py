"""Combining scorecards: pure, exact functions (Fractions), no Django.

A scorecard gives every criterion a score from 1 to 5. The formula is the weighted mean
of those scores (weights are whole numbers, equal unless the procedure sets them); a
candidate's formula score is the mean over the committee members who scored them.

Disagreement is shown, not averaged away: per criterion the lowest and highest score and
the range; a score is an outlier when it lies 2 or more points from the median of the
scores for that criterion (on a 1–5 scale, 2 points is the difference between "voldoende"
and "zwak" or "sterk").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

SCALE = (1, 2, 3, 4, 5)
OUTLIER_DISTANCE = 2
DISAGREEMENT_RANGE = 2


def weighted_mean(scores: Mapping[str, int], weights: Mapping[str, int]) -> Fraction:
    """The weighted mean of one scorecard: sum(weight × score) / sum(weight)."""
    total = sum(weights[key] for key in scores)
    if not scores or total == 0:
        raise ValueError("Een scorekaart zonder scores of gewichten heeft geen uitkomst.")
    return Fraction(sum(weights[key] * score for key, score in scores.items()), total)


@dataclass(frozen=True)
class Spread:
    """The submitted scores for one criterion of one candidate."""

    scores: tuple[int, ...]

    @property
    def low(self) -> int:
        return min(self.scores)

    @property
    def high(self) -> int:
        return max(self.scores)

    @property
    def range(self) -> int:
        return self.high - self.low

    @cached_property
    def twice_median(self) -> int:
        """2 × the median, a whole number for whole scores (exact without Fractions)."""
        n, s = len(self.scores), self.scores
        return 2 * s[n // 2] if n % 2 else s[n // 2 - 1] + s[n // 2]

    @property
    def median(self) -> Fraction:
        return Fraction(self.twice_median, 2)

    @property
    def disagreement(self) -> bool:
        return self.range >= DISAGREEMENT_RANGE

    def is_outlier(self, score: int) -> bool:
        return abs(2 * score - self.twice_median) >= 2 * OUTLIER_DISTANCE


def spread(scores: Sequence[int]) -> Spread:
    if not scores:
        raise ValueError("Zonder scores is er geen spreiding.")
    return Spread(tuple(sorted(scores)))


def formula_score(cards: Sequence[Mapping[str, int]], weights: Mapping[str, int]) -> Fraction:
    """The mean of the weighted means of the members' scorecards for one candidate."""
    if not cards:
        raise ValueError("Zonder scorekaarten is er geen uitkomst.")
    return sum((weighted_mean(card, weights) for card in cards), Fraction(0)) / len(cards)


def ranking(totals: Mapping[str, Fraction]) -> dict[str, int]:
    """Places from 1, highest total first; equal totals share a place (1, 2, 2, 4)."""
    ordered = sorted(totals.values(), reverse=True)
    return {key: ordered.index(total) + 1 for key, total in totals.items()}
