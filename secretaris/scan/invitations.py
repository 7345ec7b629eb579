"""Invitations and reminders by email, each with the rater's personal link.

Only the hash of a token is stored, so an email can carry a link only by carrying a new
token: every invitation, re-invitation and reminder issues one, and the link in an earlier
email stops working. What the rater filled in stays (answers belong to the rater, not to
the link), and the emails say so.

Each email is sent first and the new token stored after, in one update: when the mail
server is down nothing changes and the old link keeps working.

Reminders go to invited raters who have not finished, at most once per REMINDER_INTERVAL
(3 days), counted from the last email we sent them (the invitation counts too). So cron
can run `secretaris scan herinneringen` every day.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from secretaris.scan import rater_pages
from secretaris.scan.models import REMINDER_INTERVAL, Rater, Scan, minutes_for
from secretaris.scan.tokens import answer_url, new_token, token_hash

INVITATION = "invitation"
REMINDER = "reminder"


@dataclass
class Outcome:
    sent: int = 0
    failed: list[str] = field(default_factory=list)  # names of raters we could not email


logger = logging.getLogger(__name__)


class NotOpen(Exception):
    """Invitations cannot go out: the list is not approved, the scan is closed, or its
    deadline has passed."""


def invite(scan: Scan, raters: QuerySet[Rater] | None = None, now: datetime | None = None):
    """Email the approved raters who were not invited yet, or exactly `raters` (to invite
    them again with a new link). A scan that was ready for invitations opens."""
    now = now or timezone.now()
    if not may_invite(scan, now):
        raise NotOpen
    if raters is None:
        raters = scan.raters.filter(invited_at__isnull=True)
    raters = raters.filter(scan=scan, approved=True, finished_at__isnull=True)
    if scan.status == Scan.UITNODIGEN:
        scan.mark_open()  # before sending, so the link works when the email arrives
        try:  # the questionnaire's pages, before the first rater asks
            rater_pages.warm(scan)
        except Exception:  # then the first rater's request renders them; the mail goes out
            logger.exception("Questionnaire pages of scan %s could not be stored ahead", scan.pk)
    return _send(raters, INVITATION, "invited_at", now)


def may_invite(scan: Scan, now: datetime | None = None) -> bool:
    """The list is approved and the deadline is still ahead."""
    return scan.status in (Scan.UITNODIGEN, Scan.OPEN) and scan.deadline > (now or timezone.now())


def due_for_reminder(now: datetime | None = None) -> QuerySet[Rater]:
    """Raters of open scans who have not finished and got no email from us in 3 days."""
    now = now or timezone.now()
    quiet_since = now - REMINDER_INTERVAL
    return Rater.objects.filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lte=quiet_since),
        scan__status=Scan.OPEN,
        scan__deadline__gt=now,
        approved=True,
        invited_at__lte=quiet_since,
        finished_at__isnull=True,
    )


def remind(scan: Scan | None = None, now: datetime | None = None) -> Outcome:
    """Send the reminders that are due, for one scan or (scan=None) for all scans."""
    now = now or timezone.now()
    raters = due_for_reminder(now)
    if scan is not None:
        raters = raters.filter(scan=scan)
    return _send(raters, REMINDER, "reminded_at", now)


def _send(raters: QuerySet[Rater], kind: str, stamp: str, now: datetime) -> Outcome:
    outcome = Outcome()
    raters = list(
        raters.select_related(
            "group", "scan", "scan__gemeente", "scan__secretary", "scan__coordinator"
        ).order_by("pk")
    )
    if not raters:
        return outcome
    connection = get_connection()
    try:
        connection.open()  # one session with the mail server for the whole batch
    except (smtplib.SMTPException, OSError):
        outcome.failed = [r.name for r in raters]
        return outcome
    try:
        for rater in raters:
            token = new_token()
            try:
                delivered = connection.send_messages([message(rater, kind, token)])
            except (smtplib.SMTPException, OSError):
                delivered = 0
            if not delivered:
                outcome.failed.append(rater.name)
                continue
            Rater.objects.filter(pk=rater.pk).update(token_hash=token_hash(token), **{stamp: now})
            outcome.sent += 1
    finally:
        connection.close()
    return outcome


def message(rater: Rater, kind: str, token: str) -> EmailMessage:
    scan = rater.scan
    context = {
        "rater": rater,
        "scan": scan,
        "link": answer_url(token),
        "is_self": rater.group.is_self,
        "reminder": kind == REMINDER,
        "minutes": minutes_for(len(scan.competency_keys)),
    }
    with translation.override("nl"):
        body = render_to_string(f"scan/email/{kind}.txt", context)
    if rater.group.is_self:
        subject = f"Uw zelfbeoordeling voor de ontwikkelscan ({scan.gemeente.name})"
    else:
        subject = f"Uw feedback gevraagd voor {scan.secretary_name}, gemeente {scan.gemeente.name}"
    if kind == REMINDER:
        subject = f"Herinnering: {subject[0].lower()}{subject[1:]}"
    coordinator = scan.coordinator
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[rater.email],
        reply_to=[coordinator.email] if coordinator and coordinator.email else None,
    )
