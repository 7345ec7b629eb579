"""Who may be seen in a scan report, and which of its figures may be shown.

Pure functions, no Django. docs/anonymity.md states the rules and why they hold. In short:

1. A group is shown on its own with at least k finished raters, or when it is a one-person
   role (burgemeester, griffier) whose one rater chose to be shown by role. Smaller groups
   are merged into "Overige beoordelaars" when that reaches k, and otherwise left out
   entirely (scores and comments).
2. Every figure is a sum over a set of raters (a mean with its n). The sets shown for one
   indicator cut the raters into cells, "atoms"; every non-empty atom must hold at least k
   raters whose answers are not known otherwise. `disclose` hides figures until it does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from secretaris.scan.report_model import OVERIGE_LABEL, GroupSpec, Response

TOO_FEW = "te weinig antwoorden"
COVER = "verborgen zodat het niet uit andere cijfers terug te rekenen is"
EARLIER = "verborgen zodat het niet samen met een eerdere scan terug te rekenen is"

SetKind = Literal["group", "role", "overige"]


@dataclass(frozen=True)
class RaterSet:
    """Raters shown together under one label."""

    label: str
    raters: frozenset[str]
    kind: SetKind = "group"

    @property
    def by_role(self) -> bool:
        """One rater who chose to be shown by role: identifiable by their own consent."""
        return self.kind == "role"

    def restricted(self, raters: frozenset[str]) -> RaterSet:
        return RaterSet(self.label, self.raters & raters, self.kind)


@dataclass(frozen=True)
class GroupPlan:
    """Which raters the report shows, under which labels."""

    shown: tuple[RaterSet, ...]  # groups on their own in GroupSpec order, then overige
    left_out: frozenset[str]  # raters of small groups when overige would stay below k

    @property
    def others(self) -> frozenset[str]:
        """The raters behind "Alle anderen": everyone shown; left-out raters are not."""
        return _union(s.raters for s in self.shown)

    @property
    def known(self) -> frozenset[str]:
        """Raters whose own answers may be shown: those shown by role."""
        return _union(s.raters for s in self.shown if s.by_role)


def plan_groups(groups: Sequence[GroupSpec], responses: Sequence[Response], k: int) -> GroupPlan:
    """Rule 1: groups of at least k on their own, consented roles by role, the rest merged."""
    shown: list[RaterSet] = []
    small: set[str] = set()
    for group in groups:
        if group.is_self:
            continue
        members = [r for r in responses if r.group == group.key]
        raters = frozenset(r.rater for r in members)
        if len(raters) >= k:
            shown.append(RaterSet(group.name, raters))
        elif group.single_person and len(members) == 1 and members[0].show_by_role:
            shown.append(RaterSet(group.name, raters, "role"))
        else:
            small |= raters
    if len(small) >= k:
        return GroupPlan(
            (*shown, RaterSet(OVERIGE_LABEL, frozenset(small), "overige")), frozenset()
        )
    return GroupPlan(tuple(shown), frozenset(small))


def comment_labels(plan: GroupPlan) -> dict[str, str | None]:
    """Per rater whose comments are shown: the group label to print with them, or None.

    Groups shown on their own (at least k, or a consented role) are named; comments from
    "Overige beoordelaars" (at least k raters) carry no label; left-out raters' comments are
    not shown at all, so no unlabelled comment can be pinned on fewer than k raters.
    """
    return {
        rater: None if raters.kind == "overige" else raters.label
        for raters in plan.shown
        for rater in raters.raters
    }


# --- Per indicator: which figures may be shown -----------------------------------------------


@dataclass(frozen=True)
class Disclosure:
    """Per block the reason it is hidden (None: shown), and the same for the total."""

    blocks: tuple[str | None, ...]
    total: str | None


def disclose(blocks: Sequence[RaterSet], k: int) -> Disclosure:
    """Rule 2 for one indicator: which block means, and whether their total, may be shown.

    `blocks` are the shown groups restricted to the raters who scored the indicator: disjoint,
    together the "Alle anderen" set. A block is shown when it has at least k raters or is a
    consented role. The total is shown when it has at least k raters and the hidden blocks
    together hold none or at least k raters (else the total minus the shown blocks would give
    them away). When the hidden blocks hold 1..k-1 raters, one more figure must go: the
    smallest ordinary block that brings them to k (the last one in order on a tie), or else
    the total. Either costs one figure; keeping the total keeps the self-versus-others view.
    """
    reasons = [None if _may_show(b, k) else TOO_FEW for b in blocks]
    total = _union(b.raters for b in blocks)
    if len(total) < k:
        return Disclosure(tuple(reasons), TOO_FEW)
    hidden = len(_union(b.raters for b, r in zip(blocks, reasons, strict=True) if r))
    if hidden == 0 or hidden >= k:
        return Disclosure(tuple(reasons), None)
    cover = _cover(blocks, reasons, hidden, k)
    if cover is None:
        return Disclosure(tuple(reasons), COVER)
    reasons[cover] = COVER
    return Disclosure(tuple(reasons), None)


def _may_show(block: RaterSet, k: int) -> bool:
    return len(block.raters) >= k or (block.by_role and len(block.raters) == 1)


def _cover(
    blocks: Sequence[RaterSet], reasons: list[str | None], hidden: int, k: int
) -> int | None:
    """The block to hide as well so that the hidden raters reach k, or None.

    A role's rater is never used as cover: their answers may be known anyway.
    """
    candidates = [
        i
        for i, (block, reason) in enumerate(zip(blocks, reasons, strict=True))
        if reason is None and not block.by_role and hidden + len(block.raters) >= k
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda i: (len(blocks[i].raters), -i))


# --- Rule 3: against the earlier reports of the same secretary ------------------------------


def against_earlier(
    shown: Sequence[frozenset[str]],
    earlier: Sequence[frozenset[str]],
    known: frozenset[str],
    k: int,
    roles: frozenset[int] = frozenset(),
) -> set[int]:
    """Which of this report's shown sums (sets of persons) to hide as well, so that they
    and the earlier reports' sums, read together, single out nobody.

    Someone who answers the same in two scans is one unknown in both, so the atoms are
    taken over persons across all reports. Greedy: while an atom of 1..k-1 unknown persons
    remains, hide the shown set whose hiding leaves the fewest persons in such atoms (the
    smaller set on a tie). The earlier sums alone were checked when they were frozen.
    `known` are persons known from the earlier reports; the persons of the shown sets
    numbered in `roles` (shown by role) become known only while their set is shown.
    """
    hidden: set[int] = set()

    def exposed(without: set[int]) -> int:
        sets = [s for i, s in enumerate(shown) if i not in without]
        now_known = known.union(*(shown[i] for i in roles if i not in without))
        return sum(len(a) for a in small_atoms([*sets, *earlier], now_known, k))

    if not earlier:
        return hidden
    left = exposed(hidden)
    while left:
        candidates = [i for i in range(len(shown)) if i not in hidden]
        if not candidates:
            break
        best = min(candidates, key=lambda i: (exposed(hidden | {i}), len(shown[i]), i))
        hidden.add(best)
        left = exposed(hidden)
    return hidden


# --- The check behind rule 2 -----------------------------------------------------------------


def atoms(sets: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    """The cells of the Venn diagram of `sets`: raters grouped by which sets hold them."""
    by_pattern: dict[tuple[int, ...], set[str]] = {}
    listed = list(sets)
    for rater in _union(listed):
        pattern = tuple(i for i, s in enumerate(listed) if rater in s)
        by_pattern.setdefault(pattern, set()).add(rater)
    return sorted((frozenset(a) for a in by_pattern.values()), key=sorted)


def small_atoms(
    sets: Iterable[frozenset[str]], known: frozenset[str], k: int
) -> list[frozenset[str]]:
    """Atoms with 1..k-1 raters once the `known` raters are taken out; safe when empty.

    Every shown number is then a sum over whole atoms, so any combination of them is
    constant on each atom and cannot single out fewer than k raters (docs/anonymity.md).
    """
    unknown = [s - known for s in sets]
    return [a for a in atoms(unknown) if len(a) < k]


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    result: set[str] = set()
    for s in sets:
        result |= s
    return frozenset(result)
