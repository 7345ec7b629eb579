"""What goes into a scan report and what comes out: plain frozen dataclasses, no Django.

`ReportInput` is the finished answers of one scan; `Report` (built by
`analysis.build_report`) holds only what may be shown. Every figure is exact (`Fraction`);
`Report.as_json` is the one place where numbers are rounded: to two decimals, half away from
zero. docs/anonymity.md explains what may be shown and why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Literal

from secretaris.competencies.model import Competency

CommentKind = Literal["feedback", "feedforward"]
Level = Literal["competency", "indicator"]

DECIMALS = 2  # places of every rounded number in as_json
SELF_LABEL = "Zelf"
OTHERS_LABEL = "Alle anderen"
OVERIGE_LABEL = "Overige beoordelaars"
RESERVED_NAMES = frozenset({SELF_LABEL, OTHERS_LABEL, OVERIGE_LABEL})  # no group may take these

# --- Input -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSpec:
    """A rater group of the scan, e.g. GroupSpec("griffier", "Griffier", single_person=True)."""

    key: str
    name: str
    single_person: bool = False
    is_self: bool = False


@dataclass(frozen=True)
class Response:
    """The answers of one finished rater.

    `scores` maps indicator codes to 1..5, or to None for "kan ik niet beoordelen"; a code
    that is absent counts the same as None. `show_by_role` is the consent of the rater of a
    one-person group (burgemeester, griffier) to be shown by role; the default is merged.
    """

    rater: str  # opaque id; never appears in the report
    group: str  # GroupSpec.key
    scores: Mapping[str, int | None]
    show_by_role: bool = False
    person: str = ""  # the same person in another scan has the same key; "" = rater


@dataclass(frozen=True)
class Earlier:
    """What an earlier report of the same secretary showed, in persons (Response.person).

    `sums` maps an indicator code to the sets of persons whose answers that report summed
    (its shown means, spread included); `known` are the persons it showed by role.
    """

    sums: Mapping[str, tuple[frozenset[str], ...]]
    known: frozenset[str] = frozenset()
    everyone: frozenset[str] = frozenset()  # the persons behind "Alle anderen"

    def as_json(self) -> dict[str, Any]:
        return {
            "known": sorted(self.known),
            "everyone": sorted(self.everyone),
            "sums": {code: [sorted(s) for s in sets] for code, sets in self.sums.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Earlier:
        return cls(
            {code: tuple(frozenset(s) for s in sets) for code, sets in data["sums"].items()},
            frozenset(data.get("known", ())),
            frozenset(data.get("everyone", ())),
        )


@dataclass(frozen=True)
class Comment:
    rater: str
    group: str
    competency: str  # Competency.key
    kind: CommentKind
    text: str


@dataclass(frozen=True)
class ReportInput:
    competencies: tuple[Competency, ...]
    groups: tuple[GroupSpec, ...]
    responses: tuple[Response, ...]  # finished raters only
    comments: tuple[Comment, ...]
    k: int = 3  # anonymity threshold: the smallest crowd a figure may stand for
    seed: int = 0  # for the random order of comments
    earlier: tuple[Earlier, ...] = ()  # earlier reports of the same secretary


def check_input(inp: ReportInput) -> None:
    """Raise ValueError when `inp` breaks the input contract (a bug in the caller)."""
    if isinstance(inp.k, bool) or not isinstance(inp.k, int) or inp.k < 2:
        raise ValueError(
            f"De anonimiteitsdrempel k moet een geheel getal van ten minste 2 zijn, niet {inp.k!r}."
        )
    groups = {g.key: g for g in inp.groups}
    names = [g.name for g in inp.groups if not g.is_self]
    if len(groups) != len(inp.groups) or len(set(names)) != len(names):
        raise ValueError("Elke beoordelaarsgroep moet een eigen sleutel en een eigen naam hebben.")
    if set(names) & RESERVED_NAMES:
        raise ValueError(
            f"Deze groepsnamen zijn gereserveerd: {', '.join(sorted(RESERVED_NAMES))}."
        )
    codes = {i.code for c in inp.competencies for i in c.indicators}
    raters = {r.rater: r.group for r in inp.responses}
    if len(raters) != len(inp.responses):
        raise ValueError("Elke beoordelaar mag maar één keer antwoorden.")
    for response in inp.responses:
        _check_response(response, groups, codes)
    if sum(1 for r in inp.responses if groups[r.group].is_self) > 1:
        raise ValueError("Er kan maar één zelfbeoordeling zijn.")
    keys = {c.key for c in inp.competencies}
    for comment in inp.comments:
        if raters.get(comment.rater) != comment.group or comment.competency not in keys:
            raise ValueError(
                f"Toelichting van onbekende beoordelaar of competentie: {comment.competency!r}."
            )
        if comment.kind not in ("feedback", "feedforward"):
            raise ValueError(f"Onbekend soort toelichting: {comment.kind!r}.")


def _check_response(response: Response, groups: Mapping[str, GroupSpec], codes: set[str]) -> None:
    if response.group not in groups:
        raise ValueError(f"Onbekende beoordelaarsgroep: {response.group!r}.")
    for code, score in response.scores.items():
        if code not in codes:
            raise ValueError(f"Onbekende gedragsindicator: {code!r}.")
        valid = isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5
        if score is not None and not valid:
            raise ValueError(f"Een score is 1 tot en met 5 of leeg, niet {score!r} ({code}).")


# --- Output ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownGroup:
    name: str
    n: int  # finished raters


@dataclass(frozen=True)
class Spread:
    """How far "alle anderen" agree: population variance and the share within the margin."""

    variance: Fraction
    agreement: Fraction  # share of scores within AGREEMENT_MARGIN of their indicator's mean

    @property
    def sd(self) -> Decimal:
        """Population standard deviation (irrational in general, so computed for display)."""
        with localcontext() as context:
            context.prec = 28
            return (Decimal(self.variance.numerator) / self.variance.denominator).sqrt()


@dataclass(frozen=True)
class Figure:
    """The mean score of one shown set of raters ("Alle anderen", a group, "Overige ...").

    `n` raters of the set gave a score, `not_assessable` gave none ("kan ik niet beoordelen"
    or left open); both are always shown. `mean` is None exactly when `suppressed` holds the
    reason. At competency level `indicators` counts the indicator means the mean averages.
    """

    label: str
    n: int
    not_assessable: int
    mean: Fraction | None
    suppressed: str | None = None
    spread: Spread | None = None  # only for "Alle anderen"
    indicators: int | None = None  # only at competency level


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    text: str
    self_score: int | None
    others: Figure
    groups: tuple[Figure, ...]  # one per shown group, in the order of Report.groups_shown

    @property
    def gap(self) -> Fraction | None:
        """Self minus others, when both are there."""
        if self.self_score is None or self.others.mean is None:
            return None
        return self.self_score - self.others.mean


@dataclass(frozen=True)
class ShownComment:
    text: str
    group: str | None  # None: the group is too small to be named


@dataclass(frozen=True)
class CompetencyResult:
    key: str
    name: str
    self_score: Fraction | None  # mean of the secretary's own scores on the indicators
    others: Figure
    groups: tuple[Figure, ...]
    gap: Fraction | None  # mean of the indicator gaps (self and others both shown)
    indicators: tuple[IndicatorResult, ...]
    feedback: tuple[ShownComment, ...]
    feedforward: tuple[ShownComment, ...]


@dataclass(frozen=True)
class Finding:
    """A blind spot (self clearly above others) or hidden strength (clearly below)."""

    level: Level
    competency: str  # key
    code: str | None  # indicator code at indicator level
    name: str  # competency name or indicator text
    self_score: Fraction
    others: Fraction
    gap: Fraction


@dataclass(frozen=True)
class RankedIndicator:
    competency: str
    code: str
    text: str
    others: Fraction


@dataclass(frozen=True)
class Report:
    k: int
    clear_gap: Fraction  # threshold for blind spots and hidden strengths
    agreement_margin: Fraction
    groups_shown: tuple[ShownGroup, ...]
    competencies: tuple[CompetencyResult, ...]
    highest: tuple[RankedIndicator, ...]
    lowest: tuple[RankedIndicator, ...]
    blind_spots: tuple[Finding, ...]
    hidden_strengths: tuple[Finding, ...]
    notes: tuple[str, ...]
    shown: Earlier = Earlier({})  # what this report shows, for the reports after it

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types only; numbers rounded to two decimals (half away from zero)."""
        return {
            "k": self.k,
            "thresholds": {
                "blind_spot_gap": rounded(self.clear_gap),
                "agreement_margin": rounded(self.agreement_margin),
            },
            "groups": [{"name": g.name, "n": g.n} for g in self.groups_shown],
            "competencies": [_competency_json(c) for c in self.competencies],
            "highest": [_ranked_json(r) for r in self.highest],
            "lowest": [_ranked_json(r) for r in self.lowest],
            "blind_spots": [_finding_json(f) for f in self.blind_spots],
            "hidden_strengths": [_finding_json(f) for f in self.hidden_strengths],
            "notes": list(self.notes),
        }


