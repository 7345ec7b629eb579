"""Time-based one-time passwords (RFC 6238, on top of HOTP from RFC 4226).

Pure functions, no Django: what authenticator apps (Google Authenticator, Microsoft
Authenticator, FreeOTP, ...) compute from a shared secret and the clock.
Defaults: HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift either way.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
WINDOW = 1  # accept the previous and the next step too (clock drift)
SECRET_BYTES = 20  # 160 bits, the length RFC 4226 recommends


def new_secret() -> str:
    """A fresh random secret as base32 text without padding (what apps expect)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def secret_to_bytes(secret: str) -> bytes:
    """Decode base32 text, ignoring case, spaces and missing padding."""
    text = secret.replace(" ", "").upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def bytes_to_secret(key: bytes) -> str:
    return base64.b32encode(key).decode("ascii").rstrip("=")


def hotp(key: bytes, counter: int, digits: int = DIGITS, digest: str = "sha1") -> str:
    """The HOTP value for one counter (RFC 4226, section 5.3: dynamic truncation)."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(at: float, step: int = STEP_SECONDS) -> int:
    """The number of whole steps since the Unix epoch at time `at` (seconds)."""
    return int(at // step)


def totp(
    key: bytes, at: float, step: int = STEP_SECONDS, digits: int = DIGITS, digest: str = "sha1"
) -> str:
    """The code an app shows at time `at`."""
    return hotp(key, time_step(at, step), digits, digest)


def matching_step(
    key: bytes,
    code: str,
    at: float,
    window: int = WINDOW,
    step: int = STEP_SECONDS,
    digits: int = DIGITS,
    digest: str = "sha1",
) -> int | None:
    """The time step whose code equals `code`, within `window` steps of `at`; else None.

    Every candidate is compared in constant time, and all of them are always computed,
    so the response time does not reveal which step (if any) matched.
    """
    code = code.strip()
    if len(code) != digits or not code.isdigit():
        return None
    current = time_step(at, step)
    found = None
    for candidate in range(current - window, current + window + 1):
        expected = hotp(key, candidate, digits, digest)
        if hmac.compare_digest(expected.encode(), code.encode()) and found is None:
            found = candidate
    return found


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// URI that a QR code carries to the app (Key Uri Format)."""
    label = quote(f"{issuer}:{account}", safe=":@")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
