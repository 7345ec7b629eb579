"""Property tests: two reports of the same secretary read together, and spread.

A person who answers the same in two scans is one unknown in both. So the sums that the
two reports show, mapped to persons, must together single out nobody: every atom of
unknown persons holds at least k, and (exactly, by rank) no combination of the shown sums
of both reports rests on fewer than k unknown persons. Spread adds sums of squares: those
are checked as a second unknown per person, and may never cover a person whose answers are
known (shown by role). Each checker is also shown to catch a deliberately leaky report.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from secretaris.competencies.model import Competency, Indicator
from secretaris.scan.analysis import build_report
from secretaris.scan.report_model import GroupSpec, Report, ReportInput, Response, Spread
from secretaris.scan.tests.test_anonymity_properties import (
    RANK_LIMIT,
    answered_sets,
    atoms,
    isolated,
    known_raters,
)

SETTINGS = settings(max_examples=150, deadline=None)
COMPETENCIES = (
    Competency("c0", "Competentie 0", "", "kern", (Indicator("C0-0", "a"), Indicator("C0-1", "b"))),
)
CODES = ("C0-0", "C0-1")
GROUPS = (
    GroupSpec("zelf", "Zelf", single_person=True, is_self=True),
    GroupSpec("g0", "Groep 0"),
    GroupSpec("g1", "Groep 1"),
    GroupSpec("rol", "Rol", single_person=True),
)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[ReportInput, ReportInput]:
    """Two scans of one secretary over one population with stable answers."""
    k = draw(st.integers(2, 4))
    people = [f"p{n}" for n in range(draw(st.integers(1, 9)))]
    stable = {p: {c: draw(st.integers(1, 5)) for c in CODES} for p in people}

    def scan(tag: str) -> ReportInput:
        responses = []
        role_taken = False
        for person in people:
            where = draw(st.sampled_from(["uit", "g0", "g1", "rol"]))
            if where == "uit" or (where == "rol" and role_taken):
                continue
            role_taken |= where == "rol"
            scores = {c: s for c, s in stable[person].items() if draw(st.booleans()) or c == "C0-0"}
            responses.append(Response(f"{tag}{person}", where, scores, draw(st.booleans()), person))
        return ReportInput(COMPETENCIES, GROUPS, tuple(responses), (), k)

    return scan("a-"), scan("b-")


def person_sets(inp: ReportInput, report: Report) -> dict[str, list[tuple[frozenset[str], bool]]]:
    """Per indicator: the persons behind every shown mean, read back from the labels, and
    whether that mean is a role's (whose answer is then known)."""
    person = {r.rater: r.person for r in inp.responses}
    roles = known_raters(inp, report)
    return {
        i.code: [
            (frozenset(person[r] for r in s), s <= roles) for _, s in answered_sets(inp, report, i)
        ]
        for c in report.competencies
        for i in c.indicators
    }


def pair_problems(reports: list[tuple[ReportInput, Report]], k: int) -> list[str]:
    """What the shown sums of all `reports` read together give away (empty: nothing)."""
    problems = []
    for code in CODES:
        shown = [pair for i, r in reports for pair in person_sets(i, r)[code]]
        known = frozenset().union(*(s for s, is_role in shown if is_role))
        sums = [s - known for s, _ in shown]
        small = [a for a in atoms(sums) if len(a) < k]
        if small:
            problems.append(f"{code}: atoms {small}")
        raters = frozenset().union(*sums)
        if sums and len(raters) <= RANK_LIMIT:
            rows = [{p: Fraction(1) for p in s} for s in sums]
            found = isolated(rows, {p: p for p in raters}, k)
            if found:
                problems.append(f"{code}: a combination rests on {found}")
    return problems