# --- JSON ------------------------------------------------------------------------------------


def rounded(value: Fraction | Decimal | int | None, places: int = DECIMALS) -> float | None:
    """`value` rounded half away from zero to `places` decimals, exactly, then as float."""
    if value is None:
        return None
    scaled = abs(Fraction(value)) * 10**places
    digits = math.floor(scaled + Fraction(1, 2))
    sign = -1 if value < 0 else 1
    return float(Decimal(sign * digits).scaleb(-places))


def displayed(value: Fraction, places: int = 1) -> Fraction:
    """`value` as the report prints it: rounded to DECIMALS for the JSON, then to `places`
    for the page, both half away from zero. Thresholds compare this, so that a gap printed
    as "1,0" always counts as a gap of one point (0,97 is printed so, and is one)."""
    two = Fraction(Decimal(str(rounded(value))))
    one = rounded(two, places)
    return Fraction(Decimal(str(one)))


def _figure_json(figure: Figure) -> dict[str, Any]:
    data: dict[str, Any] = {
        "label": figure.label,
        "n": figure.n,
        "not_assessable": figure.not_assessable,
        "mean": rounded(figure.mean),
        "suppressed": figure.suppressed,
    }
    if figure.spread is not None:
        data["sd"] = rounded(figure.spread.sd)
        data["agreement"] = rounded(figure.spread.agreement)
    if figure.indicators is not None:
        data["indicators"] = figure.indicators
    return data


