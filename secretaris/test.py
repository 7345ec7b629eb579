"""Test helpers shared by every app: personas."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

PASSWORD = "correct-horse-battery-staple-42"


def make_user(username: str = "alice", *, staff: bool = False, two_factor: bool | None = None):
    """Alice is an ordinary user; a beheerder (staff=True) has 2FA set up unless told not."""
    from secretaris.accounts.models import TwoFactor

    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.nl",
        password=PASSWORD,
        is_staff=staff,
        is_superuser=staff,
    )
    if staff if two_factor is None else two_factor:
        TwoFactor.objects.create(user=user, confirmed_at=timezone.now())
    return user
