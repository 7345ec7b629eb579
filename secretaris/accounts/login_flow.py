"""Logging in in two steps: password first, then (if switched on) a code.

Between the steps the user is NOT logged in: the session only holds who passed the
password step, for PENDING_SECONDS. The session key is renewed on the final login.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.contrib import auth
from django.contrib.auth import get_user_model
from django.http import HttpRequest

from secretaris.accounts import throttle
from secretaris.accounts.access import is_beheerder
from secretaris.accounts.audit import audit, client_ip
from secretaris.accounts.models import TwoFactor
from secretaris.scan.prepared import NUMBER, Prepared

PENDING_KEY = "accounts_pending_login"
PENDING_SECONDS = 5 * 60


@dataclass
class Pending:
    user: object
    two_factor: TwoFactor
    redirect_to: str


def confirmed_two_factor(user) -> TwoFactor | None:
    return TwoFactor.objects.filter(user=user, confirmed_at__isnull=False).first()


# Asked on every page of a selection procedure: compiled once (scan/prepared.py).
CONFIRMED_TWO_FACTOR = Prepared(
    lambda user_id: (
        TwoFactor.objects.filter(user_id=user_id, confirmed_at__isnull=False)
        .order_by()
        .values_list("pk")[:1]
    ),
    NUMBER,
)


def uses_two_factor(user) -> bool:
    return bool(CONFIRMED_TWO_FACTOR.values(user.pk))


def needs_enrolment(user) -> bool:
    """Beheerders must use two-factor authentication; others may."""
    return is_beheerder(user) and not uses_two_factor(user)


def begin(request: HttpRequest, user, redirect_to: str) -> None:
    """The password was right; remember the user until the code step."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "redirect_to": redirect_to,
        "until": time.time() + PENDING_SECONDS,
    }


def pending(request: HttpRequest) -> Pending | None:
    """The user waiting for the code step, or None (never started, or expired)."""
    data = request.session.get(PENDING_KEY)
    if not data or data["until"] < time.time():
        cancel(request)
        return None
    user = get_user_model()._default_manager.filter(pk=data["user"], is_active=True).first()
    two_factor = confirmed_two_factor(user) if user else None
    if two_factor is None:
        cancel(request)
        return None
    user.backend = data["backend"]
    return Pending(user, two_factor, data["redirect_to"])


def cancel(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def complete(request: HttpRequest, user, method: str) -> None:
    """Log the user in for real."""
    cancel(request)
    auth.login(request, user)
    throttle.record_success(user.get_username(), client_ip(request))
    audit(request, "login", method=method)


def refuse_code(request: HttpRequest, user, step: str) -> bool:
    """Count a wrong code; True if the user is now throttled (and back at the start)."""
    ip = client_ip(request)
    throttle.record_failure(user.get_username(), ip)
    audit(request, "login_failed", user=user, step=step)
    username = user.get_username()
    if throttle.is_throttled(username, ip, throttle.is_trusted_device(request, username)):
        cancel(request)
        return True
    return False
