"""Personas and a procedure for the selection tests.

Vera chairs the committee, Lars and Otto (the OR member) score, Sanne is the committee's
secretary (she runs the procedure but does not score), Charlie is an outsider. Everyone
has two-factor authentication and accepted the confidentiality statement.
Anna and Bram are candidates in the first round.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.selection.models import Candidate, Member, Procedure, Scorecard
from secretaris.selection.procedures import start_procedure


def person(username: str, first: str, last: str, two_factor: bool = True):
    """A user without a password (tests log in with force_login: no slow hashing)."""
    from django.contrib.auth import get_user_model

    from secretaris.accounts.models import TwoFactor

    user = get_user_model().objects.create_user(
        username, f"{username}@example.nl", first_name=first, last_name=last
    )
    if two_factor:
        TwoFactor.objects.create(user=user, confirmed_at=timezone.now())
    return user


@pytest.fixture
def private_dir(settings, tmp_path):
    settings.SELECTION_PRIVATE_DIR = tmp_path / "private"
    return settings.SELECTION_PRIVATE_DIR


@pytest.fixture
def profile(db):
    profile = draft_profile(Gemeente.objects.get(code="GM1900"))
    profile.finalise(None, profile.lock_version)
    return profile


@pytest.fixture
def procedure(profile, private_dir) -> Procedure:
    vera = person("vera", "Vera", "Voorzitter")
    procedure = start_procedure(profile, vera, "Gemeentesecretaris 2026", Member.VOORZITTER)
    now = timezone.now()
    procedure.members.update(confidentiality_accepted_at=now)
    for username, first, last, role in [
        ("lars", "Lars", "Lid", Member.LID),
        ("otto", "Otto", "Ondernemingsraad", Member.OR_LID),
        ("sanne", "Sanne", "Secretaris", Member.SECRETARIS),
    ]:
        Member.objects.create(
            procedure=procedure,
            user=person(username, first, last),
            role=role,
            confidentiality_accepted_at=now,
        )
    for name in ["Anna Albers", "Bram Bakker"]:
        Candidate.objects.create(procedure=procedure, name=name, stage="eerste_ronde")
    return procedure


@pytest.fixture
def charlie(db):
    return person("charlie", "Charlie", "Buitenstaander")


def member(procedure: Procedure, username: str) -> Member:
    return procedure.members.get(user__username=username)


def candidate(procedure: Procedure, first_name: str) -> Candidate:
    return procedure.candidates.get(name__startswith=first_name)


def fill(
    procedure: Procedure,
    username: str,
    first_name: str,
    score: int = 3,
    *,
    round: int = 1,
    advice: str = "ja",
    evidence: str = "",
    submit: bool = True,
) -> Scorecard:
    """A scorecard with `score` on every criterion (declaring no conflict first)."""
    who, whom = member(procedure, username), candidate(procedure, first_name)
    who.declarations.get_or_create(candidate=whom, defaults={"conflict": False})
    keys = [c["key"] for c in procedure.criteria]
    return Scorecard.objects.create(
        member=who,
        candidate=whom,
        round=round,
        scores=dict.fromkeys(keys, score),
        evidence=dict.fromkeys(keys, evidence) if evidence else {},
        advice=advice,
        submitted_at=timezone.now() if submit else None,
    )


def declare(procedure: Procedure, username: str, first_name: str, conflict: bool) -> None:
    member(procedure, username).declarations.create(
        candidate=candidate(procedure, first_name), conflict=conflict
    )
