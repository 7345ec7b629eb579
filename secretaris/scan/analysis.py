"""The scan report: self versus others per competency and indicator, exact, and anonymous.

Pure functions over int and Fraction, no Django. `build_report` turns the finished answers
of one scan into a `Report` holding only what may be shown; anonymity.py decides what that
is. Definitions (also in docs/anonymity.md):

- An indicator figure is the mean score (1-5) of one shown set of raters who scored it;
  "kan ik niet beoordelen" and open answers count in `not_assessable`, never in a mean.
- A competency figure is the unweighted mean of the same set's *shown* indicator means, so
  it is a function of figures already on the page and reveals nothing they do not; it is
  shown when those cover at least MIN_COVERAGE (half) of the competency's indicators.
- Spread (of "Alle anderen" only): population variance of the scores, and agreement, the
  share of scores within AGREEMENT_MARGIN of the mean. At competency level both are pooled
  over the shown indicators, each score measured from its own indicator's mean.
- Gap: self minus others. A blind spot has gap >= CLEAR_GAP, a hidden strength
  gap <= -CLEAR_GAP, for a competency (mean of its indicator gaps) and for an indicator,
  where "gap" is the value as printed in the report (one decimal, `displayed`), so the
  rule and the page never disagree.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping, Sequence
from fractions import Fraction

from secretaris.competencies.model import Competency, Indicator
from secretaris.scan.anonymity import (
    EARLIER,
    TOO_FEW,
    GroupPlan,
    RaterSet,
    against_earlier,
    comment_labels,
    disclose,
    plan_groups,
    small_atoms,
)
from secretaris.scan.report_model import (
    OTHERS_LABEL,
    SELF_LABEL,
    CommentKind,
    CompetencyResult,
    Earlier,
    Figure,
    Finding,
    IndicatorResult,
    RankedIndicator,
    Report,
    ReportInput,
    ShownComment,
    ShownGroup,
    Spread,
    check_input,
    displayed,
)

CLEAR_GAP = Fraction(1)  # "clearly" above or below: one full point on the 1-5 scale
AGREEMENT_MARGIN = Fraction(1)  # agreement: scores within one point of the mean
EXTREMES = 3  # highest and lowest indicators listed
MIN_COVERAGE = Fraction(1, 2)  # a competency figure needs means on half of its indicators

Scores = Mapping[str, Mapping[str, int]]  # rater -> indicator code -> score (1..5)


def build_report(inp: ReportInput) -> Report:
    """The report of one closed scan. Deterministic: the same input gives the same report."""
    check_input(inp)
    plan = plan_groups(inp.groups, inp.responses, inp.k)
    scores = {r.rater: {c: s for c, s in r.scores.items() if s is not None} for r in inp.responses}
    self_rater = _self_rater(inp)
    own = scores.get(self_rater, {}) if self_rater else {}
    context = _Context(inp, plan, scores, own)
    competencies = tuple(_competency_result(c, context, self_rater) for c in inp.competencies)
    highest, lowest = _extremes(competencies)
    blind_spots, hidden_strengths = _findings(competencies)
    return Report(
        k=inp.k,
        clear_gap=CLEAR_GAP,
        agreement_margin=AGREEMENT_MARGIN,
        groups_shown=_groups_shown(plan, self_rater),
        competencies=competencies,
        highest=highest,
        lowest=lowest,
        blind_spots=blind_spots,
        hidden_strengths=hidden_strengths,
        notes=_notes(plan, competencies, inp.k),
        shown=Earlier(context.sums, context.persons(plan.known), context.persons(plan.others)),
    )


class _Context:
    """What every indicator of one report needs: the plan, the scores, and the persons
    (the same key across scans) with what earlier reports showed of them."""

    def __init__(self, inp: ReportInput, plan: GroupPlan, scores: Scores, own: Mapping[str, int]):
        self.inp, self.plan, self.scores, self.own = inp, plan, scores, own
        self.person = {r.rater: r.person or r.rater for r in inp.responses}
        self.known_before = frozenset().union(*(e.known for e in inp.earlier))
        self.known = self.known_before | frozenset(self.person[r] for r in plan.known)
        self.sums: dict[str, tuple[frozenset[str], ...]] = {}

    def persons(self, raters: frozenset[str]) -> frozenset[str]:
        return frozenset(self.person[r] for r in raters)

    def earlier(self, code: str) -> list[frozenset[str]]:
        return [s for e in self.inp.earlier for s in e.sums.get(code, ())]


def _self_rater(inp: ReportInput) -> str | None:
    self_keys = {g.key for g in inp.groups if g.is_self}
    return next((r.rater for r in inp.responses if r.group in self_keys), None)


def _groups_shown(plan: GroupPlan, self_rater: str | None) -> tuple[ShownGroup, ...]:
    own = (ShownGroup(SELF_LABEL, 1),) if self_rater else ()
    return own + tuple(ShownGroup(s.label, len(s.raters)) for s in plan.shown)


# --- Indicators ------------------------------------------------------------------------------


def _indicator_result(indicator: Indicator, context: _Context) -> IndicatorResult:
    code, plan, scores, k = indicator.code, context.plan, context.scores, context.inp.k
    scored = frozenset(r for r in plan.others if code in scores[r])
    blocks = [s.restricted(scored) for s in plan.shown]
    decision = disclose(blocks, k)
    _check_safe(blocks, decision.blocks, decision.total, plan.known, k)
    reasons, total = list(decision.blocks), decision.total
    # Rule 3: hide more where this report and an earlier one, read together, would tell.
    figures = [i for i, r in enumerate(reasons) if r is None] + ([-1] if total is None else [])
    sums = [context.persons(scored if i < 0 else blocks[i].raters) for i in figures]
    roles = frozenset(n for n, i in enumerate(figures) if i >= 0 and blocks[i].by_role)
    for n in against_earlier(sums, context.earlier(code), context.known_before, k, roles):
        if figures[n] < 0:
            total = EARLIER
        else:
            reasons[figures[n]] = EARLIER
    context.sums[code] = tuple(
        s for i, s in zip(figures, sums, strict=True) if (total if i < 0 else reasons[i]) is None
    )
    groups = tuple(
        _figure(s.label, s.raters, b.raters, code, scores, reason)
        for s, b, reason in zip(plan.shown, blocks, reasons, strict=True)
    )
    # Spread only over unknown raters: with a role (known) inside, mean and spread minus
    # the role's answer would give the others' sum of squares, and so their scores.
    spread = not (context.persons(scored) & context.known)
    others = _figure(OTHERS_LABEL, plan.others, scored, code, scores, total, spread=spread)
    return IndicatorResult(code, indicator.text, context.own.get(code), others, groups)


def _check_safe(
    blocks: Sequence[RaterSet],
    reasons: Sequence[str | None],
    total: str | None,
    known: frozenset[str],
    k: int,
) -> None:
    """Defence in depth: refuse to build a report whose shown sets break the atom rule."""
    sets = [b.raters for b, reason in zip(blocks, reasons, strict=True) if reason is None]
    if total is None:
        sets.append(frozenset().union(*(b.raters for b in blocks)))
    if small_atoms(sets, known, k):
        raise RuntimeError(
            "Interne fout: de gekozen cijfers zouden een beoordelaar herleidbaar maken."
        )


def _figure(
    label: str,
    members: frozenset[str],
    scored: frozenset[str],
    code: str,
    scores: Scores,
    reason: str | None,
    spread: bool = False,
) -> Figure:
    n, absent = len(scored), len(members) - len(scored)
    if reason is not None:
        return Figure(label, n, absent, None, reason)
    values = [scores[r][code] for r in sorted(scored)]
    mean = Fraction(sum(values), n)
    return Figure(label, n, absent, mean, None, _spread(values, mean) if spread else None)


def _spread(values: Sequence[int], mean: Fraction) -> Spread:
    variance = Fraction(sum((v - mean) ** 2 for v in values), len(values))
    within = sum(1 for v in values if abs(v - mean) <= AGREEMENT_MARGIN)
    return Spread(variance, Fraction(within, len(values)))


# --- Competencies ----------------------------------------------------------------------------


def _competency_result(
    competency: Competency, context: _Context, self_rater: str | None
) -> CompetencyResult:
    plan, scores, inp = context.plan, context.scores, context.inp
    items = tuple(_indicator_result(i, context) for i in competency.indicators)
    others = _competency_figure(OTHERS_LABEL, plan.others, [i.others for i in items], items, scores)
    groups = tuple(
        _competency_figure(s.label, s.raters, [i.groups[n] for i in items], items, scores)
        for n, s in enumerate(plan.shown)
    )
    own_scores = [i.self_score for i in items if i.self_score is not None]
    gaps = [i.gap for i in items if i.gap is not None]
    return CompetencyResult(
        key=competency.key,
        name=competency.name,
        self_score=Fraction(sum(own_scores), len(own_scores)) if own_scores else None,
        others=others,
        groups=groups,
        gap=sum(gaps, Fraction(0)) / len(gaps) if gaps and others.mean is not None else None,
        indicators=items,
        feedback=_comments(inp, competency.key, "feedback", plan, self_rater),
        feedforward=_comments(inp, competency.key, "feedforward", plan, self_rater),
    )


def _competency_figure(
    label: str,
    members: frozenset[str],
    figures: Sequence[Figure],
    items: Sequence[IndicatorResult],
    scores: Scores,
) -> Figure:
    """Mean of one set's shown indicator means; n counts its raters behind those means.

    Shown only when those means cover at least MIN_COVERAGE of the competency's indicators,
    so that a competency figure does not rest on one stray indicator.
    """
    used = [(f, i.code) for f, i in zip(figures, items, strict=True) if f.mean is not None]
    codes = {code for _, code in used}
    n = sum(1 for r in members if codes & scores[r].keys())
    absent = len(members) - n
    if not used or len(used) < MIN_COVERAGE * len(items):
        return Figure(label, n, absent, None, TOO_FEW, indicators=len(used))
    means = [f.mean for f, _ in used if f.mean is not None]
    mean = sum(means, Fraction(0)) / len(means)
    spreads = [(f.n, f.spread) for f, _ in used if f.spread is not None]
    return Figure(label, n, absent, mean, None, _pooled(spreads), indicators=len(used))


def _pooled(spreads: Sequence[tuple[int, Spread]]) -> Spread | None:
    """Spread over all answers of several indicators, each from its own indicator's mean."""
    answers = sum(count for count, _ in spreads)
    if not answers:
        return None
    return Spread(
        sum((count * s.variance for count, s in spreads), Fraction(0)) / answers,
        sum((count * s.agreement for count, s in spreads), Fraction(0)) / answers,
    )


