"""Login throttling, shared by all server processes through the database.

After MAX_PER_USERNAME failed attempts for one username, or MAX_PER_IP from one address,
within WINDOW, further attempts are refused without checking the password. Wrong
two-factor codes count as failed attempts for the username too.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from secretaris.accounts.models import LoginAttempt, PasswordResetRequest

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


RESETS_PER_ADDRESS = 3
RESETS_PER_IP = 10
RESET_WINDOW = timedelta(hours=1)


def reset_allowed(email: str, ip: str | None) -> bool:
    """Record a request for a reset mail; False when this address or this IP asked too
    often within RESET_WINDOW (then no mail is sent, and the answer looks the same)."""
    address = salted_hmac(
        "secretaris.accounts.reset", email.strip().lower(), algorithm="sha256"
    ).hexdigest()
    now = timezone.now()
    recent = PasswordResetRequest.objects.filter(at__gte=now - RESET_WINDOW)
    by_address, by_ip = Q(address=address), Q(ip=ip) if ip else Q(pk__in=[])
    counts = recent.filter(by_address | by_ip).aggregate(
        address=Count("pk", filter=by_address), ip=Count("pk", filter=by_ip)
    )
    PasswordResetRequest.objects.create(address=address, ip=ip, at=now)
    PasswordResetRequest.objects.filter(at__lt=now - KEEP).delete()
    return counts["address"] < RESETS_PER_ADDRESS and counts["ip"] < RESETS_PER_IP
