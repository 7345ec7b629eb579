"""Accounts: two-factor authentication, login attempts, the audit trail and per-object access.

Users are django.contrib.auth's User. A beheerder is a user with is_staff or is_superuser.
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from secretaris.accounts import totp

ISSUER = "Secretaris"
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to copy
RECOVERY_CODE_LENGTH = 10  # about 50 bits each


class RecoveryCodeHasher(Argon2PasswordHasher):
    """Argon2id at a low cost, for recovery codes only.

    The high default cost protects passwords that people choose; recovery codes are ~50
    random bits, so guessing stays hopeless at this cost, while checking ten codes at
    login takes milliseconds instead of a second. The parameters are stored in each
    hash, so Django's check_password() verifies them as usual.
    """

    time_cost = 1
    memory_cost = 8192  # KiB
    parallelism = 1


def key_id_of(secret_key: str) -> str:
    """A short public name for a SECRET_KEY (reveals nothing about the key)."""
    mac = salted_hmac("secretaris.accounts.key-id", "", secret=secret_key, algorithm="sha256")
    return mac.hexdigest()[:16]


def current_key_id() -> str:
    return key_id_of(settings.SECRET_KEY)


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch in RECOVERY_ALPHABET)


class TwoFactor(models.Model):
    """A user's authenticator app: TOTP (RFC 6238) with replay protection.

    How the secret is stored: the database holds a random `seed` and a `mask`, not the TOTP
    key itself. The key is HMAC-SHA256(SECRET_KEY, seed) cut to 160 bits, XOR the mask (all
    zeros at enrolment). A copy of the database alone is not enough to compute codes; the
    server's SECRET_KEY is needed too. `key_id` names the SECRET_KEY the key is wrapped under.

    Rotating SECRET_KEY (README.md): the old key goes into SECRET_KEY_FALLBACKS and
    `secretaris sleutelwissel` re-wraps every key under the new SECRET_KEY (new mask = key
    XOR HMAC(new SECRET_KEY, seed)), so the apps keep their secret; a login with a code does
    the same for its own key. After that the fallback can be removed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor"
    )
    seed = models.CharField(max_length=64, default=totp.new_secret)
    mask = models.CharField(max_length=64, blank=True, default="", help_text="Hex; leeg = nullen.")
    key_id = models.CharField(max_length=16, blank=True, default=current_key_id)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(
        null=True, blank=True, help_text="Tijdstap van de laatst gebruikte code (tegen hergebruik)."
    )

    class Meta:
        verbose_name = "tweestapsverificatie"
        verbose_name_plural = "tweestapsverificaties"

    def __str__(self) -> str:
        state = "aan" if self.is_confirmed else "nog niet bevestigd"
        return f"Tweestapsverificatie van {self.user} ({state})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def _pad(self, secret_key: str | None) -> bytes:
        mac = salted_hmac(
            "secretaris.accounts.TwoFactor", self.seed, secret=secret_key, algorithm="sha256"
        )
        return mac.digest()[: totp.SECRET_BYTES]

    def key(self, secret_key: str | None = None) -> bytes:
        """The TOTP key, unwrapped with SECRET_KEY (or the older key it is wrapped under)."""
        mask = bytes.fromhex(self.mask) if self.mask else bytes(totp.SECRET_BYTES)
        return bytes(a ^ b for a, b in zip(self._pad(secret_key), mask, strict=True))

    def _candidate_keys(self) -> list[str]:
        """The configured keys this row may be wrapped under, current key first."""
        keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return [k for k in keys if not self.key_id or key_id_of(k) == self.key_id]

    def rewrap(self) -> bool:
        """Wrap the (unchanged) TOTP key under the current SECRET_KEY; True if it changed.

        False when it already is, or when the key it is wrapped under is no longer
        configured (then the user sets up the app again)."""
        current = current_key_id()
        if self.key_id == current:
            return False
        old = next((k for k in settings.SECRET_KEY_FALLBACKS if key_id_of(k) == self.key_id), None)
        if old is None:
            return False
        mask = bytes(a ^ b for a, b in zip(self.key(old), self._pad(None), strict=True))
        self.mask, self.key_id = mask.hex(), current
        self.save(update_fields=["mask", "key_id"])
        return True

    @property
    def secret(self) -> str:
        """The secret in base32, as the user types it into the app."""
        return totp.bytes_to_secret(self.key())

    def provisioning_uri(self) -> str:
        return totp.provisioning_uri(self.secret, self.user.get_username(), ISSUER)

    def verify_code(self, code: str, at: float | None = None) -> bool:
        """True for a valid code that was not used before; marks its time step as used.

        The update is conditional, so two server processes cannot both accept one code.
        """
        at = time.time() if at is None else at
        code = "".join(code.split())
        for secret_key in self._candidate_keys():
            step = totp.matching_step(self.key(secret_key), code, at)
            if step is not None:
                break
        else:
            return False
        fresh = Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
        if not TwoFactor.objects.filter(fresh, pk=self.pk).update(last_used_step=step):
            return False
        self.last_used_step = step
        if secret_key != settings.SECRET_KEY:
            self.rewrap()
        return True

    def confirm(self) -> list[str]:
        """Switch two-factor on (after a first valid code); returns new recovery codes."""
        self.confirmed_at = timezone.now()
        self.save(update_fields=["confirmed_at"])
        return self.new_recovery_codes()

    def new_recovery_codes(self) -> list[str]:
        """Replace all recovery codes by RECOVERY_CODE_COUNT new ones, returned in plain text
        (to show once); only their hashes are stored."""
        codes = [
            "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
            for _ in range(RECOVERY_CODE_COUNT)
        ]
        self.recovery_codes.all().delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(
                two_factor=self, code_hash=make_password(code, hasher=RecoveryCodeHasher())
            )
            for code in codes
        )
        return [f"{code[:5]}-{code[5:]}" for code in codes]

    def use_recovery_code(self, code: str) -> bool:
        """True once per recovery code: a matching code is deleted as it is used."""
        code = normalise_recovery_code(code)
        if len(code) != RECOVERY_CODE_LENGTH:
            return False
        for stored in self.recovery_codes.all():
            if check_password(code, stored.code_hash):
                deleted, _ = RecoveryCode.objects.filter(pk=stored.pk).delete()
                return bool(deleted)
        return False


