"""The state of one round, as one member may see it: the rule against scorecard peeking.

    board = Board.load(procedure, round=1)
    board.may_see_scores(member, candidate)   # own scorecard submitted (or, for a member
                                              # who does not score: everyone submitted)
    board.may_see_names(member, candidate)    # everyone expected has submitted

Expected to score a candidate: every scoring member who did not declare a conflict of
interest for them. A recused member sees nothing of the candidate at all. Members taken
off the committee (committee.py) are not expected and their cards do not count;
`uncounted` names them. Everything is loaded in four queries, so the calibration page
stays fast for a full committee.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from uuid import UUID

from secretaris.selection import scoring
from secretaris.selection.models import Candidate, Declaration, Member, Procedure, Scorecard


@dataclass
class Board:
    procedure: Procedure
    round: int
    members: list[Member]
    candidates: list[Candidate]
    recused: set[tuple[UUID, UUID]] = field(default_factory=set)  # (member id, candidate id)
    cards: dict[tuple[UUID, UUID], Scorecard] = field(default_factory=dict)  # submitted only
    _expected: dict[UUID, list[Member]] = field(default_factory=dict, repr=False)
    _submitted: dict[UUID, list] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, procedure: Procedure, round: int) -> Board:
        members = procedure.committee()
        candidates = [c for c in procedure.candidates.order_by("name") if c.in_round(round)]
        ids = [c.pk for c in candidates]
        recused = set(
            Declaration.objects.filter(candidate__in=ids, conflict=True).values_list(
                "member_id", "candidate_id"
            )
        )
        cards = {
            (card.member_id, card.candidate_id): card
            for card in Scorecard.objects.filter(
                candidate__in=ids, round=round, submitted_at__isnull=False
            )
        }
        return cls(procedure, round, members, candidates, recused, cards)

    def is_recused(self, member: Member, candidate: Candidate) -> bool:
        return (member.pk, candidate.pk) in self.recused

    def expected(self, candidate: Candidate) -> list[Member]:
        if candidate.pk not in self._expected:
            self._expected[candidate.pk] = [
                m for m in self.members if m.scores and not self.is_recused(m, candidate)
            ]
        return self._expected[candidate.pk]

    def submitted(self, candidate: Candidate) -> list[tuple[Member, Scorecard]]:
        if candidate.pk not in self._submitted:
            self._submitted[candidate.pk] = [
                (m, self.cards[(m.pk, candidate.pk)])
                for m in self.expected(candidate)
                if (m.pk, candidate.pk) in self.cards
            ]
        return self._submitted[candidate.pk]

    def is_complete(self, candidate: Candidate) -> bool:
        expected = self.expected(candidate)
        return bool(expected) and len(self.submitted(candidate)) == len(expected)

    def all_complete(self) -> bool:
        return bool(self.candidates) and all(self.is_complete(c) for c in self.candidates)

    def visible_candidates(self, member: Member) -> list[Candidate]:
        return [c for c in self.candidates if not self.is_recused(member, c)]

    def may_see_scores(self, member: Member, candidate: Candidate) -> bool:
        if self.is_recused(member, candidate):
            return False
        if member.scores:
            return (member.pk, candidate.pk) in self.cards
        return self.is_complete(candidate)

    def may_see_names(self, member: Member, candidate: Candidate) -> bool:
        return self.may_see_scores(member, candidate) and self.is_complete(candidate)

    def may_see_ranking(self, member: Member) -> bool:
        """The formula's ranking compares all candidates: only when every card is in."""
        return self.all_complete() and any(
            self.may_see_scores(member, c) for c in self.visible_candidates(member)
        )

    def uncounted(self) -> list[tuple[Member, str]]:
        """Members whose submitted cards of this round no longer count, and why (in
        Dutch): taken off the committee, or now in a role that does not score."""
        scoring = {m.pk for m in self.members if m.scores}
        ids = {member_id for member_id, _ in self.cards} - scoring
        if not ids:
            return []
        others = Member.objects.filter(pk__in=ids).select_related("user")
        return sorted(
            (
                (m, "uit de commissie gehaald" if m.removed_at else f"nu {m.role_label}")
                for m in others
            ),
            key=lambda pair: pair[0].name,
        )

    def formula_scores(self) -> dict[UUID, Fraction]:
        weights = self.procedure.weights()
        return {
            c.pk: scoring.formula_score([card.scores for _, card in self.submitted(c)], weights)
            for c in self.candidates
            if self.submitted(c)
        }
