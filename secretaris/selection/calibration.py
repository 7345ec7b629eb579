"""The calibration of one round, as one member may see it (page and JSON from one presenter).

Per candidate three states:

    hidden     the member has not submitted their own scorecard yet (or, not scoring
               themself, not everyone has): only how many cards are in
    anonymous  own card in, others not all: the spread per criterion, scores without names
    named      everyone expected has submitted: who gave which score

The formula's ranking stands beside the committee's own ranking after discussion, and only
once every card of the round is in (a partial ranking would show others' scores).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from secretaris.selection import scoring
from secretaris.selection.board import Board
from secretaris.selection.models import ADVICES, Candidate, Member

HIDDEN, ANONYMOUS, NAMED = "hidden", "anonymous", "named"


@dataclass
class Score:
    value: int
    outlier: bool
    member: str = ""  # empty unless names may be shown


@dataclass
class CriterionRow:
    key: str
    name: str
    weight: int
    scores: list[Score]
    low: int
    high: int
    median: Fraction
    disagreement: bool


@dataclass
class CandidateCalibration:
    candidate: Candidate
    state: str
    submitted: int
    expected: int
    own_submitted: bool
    rows: list[CriterionRow] = field(default_factory=list)
    advices: list[tuple[str, int]] = field(default_factory=list)  # (label, count)
    named_advices: list[tuple[str, str]] = field(default_factory=list)  # (member, label)
    formula: Fraction | None = None
    formula_place: int | None = None
    committee_place: int | None = None

    @property
    def differs(self) -> bool:
        return (
            self.formula_place is not None
            and self.committee_place is not None
            and self.formula_place != self.committee_place
        )


@dataclass
class Calibration:
    round: int
    candidates: list[CandidateCalibration]
    ranking_shown: bool
    uncounted: list[tuple[str, str]] = field(default_factory=list)  # (member, why)


def calibrate(board: Board, member: Member) -> Calibration:
    names = {c.key: c.name for c in board.procedure.competencies()}
    weights = board.procedure.weights()
    ranking_shown = board.may_see_ranking(member)
    visible = board.visible_candidates(member)
    places: dict[Any, int] = {}
    totals: dict[Any, Fraction] = {}
    if ranking_shown:
        all_totals = board.formula_scores()
        totals = {c.pk: all_totals[c.pk] for c in visible if c.pk in all_totals}
        places = scoring.ranking(totals)
    result = []
    for candidate in visible:
        submitted = board.submitted(candidate)
        item = CandidateCalibration(
            candidate=candidate,
            state=HIDDEN,
            submitted=len(submitted),
            expected=len(board.expected(candidate)),
            own_submitted=(member.pk, candidate.pk) in board.cards,
        )
        if board.may_see_scores(member, candidate) and submitted:
            named = board.may_see_names(member, candidate)
            item.state = NAMED if named else ANONYMOUS
            item.rows = [_row(key, names[key], weights[key], submitted, named) for key in names]
            labels = dict(ADVICES)
            counts = Counter(card.advice for _, card in submitted)
            item.advices = [(label, counts[key]) for key, label in ADVICES]
            if named:
                item.named_advices = [(m.name, labels.get(c.advice, "")) for m, c in submitted]
        if ranking_shown:
            item.formula = totals.get(candidate.pk)
            item.formula_place = places.get(candidate.pk)
            item.committee_place = candidate.committee_rank
        result.append(item)
    if ranking_shown:
        result.sort(key=lambda c: (c.formula_place or 99, c.candidate.name))
    uncounted = [(m.name, why) for m, why in board.uncounted()]
    return Calibration(board.round, result, ranking_shown, uncounted)


def _row(key: str, name: str, weight: int, submitted: list, named: bool) -> CriterionRow:
    values = [card.scores[key] for _, card in submitted if key in card.scores]
    spread = scoring.spread(values)
    scores = [
        Score(card.scores[key], spread.is_outlier(card.scores[key]), m.name if named else "")
        for m, card in submitted
        if key in card.scores
    ]
    if not named:  # without names, the order of the members must not leak either
        scores.sort(key=lambda s: s.value)
    return CriterionRow(
        key, name, weight, scores, spread.low, spread.high, spread.median, spread.disagreement
    )


def as_json(calibration: Calibration) -> dict[str, Any]:
    """The same content as the page, for `?format=json` and scripts."""
    return {
        "round": calibration.round,
        "ranking_shown": calibration.ranking_shown,
        "uncounted": [{"member": name, "why": why} for name, why in calibration.uncounted],
        "candidates": [
            {
                "id": str(c.candidate.pk),
                "name": c.candidate.name,
                "state": c.state,
                "submitted": c.submitted,
                "expected": c.expected,
                "criteria": [
                    {
                        "key": row.key,
                        "low": row.low,
                        "high": row.high,
                        "median": float(row.median),
                        "disagreement": row.disagreement,
                        "scores": [
                            {"value": s.value, "outlier": s.outlier, "member": s.member or None}
                            for s in row.scores
                        ],
                    }
                    for row in c.rows
                ],
                "advices": dict(c.advices),
                "by_member": dict(c.named_advices),
                "formula": float(c.formula) if c.formula is not None else None,
                "formula_place": c.formula_place,
                "committee_place": c.committee_place,
            }
            for c in calibration.candidates
        ],
    }
