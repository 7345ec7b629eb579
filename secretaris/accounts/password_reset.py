"""Password reset mails: throttled, the same answer and the same work for known and unknown
addresses, and the mail itself sent after the response (so its time is not visible).

    mails = prepare(request, form)          # in the request: throttle, look-up, tokens, audit
    start_sending(mails)                     # after the response: a background thread
    send_password_reset_mail(mails)          # the sending itself (plain data only)
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest, HttpResponseRedirect
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from secretaris.accounts import throttle
from secretaris.accounts.audit import audit, client_ip

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "accounts/email/password_reset_subject.txt"
BODY_TEMPLATE = "accounts/email/password_reset.txt"


def prepare(request: HttpRequest, form: Any) -> list[dict[str, str]]:
    """The mails to send for a valid reset form: one per active account with this address,
    none when throttled. Known and unknown addresses cost the same queries."""
    email = form.cleaned_data["email"]
    allowed = throttle.reset_allowed(email, client_ip(request))
    users = list(form.get_users(email))  # always looked up: the same work either way
    audit(
        request,
        "password_reset_requested" if allowed else "password_reset_throttled",
        user=users[0] if len(users) == 1 else None,
        accounts=len(users),
    )
    if not allowed:
        return []
    site = get_current_site(request)
    return [
        {
            "to": getattr(user, user.get_email_field_name()),
            "username": user.get_username(),
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "domain": site.domain,
            "protocol": "https" if request.is_secure() else "http",
        }
        for user in users
    ]


def send_password_reset_mail(mails: list[dict[str, str]]) -> None:
    """Render and send the prepared mails. Uses no database: safe in a thread or a queue."""
    for mail in mails:
        context = {
            **mail,
            "product": "Secretaris",
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = "".join(loader.render_to_string(SUBJECT_TEMPLATE, context).splitlines())
        body = loader.render_to_string(BODY_TEMPLATE, context)
        try:
            EmailMultiAlternatives(subject, body, None, [mail["to"]]).send()
        except Exception:  # a mail server error must not stop the other mails
            logger.exception("Password reset mail could not be sent")


def start_sending(mails: list[dict[str, str]]) -> None:
    if mails:
        threading.Thread(target=send_password_reset_mail, args=(mails,), daemon=True).start()


class RedirectThenSend(HttpResponseRedirect):
    """A redirect that starts sending the mails when the server has finished the response
    (WSGI servers and the test client call close() then)."""

    def __init__(self, url: str, mails: list[dict[str, str]]) -> None:
        super().__init__(url)
        self.mails = mails

    def close(self) -> None:
        super().close()
        mails, self.mails = self.mails, []
        start_sending(mails)
