"""Rejection letters sent by `secretaris worker`, not in the request (rejections.py).

Safe to run again: a letter that was sent is not sent a second time. A mail server error
is retried (the queue's RETRY_DELAYS); the error kept on the job names its kind only, not
the address, so no candidate's data ends up in the job list.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from secretaris.accounts.audit import audit
from secretaris.jobs.queue import TryAgain, background
from secretaris.selection.models import RejectionMail


@background(label="Afwijzingsbrief versturen", max_attempts=4)
def send_rejection(mail_pk: int) -> dict:
    mail = RejectionMail.objects.select_related("candidate__procedure").filter(pk=mail_pk).first()
    if mail is None:  # the candidate's data was deleted meanwhile (retention)
        return {"sent": 0}
    if mail.sent_at:
        return {"sent": 0, "earlier": True}
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        raise TryAgain(f"De mailserver nam de brief niet aan ({type(exc).__name__}).") from None
    mail.sent_at = timezone.now()
    mail.save(update_fields=["sent_at"])
    audit(
        None,
        "selection.rejection_sent",
        mail.candidate.procedure,
        candidate=str(mail.candidate_id),
        phase=mail.phase,
    )
    return {"sent": 1}
