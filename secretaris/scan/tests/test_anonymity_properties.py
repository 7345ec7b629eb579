"""Property tests over random scans: no shown number singles out fewer than k raters.

Every figure in a report is read back as a linear functional over the raters' answers: a
mean with its n is the sum over a set of raters, a count ("n", "kan ik niet beoordelen") is
the size of a set. The sets are derived here from the input and the report's labels alone,
not from the code under test. Then, with exact rational Gaussian elimination, no vector in
the row space of those functionals may be supported on 1..k-1 raters whose answers are not
known otherwise (raters shown by role are known; the secretary is not among the others).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import combinations
from random import Random
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from secretaris.competencies.model import Competency, Indicator
from secretaris.scan.analysis import build_report
from secretaris.scan.report_model import (
    Comment,
    CommentKind,
    CompetencyResult,
    Figure,
    GroupSpec,
    IndicatorResult,
    Report,
    ReportInput,
    Response,
)

Cell = TypeVar("Cell", bound=Hashable)

RANK_LIMIT = 12  # the exhaustive rank check runs when at most this many unknown raters
MISSING = "missing"
SCORES = st.sampled_from([MISSING, None, 1, 2, 3, 4, 5])
KIND_VALUES: tuple[CommentKind, ...] = ("feedback", "feedforward")
KINDS = st.sampled_from(KIND_VALUES)
SETTINGS = settings(max_examples=250, deadline=None)


@st.composite
def scans(draw: st.DrawFn) -> ReportInput:
    k = draw(st.integers(2, 4))
    competencies = tuple(
        Competency(
            f"c{c}",
            f"Competentie {c}",
            "",
            "kern",
            tuple(
                Indicator(f"C{c}-{i}", f"Indicator {c}.{i}") for i in range(draw(st.integers(1, 3)))
            ),
        )
        for c in range(draw(st.integers(1, 2)))
    )
    codes = [i.code for c in competencies for i in c.indicators]
    groups = [GroupSpec("zelf", "Zelf", single_person=True, is_self=True)]
    sizes = [1 if draw(st.booleans()) else 0]
    for g in range(draw(st.integers(1, 4))):
        single = draw(st.booleans())
        groups.append(GroupSpec(f"g{g}", f"{'Rol' if single else 'Groep'} {g}", single))
        sizes.append(draw(st.integers(0, 2 if single else 8)))
    responses, comments = [], []
    for group, size in zip(groups, sizes, strict=True):
        for n in range(size):
            rater = f"{group.key}-{n}"
            drawn = {code: draw(SCORES) for code in codes}
            scores = {c: s for c, s in drawn.items() if s is None or isinstance(s, int)}
            responses.append(Response(rater, group.key, scores, draw(st.booleans())))
            for c in draw(st.lists(st.sampled_from(competencies), max_size=2)):
                comments.append(Comment(rater, group.key, c.key, draw(KINDS), f"tekst {rater}"))
    seed = draw(st.integers(0, 2**32))
    return ReportInput(competencies, tuple(groups), tuple(responses), tuple(comments), k, seed)


# --- Reading the report back as sets of raters -----------------------------------------------


def members(inp: ReportInput, group: GroupSpec) -> frozenset[str]:
    return frozenset(r.rater for r in inp.responses if r.group == group.key)


def shown_sets(inp: ReportInput, report: Report) -> dict[str, frozenset[str]]:
    """Label -> raters, for every label the report uses, from the input and the labels."""
    names = {g.name for g in report.groups_shown}
    others = [g for g in inp.groups if not g.is_self]
    sets = {g.name: members(inp, g) for g in others if g.name in names}
    if "Overige beoordelaars" in names:
        rest = [members(inp, g) for g in others if g.name not in names]
        sets["Overige beoordelaars"] = frozenset().union(*rest)
    sets["Alle anderen"] = frozenset().union(*sets.values())
    return sets


def known_raters(inp: ReportInput, report: Report) -> frozenset[str]:
    """Raters shown by role: a one-person group of one rater who consented, shown by name."""
    names = {g.name for g in report.groups_shown}
    known = set()
    for group in inp.groups:
        raters = [r for r in inp.responses if r.group == group.key]
        alone = len(raters) == 1 and raters[0].show_by_role
        if group.single_person and not group.is_self and group.name in names and alone:
            known.add(raters[0].rater)
    return frozenset(known)


def scores_of(inp: ReportInput) -> dict[str, dict[str, int]]:
    return {r.rater: {c: s for c, s in r.scores.items() if s is not None} for r in inp.responses}


# --- Exact linear algebra --------------------------------------------------------------------


def rank(rows: Sequence[Sequence[Fraction]]) -> int:
    matrix = [list(row) for row in rows if any(row)]
    found = 0
    for col in range(len(matrix[0]) if matrix else 0):
        pivot = next((i for i in range(found, len(matrix)) if matrix[i][col]), None)
        if pivot is None:
            continue
        matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
        for i in range(len(matrix)):
            if i != found and matrix[i][col]:
                factor = matrix[i][col] / matrix[found][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[found], strict=True)]
        found += 1
    return found


def isolated(
    rows: Sequence[Mapping[Cell, Fraction]], owner: Mapping[Cell, str], k: int
) -> set[str] | None:
    """A set of fewer than k raters some combination of `rows` is supported on, or None.

    Columns are cells (a rater, or a rater's answer to one indicator) owned by a rater. A
    vector y·R is supported within S exactly when rank(R without S's columns) < rank(R).
    Checking every S of size k-1 covers the smaller ones.
    """
    columns = sorted(owner, key=str)
    matrix = [[row.get(c, Fraction(0)) for c in columns] for row in rows]
    full = rank(matrix)
    raters = sorted(set(owner.values()))
    for subset in combinations(raters, min(k - 1, len(raters))):
        keep = [j for j, c in enumerate(columns) if owner[c] not in subset]
        if rank([[row[j] for j in keep] for row in matrix]) < full:
            return set(subset)
    return None


def atoms(sets: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    listed = list(sets)
    cells: dict[tuple[bool, ...], set[str]] = {}
    for rater in frozenset().union(*listed):
        cells.setdefault(tuple(rater in s for s in listed), set()).add(rater)
    return [frozenset(cell) for cell in cells.values()]


def assert_sets_isolate_nobody(sets: list[frozenset[str]], known: frozenset[str], k: int) -> None:
    unknown = [s - known for s in sets]
    assert all(len(a) >= k for a in atoms(unknown)), unknown
    raters = frozenset().union(*unknown)
    if len(raters) <= RANK_LIMIT:
        rows = [{r: Fraction(1) for r in s} for s in unknown]
        assert isolated(rows, {r: r for r in raters}, k) is None, unknown


# --- Figures against their sets --------------------------------------------------------------


def answered_sets(
    inp: ReportInput, report: Report, result: IndicatorResult
) -> list[tuple[Figure, frozenset[str]]]:
    """Every figure of one indicator with the raters behind it, checked for consistency."""
    sets, scores = shown_sets(inp, report), scores_of(inp)
    pairs = []
    for figure in (result.others, *result.groups):
        everyone = sets[figure.label]
        scored = frozenset(r for r in everyone if result.code in scores[r])
        assert (figure.n, figure.not_assessable) == (len(scored), len(everyone) - len(scored))
        if figure.mean is None:
            assert figure.suppressed
        else:
            assert figure.mean == Fraction(sum(scores[r][result.code] for r in scored), len(scored))
            pairs.append((figure, scored))
    return pairs


def competency_rows(
    inp: ReportInput, report: Report, competency: CompetencyResult, known: frozenset[str]
) -> list[dict[tuple[str, str], Fraction]]:
    """Cell rows ((rater, code) -> weight) for every shown figure of one competency."""
    rows: list[dict[tuple[str, str], Fraction]] = []
    per_label: dict[str, list[tuple[Figure, str, frozenset[str]]]] = {}
    for result in competency.indicators:
        for figure, scored in answered_sets(inp, report, result):
            rows.append({(r, result.code): Fraction(1) for r in scored - known})
            per_label.setdefault(figure.label, []).append((figure, result.code, scored))
    sets, scores = shown_sets(inp, report), scores_of(inp)
    for figure in (competency.others, *competency.groups):
        used = per_label.get(figure.label, [])
        assert figure.indicators == len(used)
        codes = {code for _, code, _ in used}
        assert figure.n == sum(1 for r in sets[figure.label] if codes & scores[r].keys())
        if figure.mean is None:
            continue
        # the competency mean is the mean of the shown indicator means, nothing else
        means = [f.mean for f, _, _ in used if f.mean is not None]
        assert figure.mean == sum(means, Fraction(0)) / len(used)
        weight = Fraction(1, len(used))
        rows.append({(r, code): weight / len(s) for _, code, s in used for r in s - known})
    return rows


# --- The properties --------------------------------------------------------------------------


@SETTINGS
@given(scans())
def test_no_group_below_k_is_shown_unless_self_or_a_consented_role(inp: ReportInput) -> None:
    report = build_report(inp)
    sets, known = shown_sets(inp, report), known_raters(inp, report)
    for group in report.groups_shown:
        if group.name == "Zelf":
            assert group.n == 1
            continue
        assert group.n == len(sets[group.name])
        assert group.n >= inp.k or sets[group.name] <= known


@SETTINGS
@given(scans())
def test_no_indicator_figure_singles_out_fewer_than_k_raters(inp: ReportInput) -> None:
    report = build_report(inp)
    sets, known = shown_sets(inp, report), known_raters(inp, report)
    for competency in report.competencies:
        for result in competency.indicators:
            sums = [scored for _, scored in answered_sets(inp, report, result)]
            assert_sets_isolate_nobody(sums, known, inp.k)
            counts = [sets[f.label] for f in (result.others, *result.groups)]
            assert_sets_isolate_nobody(counts, known, inp.k)


@SETTINGS
@given(scans())
def test_no_competency_figure_singles_out_fewer_than_k_raters(inp: ReportInput) -> None:
    report = build_report(inp)
    known = known_raters(inp, report)
    for competency in report.competencies:
        rows = competency_rows(inp, report, competency, known)
        owner = {cell: cell[0] for row in rows for cell in row}
        if len(set(owner.values())) <= RANK_LIMIT:
            assert isolated(rows, owner, inp.k) is None


@SETTINGS
@given(scans())
def test_comments_are_labelled_only_for_groups_shown_on_their_own(inp: ReportInput) -> None:
    report = build_report(inp)
    sets = shown_sets(inp, report)
    by_key = {g.key: g for g in inp.groups}
    expected: Counter[tuple[str, str, str, str | None]] = Counter()
    for c in inp.comments:
        name = by_key[c.group].name
        if by_key[c.group].is_self:
            expected[(c.competency, c.kind, c.text, "Zelf")] += 1
        elif name in sets:
            expected[(c.competency, c.kind, c.text, name)] += 1
        elif c.rater in sets.get("Overige beoordelaars", ()):
            expected[(c.competency, c.kind, c.text, None)] += 1
    shown = Counter(
        (comp.key, kind, comment.text, comment.group)
        for comp in report.competencies
        for kind, comments in (("feedback", comp.feedback), ("feedforward", comp.feedforward))
        for comment in comments
    )
    assert shown == expected
    if any(label is None for *_, label in shown):
        assert len(sets["Overige beoordelaars"]) >= inp.k


@SETTINGS
@given(scans(), st.randoms())
def test_the_report_depends_on_the_input_not_its_order(inp: ReportInput, rng: Random) -> None:
    responses, comments = list(inp.responses), list(inp.comments)
    rng.shuffle(responses)
    rng.shuffle(comments)
    shuffled = ReportInput(
        inp.competencies, inp.groups, tuple(responses), tuple(comments), inp.k, inp.seed
    )
    assert build_report(inp) == build_report(inp) == build_report(shuffled)
    assert build_report(inp).as_json() == build_report(shuffled).as_json()


# --- The checker itself catches leaks --------------------------------------------------------


def test_the_checker_finds_the_issues_subtraction_leak() -> None:
    everyone, group_a = frozenset("abcdef"), frozenset("abcde")
    rows = [{r: Fraction(1) for r in s} for s in (everyone, group_a)]
    assert isolated(rows, {r: r for r in everyone}, k=3) is not None
    assert any(len(a) < 3 for a in atoms([everyone, group_a]))


def test_the_checker_accepts_sets_whose_atoms_reach_k() -> None:
    everyone, group_a = frozenset("abcdefg"), frozenset("abcd")
    rows = [{r: Fraction(1) for r in s} for s in (everyone, group_a)]
    assert isolated(rows, {r: r for r in everyone}, k=3) is None


def test_the_checker_sees_a_leak_across_indicators_with_weights() -> None:
    # Mixing one rater's answers to two indicators, as a mean of per-rater averages would,
    # can single out raters even where each indicator's sets look fine on their own.
    rows = [
        {("a", 1): Fraction(1), ("b", 1): Fraction(1), ("c", 1): Fraction(1)},
        {("a", 1): Fraction(1, 2), ("a", 2): Fraction(1, 2), ("b", 1): Fraction(1)},
        {("a", 2): Fraction(1)},
    ]
    owner = {cell: cell[0] for row in rows for cell in row}
    assert isolated(rows, owner, k=3) is not None
