"""Login throttling, shared by all server processes through the database.

After MAX_PER_USERNAME failed attempts for one username, or MAX_PER_IP from one address,
within WINDOW, further attempts are refused without checking the password. Wrong
two-factor codes count as failed attempts for the username too.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from secretaris.accounts.models import LoginAttempt

MAX_PER_USERNAME = 5
MAX_PER_IP = 20
WINDOW = timedelta(minutes=15)
KEEP = timedelta(days=1)  # attempts older than this are deleted
MESSAGE = "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."


def _key(username: str) -> str:
    """Usernames are throttled regardless of case and surrounding spaces."""
    return username.strip().lower()[:150]


def is_throttled(username: str, ip: str | None) -> bool:
    """True when this username or this address has too many recent failures (one query)."""
    recent = LoginAttempt.objects.filter(success=False, at__gte=timezone.now() - WINDOW)
    by_username = Q(username=_key(username))
    if not ip:
        return recent.filter(by_username).count() >= MAX_PER_USERNAME
    by_ip = Q(ip=ip)
    counts = recent.filter(by_username | by_ip).aggregate(
        username=Count("pk", filter=by_username), ip=Count("pk", filter=by_ip)
    )
    return counts["username"] >= MAX_PER_USERNAME or counts["ip"] >= MAX_PER_IP


def record_failure(username: str, ip: str | None) -> None:
    LoginAttempt.objects.create(username=_key(username), ip=ip, success=False)
    prune()


def record_success(username: str, ip: str | None) -> None:
    """A successful login clears the username's failures."""
    key = _key(username)
    LoginAttempt.objects.filter(username=key, success=False).delete()
    LoginAttempt.objects.create(username=key, ip=ip, success=True)
    prune()


def prune() -> int:
    """Delete attempts that no longer matter; returns how many."""
    deleted, _ = LoginAttempt.objects.filter(at__lt=timezone.now() - KEEP).delete()
    return deleted