def spread_problems(inp: ReportInput, report: Report) -> list[str]:
    """Spread only over >= k unknown raters, equal to its set's variance, and together with
    the means (x) and sums of squares (y) singling out nobody."""
    known = known_raters(inp, report)
    scores = {r.rater: r.scores for r in inp.responses}
    problems: list[str] = []
    for competency in report.competencies:
        for result in competency.indicators:
            rows: list[dict[tuple[str, str], Fraction]] = []
            for figure, scored in answered_sets(inp, report, result):
                rows.append({(r, "x"): Fraction(1) for r in scored - known})
                if figure.spread is None:
                    continue
                values = [scores[r][result.code] for r in scored]
                mean = Fraction(sum(values), len(values))
                variance = sum((v - mean) ** 2 for v in values) / len(values)
                if figure.spread.variance != variance:
                    problems.append(f"{result.code}: spread is not its set's variance")
                if scored & known or len(scored) < inp.k:
                    problems.append(f"{result.code}: spread over {sorted(scored)} with {known}")
                rows.append({(r, "y"): Fraction(1) for r in scored - known})
            owner = {cell: cell[0] for row in rows for cell in row}
            if len(set(owner.values())) <= RANK_LIMIT and isolated(rows, owner, inp.k):
                problems.append(f"{result.code}: means and squares single someone out")
    return problems


def frozen_pair(first: ReportInput, second: ReportInput) -> tuple[Report, Report]:
    report_a = build_report(first)
    report_b = build_report(dataclasses.replace(second, earlier=(report_a.shown,)))
    return report_a, report_b


# --- The properties --------------------------------------------------------------------------


@SETTINGS
@given(pairs())
def test_two_reports_read_together_single_out_fewer_than_k_nobody(
    pair: tuple[ReportInput, ReportInput],
) -> None:
    first, second = pair
    report_a, report_b = frozen_pair(first, second)
    assert pair_problems([(first, report_a), (second, report_b)], first.k) == []


@SETTINGS
@given(pairs())
def test_spread_is_over_unknown_raters_only_and_adds_no_leak(
    pair: tuple[ReportInput, ReportInput],
) -> None:
    for inp, report in zip(pair, frozen_pair(*pair), strict=True):
        assert spread_problems(inp, report) == []


# --- The checkers catch leaky reports --------------------------------------------------------


def wethouders(tag: str, people: list[str], role: bool = False) -> ReportInput:
    responses = [
        Response(f"{tag}{p}", "g0", {c: 1 + n for c in CODES}, False, p)
        for n, p in enumerate(people)
    ]
    if role:
        responses.append(Response(f"{tag}bm", "rol", {c: 5 for c in CODES}, True, "bm"))
    return ReportInput(COMPETENCIES, GROUPS, tuple(responses), (), 3)


def test_the_pair_checker_catches_a_second_report_frozen_without_the_first() -> None:
    first, second = wethouders("a-", ["r0", "r1", "r2", "r3"]), wethouders("b-", ["r0", "r1", "r2"])
    leaky = [(first, build_report(first)), (second, build_report(second))]
    assert pair_problems(leaky, 3)
    safe = list(zip((first, second), frozen_pair(first, second), strict=True))
    assert pair_problems(safe, 3) == []


def test_the_spread_checker_catches_spread_over_a_set_with_a_role() -> None:
    inp = wethouders("a-", ["r0", "r1", "r2"], role=True)
    report = build_report(inp)
    assert spread_problems(inp, report) == []
    others = report.competencies[0].indicators[0].others
    values = [1, 2, 3, 5]
    mean = Fraction(sum(values), 4)
    leak = Spread(sum((v - mean) ** 2 for v in values) / 4, Fraction(1))
    leaky_indicator = dataclasses.replace(
        report.competencies[0].indicators[0], others=dataclasses.replace(others, spread=leak)
    )
    competency = dataclasses.replace(
        report.competencies[0],
        indicators=(leaky_indicator, *report.competencies[0].indicators[1:]),
    )
    leaky = dataclasses.replace(report, competencies=(competency,))
    assert spread_problems(inp, leaky)
