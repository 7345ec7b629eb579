"""Login throttling, shared by all server processes through the database.

A stranger must not be able to lock a beheerder out by typing wrong passwords, so nothing
locks a username as such:

- MAX_PER_PAIR failed attempts for one username from one address within WINDOW refuse
  further attempts for that username from that address (without checking the password);
- MAX_PER_IP failures from one address refuse every attempt from it;
- per username, from all addresses together, attempts are slowed down: after
  SLOW_AFTER failures, the next attempt must wait 2, 4, 8 ... (at most MAX_DELAY) seconds
  after the last failure. A browser in which the user logged in before carries a signed
  device cookie and is not slowed down (OWASP's "device cookies").

Wrong two-factor codes and wrong passwords on the re-authentication page count too.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from secretaris.accounts.models import LoginAttempt, PasswordResetRequest

MAX_PER_PAIR = 5
MAX_PER_IP = 20
SLOW_AFTER = 5
MAX_DELAY = 30  # seconds
WINDOW = timedelta(minutes=15)
KEEP = timedelta(days=1)  # attempts older than this are deleted
MESSAGE = "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."
SLOW_MESSAGE = (
    "Er is net een verkeerd wachtwoord gebruikt. Wacht {seconds} seconden en probeer het "
    "dan opnieuw."
)
DEVICE_COOKIE = "secretaris_apparaat"
DEVICE_SALT = "secretaris.accounts.device"
DEVICE_DAYS = 180


def _key(username: str) -> str:
    """Usernames are throttled regardless of case and surrounding spaces."""
    return username.strip().lower()[:150]


def refusal(username: str, ip: str | None, trusted_device: bool = False) -> str | None:
    """Why an attempt for `username` from `ip` is refused now (a Dutch message), or None."""
    now = timezone.now()
    recent = LoginAttempt.objects.filter(success=False, at__gte=now - WINDOW)
    by_username = Q(username=_key(username))
    by_ip = Q(ip=ip) if ip else Q(pk__in=[])
    counts = recent.filter(by_username | by_ip).aggregate(
        n_pair=Count("pk", filter=by_username & by_ip),
        n_ip=Count("pk", filter=by_ip),
        n_username=Count("pk", filter=by_username),
        last_at=Max("at", filter=by_username),
    )
    if counts["n_pair"] >= MAX_PER_PAIR or counts["n_ip"] >= MAX_PER_IP:
        return MESSAGE
    if trusted_device or counts["n_username"] < SLOW_AFTER:
        return None
    delay = min(2 ** (counts["n_username"] - SLOW_AFTER + 1), MAX_DELAY)
    wait = delay - (now - counts["last_at"]).total_seconds()
    return SLOW_MESSAGE.format(seconds=int(wait) + 1) if wait > 0 else None


def is_throttled(username: str, ip: str | None, trusted_device: bool = False) -> bool:
    return refusal(username, ip, trusted_device) is not None


def is_trusted_device(request: HttpRequest | None, username: str) -> bool:
    """True if this browser carries a device cookie from an earlier login as `username`."""
    if request is None:
        return False
    try:
        value = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""),
            salt=DEVICE_SALT,
            max_age=timedelta(days=DEVICE_DAYS),
        )
    except signing.BadSignature:
        return False
    return isinstance(value, dict) and value.get("u") == _device_id(username)


def remember_device(response: HttpResponse, username: str) -> HttpResponse:
    """After a successful login: mark this browser as one the user logs in with."""
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps({"u": _device_id(username)}, salt=DEVICE_SALT),
        max_age=DEVICE_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _device_id(username: str) -> str:
    """The cookie names the user by a keyed hash, not by the username itself."""
    return salted_hmac(DEVICE_SALT, _key(username), algorithm="sha256").hexdigest()[:32]


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
