"""Invitations and reminders sent by `secretaris worker`, not in the request.

Both are safe to run again: `invitations.invite` only emails raters who were not invited
yet and `invitations.remind` only those due, so a retry after a mail-server error reaches
exactly the raters the earlier attempt missed.
"""

from __future__ import annotations

from secretaris.jobs.queue import TryAgain, background
from secretaris.scan import invitations
from secretaris.scan.models import Scan


@background(label="Uitnodigingen versturen", max_attempts=4, no_retry=(invitations.NotOpen,))
def send_invitations(scan_pk: int) -> dict:
    return _outcome(invitations.invite(Scan.objects.get(pk=scan_pk)), "uitnodigingen")


@background(label="Herinneringen versturen", max_attempts=4)
def send_reminders(scan_pk: int) -> dict:
    return _outcome(invitations.remind(Scan.objects.get(pk=scan_pk)), "herinneringen")


def _outcome(outcome: invitations.Outcome, what: str) -> dict:
    result = {"sent": outcome.sent, "failed": outcome.failed}
    if outcome.failed:
        raise TryAgain(
            f"{len(outcome.failed)} {what} niet gelukt: de mailserver gaf een fout.", result
        )
    return result
