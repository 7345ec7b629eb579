"""Helpers for the accounts tests (personas come from secretaris.test)."""

from __future__ import annotations

import time

from django.urls import reverse

from secretaris.accounts import totp
from secretaris.accounts.models import TwoFactor
from secretaris.test import PASSWORD


def enrol(user) -> tuple[TwoFactor, list[str]]:
    """Switch two-factor on for `user`; returns it and the ten recovery codes."""
    two_factor = TwoFactor.objects.create(user=user)
    return two_factor, two_factor.confirm()


def current_code(two_factor: TwoFactor, steps: int = 0) -> str:
    """The code the user's app shows now (or `steps` time steps later)."""
    return totp.totp(two_factor.key(), time.time() + steps * totp.STEP_SECONDS)


def log_in(client, username: str = "alice", password: str = PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def send_code(client, code: str):
    return client.post(reverse("login_code"), {"code": code})


def logged_in_user(client):
    from django.contrib.auth import get_user

    return get_user(client)
