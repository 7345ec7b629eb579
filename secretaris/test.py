"""Test helpers shared by every app: personas."""

from __future__ import annotations

from django.contrib.auth import get_user_model

PASSWORD = "correct-horse-battery-staple-42"


def make_user(username: str = "alice", *, staff: bool = False):
    """Alice is an ordinary user; Bob (staff=True) is a beheerder."""
    User = get_user_model()
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.nl",
        password=PASSWORD,
        is_staff=staff,
        is_superuser=staff,
    )
