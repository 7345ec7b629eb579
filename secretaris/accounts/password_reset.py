"""Password reset mails: throttled, the same answer and the same work for known and unknown
addresses, and the mail itself sent by `secretaris worker`, not in the request (so its time
is not visible and a slow mail server does not hold a web worker).

    queue_mails(request, form)               # in the request: throttle, look-up, audit, job
    send_password_reset_mails(user_ids, …)   # in the worker: the tokens and the sending

The job holds account ids only. The reset token is made by the worker when it sends the
mail, so no secret is ever stored in the queue.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from secretaris.accounts import throttle
from secretaris.accounts.audit import audit, client_ip
from secretaris.jobs.queue import TryAgain, background, enqueue

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "accounts/email/password_reset_subject.txt"
BODY_TEMPLATE = "accounts/email/password_reset.txt"


def queue_mails(request: HttpRequest, form: Any) -> None:
    """For a valid reset form: a job that mails every active account with this address,
    nothing when throttled. Known and unknown addresses cost the same queries: the job is
    queued for an unknown address too, with no account in it."""
    email = form.cleaned_data["email"]
    allowed = throttle.reset_allowed(email, client_ip(request))
    users = list(form.get_users(email))  # always looked up: the same work either way
    audit(
        request,
        "password_reset_requested" if allowed else "password_reset_throttled",
        user=users[0] if len(users) == 1 else None,
        accounts=len(users),
    )
    if allowed:
        enqueue(
            send_password_reset_mails,
            user_ids=[user.pk for user in users],
            domain=get_current_site(request).domain,
            protocol="https" if request.is_secure() else "http",
        )


@background(label="E-mail voor wachtwoordherstel", max_attempts=3)
def send_password_reset_mails(user_ids: list[int], domain: str, protocol: str) -> dict:
    """Make a reset link for each account that is still active and mail it."""
    users = get_user_model()._default_manager.filter(pk__in=user_ids, is_active=True)
    sent, failed = 0, 0
    for user in users.order_by("pk"):
        context = {
            "to": getattr(user, user.get_email_field_name()),
            "username": user.get_username(),
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "domain": domain,
            "protocol": protocol,
            "product": "Secretaris",
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = "".join(loader.render_to_string(SUBJECT_TEMPLATE, context).splitlines())
        body = loader.render_to_string(BODY_TEMPLATE, context)
        try:
            EmailMultiAlternatives(subject, body, None, [context["to"]]).send()
            sent += 1
        except Exception:  # a mail server error must not stop the other mails
            logger.exception("Password reset mail could not be sent")
            failed += 1
    result = {"sent": sent, "failed": failed}
    if failed:
        raise TryAgain("De mailserver gaf een fout; de mail wordt opnieuw verstuurd.", result)
    return result