class RecoveryCode(models.Model):
    """A one-time code for when the authenticator app is lost (hashed like a password)."""

    two_factor = models.ForeignKey(
        TwoFactor, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=256)

    class Meta:
        verbose_name = "herstelcode"
        verbose_name_plural = "herstelcodes"

    def __str__(self) -> str:
        return f"Herstelcode van {self.two_factor.user}"


class LoginAttempt(models.Model):
    """One login attempt (password or code step); read by throttle.py across workers."""

    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    success = models.BooleanField(default=False)

    class Meta:
        verbose_name = "inlogpoging"
        verbose_name_plural = "inlogpogingen"
        indexes = [
            models.Index(fields=["username", "at"]),
            models.Index(fields=["ip", "at"]),
            models.Index(fields=["at"]),
        ]

    def __str__(self) -> str:
        result = "gelukt" if self.success else "mislukt"
        return f"{self.username} vanaf {self.ip} ({result})"


class PasswordResetRequest(models.Model):
    """One request for a reset mail, for throttling (throttle.py). The address is stored as
    a keyed hash: unknown addresses people typed are nobody's business."""

    address = models.CharField(max_length=64)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "aanvraag nieuw wachtwoord"
        verbose_name_plural = "aanvragen nieuw wachtwoord"
        indexes = [models.Index(fields=["address", "at"]), models.Index(fields=["ip", "at"])]

    def __str__(self) -> str:
        return f"Aanvraag vanaf {self.ip} op {self.at:%Y-%m-%d %H:%M}"


class AuditEvent(models.Model):
    """Who did what, when, from where. Written through audit.audit()."""

    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=50)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = "logregel"
        verbose_name_plural = "logboek"
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["at"]),
            models.Index(fields=["user", "at"]),
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["action", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Grant(models.Model):
    """A user's role on one object of any model (profile, procedure, scan...).

    Use the functions in access.py rather than this model directly.
    """

    ROLES = [("lezer", "Lezer"), ("bewerker", "Bewerker"), ("eigenaar", "Eigenaar")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    role = models.CharField(max_length=20, choices=ROLES)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "toegang"
        verbose_name_plural = "toegang"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="accounts_grant_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user} is {self.role} van {self.content_type.model} {self.object_id}"
