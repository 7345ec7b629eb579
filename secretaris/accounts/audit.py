"""The audit trail: one helper, `audit()`, for every part of Secretaris.

    audit(request, "login", method="totp")
    audit(request, "report_opened", scan, format="pdf")
    audit(None, "2fa_reset", user=user, by="cli")

Action codes are short snake_case strings; keep them stable, reports filter on them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from secretaris.accounts.models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The address of the browser.

    Behind the TLS proxy (BEHIND_TLS_PROXY=1) that is the last address in
    X-Forwarded-For: the one our own proxy added. Earlier entries come from the client
    and can be forged, so they are never used.
    """
    if request is None:
        return None
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or None


def audit(
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    *,
    user: Any = None,
    **detail: Any,
) -> AuditEvent:
    """Write one audit event and return it.

    The user is `user` if given, else the logged-in user of `request` (if any). `obj` is
    recorded as its model label and primary key; `detail` must be JSON-serialisable
    (dates, decimals and UUIDs are fine).
    """
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        if request_user is not None and request_user.is_authenticated:
            user = request_user
    return AuditEvent.objects.create(
        user=user,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
        ip=client_ip(request),
    )


def purge_old_events(
    now: datetime | None = None, days: int | None = None, dry_run: bool = False
) -> int:
    """Delete audit events older than `days` (AUDIT_RETENTION_DAYS); returns how many.

    The purge itself is logged, so the trail shows when and how far it was cut."""
    days = settings.AUDIT_RETENTION_DAYS if days is None else days
    before = (now or timezone.now()) - timedelta(days=days)
    old = AuditEvent.objects.filter(at__lt=before)
    if dry_run:
        return old.count()
    deleted, _ = old.delete()
    if deleted:
        audit(None, "audit_purged", events=deleted, before=before, by="cli")
    return deleted