# --- Comments --------------------------------------------------------------------------------


def _comments(
    inp: ReportInput,
    competency: str,
    kind: CommentKind,
    plan: GroupPlan,
    self_rater: str | None,
) -> tuple[ShownComment, ...]:
    """Text and, for groups shown on their own, the group; in a seeded random order.

    The order depends only on the texts, their labels and the seed, never on who wrote what
    or when: the comments are sorted first, then shuffled.
    """
    labels: dict[str, str | None] = dict(comment_labels(plan))
    if self_rater:
        labels[self_rater] = SELF_LABEL
    shown = sorted(
        (c.text.strip(), labels[c.rater] or "")
        for c in inp.comments
        if c.competency == competency and c.kind == kind and c.rater in labels and c.text.strip()
    )
    _rng(inp.seed, competency, kind).shuffle(shown)
    return tuple(ShownComment(text, label or None) for text, label in shown)


def _rng(seed: int, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((str(seed), *parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# --- Highlights ------------------------------------------------------------------------------


def _extremes(
    competencies: Sequence[CompetencyResult],
) -> tuple[tuple[RankedIndicator, ...], tuple[RankedIndicator, ...]]:
    """The highest and lowest indicators by the others' mean, EXTREMES each at most.

    Each list takes at most half of the ranked indicators, and none is in both; ties keep
    the order of the competency model.
    """
    ranked = [
        RankedIndicator(c.key, i.code, i.text, i.others.mean)
        for c in competencies
        for i in c.indicators
        if i.others.mean is not None
    ]
    count = min(EXTREMES, len(ranked) // 2)
    highest = sorted(ranked, key=lambda r: -r.others)[:count]
    rest = [r for r in ranked if r not in highest]
    return tuple(highest), tuple(sorted(rest, key=lambda r: r.others)[:count])


def _findings(
    competencies: Sequence[CompetencyResult],
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Blind spots (printed gap >= CLEAR_GAP) and hidden strengths (<= -CLEAR_GAP)."""
    found: list[Finding] = []
    for c in competencies:
        if c.gap is not None and c.self_score is not None and c.others.mean is not None:
            found.append(
                Finding("competency", c.key, None, c.name, c.self_score, c.others.mean, c.gap)
            )
        for i in c.indicators:
            if i.gap is not None and i.self_score is not None and i.others.mean is not None:
                own = Fraction(i.self_score)
                found.append(Finding("indicator", c.key, i.code, i.text, own, i.others.mean, i.gap))
    blind = tuple(f for f in found if displayed(f.gap) >= CLEAR_GAP)
    hidden = tuple(f for f in found if displayed(f.gap) <= -CLEAR_GAP)
    return blind, hidden


def _notes(plan: GroupPlan, competencies: Sequence[CompetencyResult], k: int) -> tuple[str, ...]:
    notes = []
    if any(s.kind == "overige" for s in plan.shown):
        notes.append(
            f"Groepen met minder dan {k} beoordelaars zijn samengevoegd tot 'Overige beoordelaars'."
        )
    if plan.left_out:
        notes.append(
            f"Groepen met minder dan {k} beoordelaars die samen ook minder dan {k} "
            "beoordelaars tellen, zijn weggelaten: hun scores en toelichtingen staan niet in "
            "dit rapport."
        )
    figures = [f for c in competencies for i in c.indicators for f in (i.others, *i.groups)]
    if any(f.suppressed == EARLIER for f in figures):
        notes.append(
            "Sommige cijfers zijn verborgen omdat ze, samen met het rapport van een eerdere "
            "scan, de antwoorden van te weinig mensen zouden laten zien."
        )
    if any(f.suppressed not in (None, TOO_FEW) for f in figures):
        notes.append(
            "Sommige cijfers zijn verborgen, zodat ze niet uit andere cijfers terug te "
            "rekenen zijn."
        )
    return tuple(notes)
