"""Changing the committee: another role for a member, or taking a member off it.

    change_role(member, Member.LID, by=request)
    remove_member(member, by=request)

Only the chair and the committee's secretary do this (access.procedure_view(manage=True)).
The procedure always keeps a chair: the last one can neither be removed nor get another
role. A removed member loses access at once (access.membership skips them); their row,
declarations and scorecards stay as the record of what they did, but from then on they
are not part of the committee: the calibration and the advice count only the members
there are now (board.py), and the calibration page says whose cards no longer count.
Every change is in the audit log.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from secretaris.accounts.audit import audit
from secretaris.selection.models import Member, Procedure


class LastChair(Exception):
    """The procedure would be left without a chair."""

    def __str__(self) -> str:
        return (
            "Dit is de enige voorzitter. Maak eerst iemand anders voorzitter; daarna kunt u "
            "dit doen."
        )


def _keep_a_chair(member: Member) -> None:
    """Raise LastChair if `member` is the procedure's only chair. The procedure row is
    locked first, so two chairs taken off at the same moment cannot both go."""
    Procedure.objects.select_for_update().filter(pk=member.procedure_id).first()
    if member.role != Member.VOORZITTER:
        return
    others = Member.objects.filter(
        procedure_id=member.procedure_id, role=Member.VOORZITTER, removed_at__isnull=True
    ).exclude(pk=member.pk)
    if not others.exists():
        raise LastChair


def change_role(member: Member, role: str, *, by: HttpRequest) -> bool:
    """Give the member another role; False when it was already theirs."""
    if role == member.role:
        return False
    with transaction.atomic():
        _keep_a_chair(member)
        before = member.role
        member.role = role
        member.save(update_fields=["role"])
    audit(
        by,
        "selection.member_role",
        member.procedure,
        member=member.user.get_username(),
        before=before,
        role=role,
    )
    return True


def remove_member(member: Member, *, by: HttpRequest) -> None:
    with transaction.atomic():
        _keep_a_chair(member)
        member.removed_at = timezone.now()
        member.save(update_fields=["removed_at"])
    audit(
        by,
        "selection.member_removed",
        member.procedure,
        member=member.user.get_username(),
        role=member.role,
        scorecards=member.scorecards.filter(submitted_at__isnull=False).count(),
    )