def _indicator_json(result: IndicatorResult) -> dict[str, Any]:
    return {
        "code": result.code,
        "text": result.text,
        "self": result.self_score,
        "others": _figure_json(result.others),
        "groups": [_figure_json(f) for f in result.groups],
        "gap": rounded(result.gap),
    }


def _comments_json(comments: tuple[ShownComment, ...]) -> list[dict[str, Any]]:
    return [{"text": c.text, "group": c.group} for c in comments]


def _competency_json(result: CompetencyResult) -> dict[str, Any]:
    return {
        "key": result.key,
        "name": result.name,
        "self": rounded(result.self_score),
        "others": _figure_json(result.others),
        "groups": [_figure_json(f) for f in result.groups],
        "gap": rounded(result.gap),
        "indicators": [_indicator_json(i) for i in result.indicators],
        "feedback": _comments_json(result.feedback),
        "feedforward": _comments_json(result.feedforward),
    }


def _ranked_json(ranked: RankedIndicator) -> dict[str, Any]:
    return {
        "competency": ranked.competency,
        "code": ranked.code,
        "text": ranked.text,
        "others": rounded(ranked.others),
    }


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "level": finding.level,
        "competency": finding.competency,
        "code": finding.code,
        "name": finding.name,
        "self": rounded(finding.self_score),
        "others": rounded(finding.others),
        "gap": rounded(finding.gap),
    }
