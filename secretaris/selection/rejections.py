"""Rejection letters: the text per candidate, and sending it by email through the queue.

    phase, text = letter(procedure, candidate)
    mail = queue_rejection(request, candidate, text)   # CannotSend with a Dutch reason

The letter follows the phase the candidate reached (procedures.rejection_letter). The
committee may edit it before sending. Sending is a job for `secretaris worker`
(mail_jobs.send_rejection): the request only stores the letter as it will be sent (a
RejectionMail) and queues it, in one transaction, so the page answers at once and a mail
server that is down is retried. A letter goes only to a candidate whose status is
"afgewezen" and who has an email address, and at most once: a second one only after the
first failed for good. Queueing and sending are both in the audit log (without the text).
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from secretaris.accounts.audit import audit
from secretaris.jobs.queue import enqueue
from secretaris.selection.models import Candidate, Procedure, RejectionMail
from secretaris.selection.procedures import rejection_letter

PHASE_BY_STAGE = {"sollicitant": "werving", "eerste_ronde": "eerste_ronde"}


class CannotSend(Exception):
    """The letter cannot be sent (yet); the message says why, in Dutch."""


def letter(procedure: Procedure, candidate: Candidate) -> tuple[str, str]:
    """(phase, text) of the rejection letter for the phase the candidate reached."""
    phase = PHASE_BY_STAGE.get(candidate.stage, "tweede_ronde")
    return phase, rejection_letter(procedure, candidate, phase)


def subject(procedure: Procedure) -> str:
    return f"Uw sollicitatie: {procedure.profile.title.lower()}, gemeente {procedure.gemeente.name}"


def mails(candidate: Candidate) -> list[RejectionMail]:
    return list(candidate.rejection_mails.select_related("job", "created_by"))


def refusal(candidate: Candidate) -> str | None:
    """Why a letter cannot be sent to this candidate now; None when it can."""
    if candidate.outcome != Candidate.AFGEWEZEN:
        return (
            "Zet eerst de stand van de kandidaat op 'Afgewezen'. Daarna kunt u de brief versturen."
        )
    if not candidate.email:
        return "Er is geen e-mailadres van deze kandidaat. Vul het in, of stuur de brief per post."
    if any(not m.failed for m in mails(candidate)):
        return "De brief is al verstuurd of wordt nu verstuurd. Hij gaat maar één keer."
    return None


def queue_rejection(request: HttpRequest, candidate: Candidate, text: str) -> RejectionMail:
    procedure = candidate.procedure
    with transaction.atomic():
        Candidate.objects.select_for_update().filter(pk=candidate.pk).first()  # one click
        reason = refusal(candidate)
        if reason:
            raise CannotSend(reason)
        phase, _ = letter(procedure, candidate)
        mail = RejectionMail.objects.create(
            candidate=candidate,
            phase=phase,
            to=candidate.email,
            subject=subject(procedure),
            body=text,
            reply_to=request.user.email,
            created_by=request.user,
        )
        from secretaris.selection.mail_jobs import send_rejection

        mail.job = enqueue(
            send_rejection,
            mail_pk=mail.pk,
            started_by=request.user,
            subject=f"selection-rejection:{mail.pk}",
        )
        mail.save(update_fields=["job"])
    audit(
        request,
        "selection.rejection_queued",
        procedure,
        candidate=str(candidate.pk),
        phase=phase,
        job=mail.job.pk,
    )
    return mail
