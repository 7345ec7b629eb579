"""How long a login lasts (ASVS 3.3) and re-authentication before sensitive actions.

A session ends SESSION_ABSOLUTE_SECONDS after the login, whatever the user does, and after
SESSION_IDLE_SECONDS without a request (SESSION_IDLE_SECONDS_BEHEERDER for beheerders).
Sensitive actions (granting access, two-factor changes, closing a scan) ask for the password
again unless the user gave it in the last REAUTH_SECONDS: see `recent_password_required`.
"""

from __future__ import annotations

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse

from secretaris.accounts.access import is_beheerder
from secretaris.accounts.audit import audit

LOGIN_AT = "accounts_login_at"  # when the user logged in
SEEN_AT = "accounts_seen_at"  # the last request
PASSWORD_AT = "accounts_password_at"  # the last time the password was given
SEEN_RESOLUTION = 60  # seconds: write the session at most once a minute for SEEN_AT
EXPIRED = "U was te lang ingelogd of te lang niet actief. Log opnieuw in."


@receiver(user_logged_in)
def _remember_login(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[LOGIN_AT] = request.session[SEEN_AT] = request.session[PASSWORD_AT] = now


def idle_limit(user) -> int:
    if is_beheerder(user):
        return settings.SESSION_IDLE_SECONDS_BEHEERDER
    return settings.SESSION_IDLE_SECONDS


def has_expired(request: HttpRequest, now: float) -> bool:
    login_at = request.session.get(LOGIN_AT)
    seen_at = request.session.get(SEEN_AT, login_at)
    if not isinstance(login_at, (int, float)) or not isinstance(seen_at, (int, float)):
        return True  # a session from before these limits existed
    return now - login_at > settings.SESSION_ABSOLUTE_SECONDS or now - seen_at > idle_limit(
        request.user
    )


class SessionLimits:
    """Log out a session that is too old or was idle too long; keep track of activity."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            if has_expired(request, now):
                audit(request, "session_expired")
                auth.logout(request)
                messages.info(request, EXPIRED)
                return redirect(_login_url(request))
            if now - request.session.get(SEEN_AT, 0) > SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return self.get_response(request)


def _login_url(request: HttpRequest) -> str:
    if request.method != "GET":
        return reverse("login")
    return f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}"


def password_is_recent(request: HttpRequest) -> bool:
    given = request.session.get(PASSWORD_AT)
    return isinstance(given, (int, float)) and time.time() - given <= settings.REAUTH_SECONDS


def password_given(request: HttpRequest) -> None:
    request.session[PASSWORD_AT] = time.time()


def reauthenticate_url(next_path: str) -> str:
    return f"{reverse('reauthenticate')}?{urlencode({'next': next_path})}"


def recent_password_required(view=None, *, back=None):
    """For sensitive views: ask for the password first unless it was given recently.

    A POST without a recent password is not carried out; the user confirms the password
    and comes back to the page (GET), or to `back(request, *args, **kwargs)` for views that
    only take POST, to do it again."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if request.user.is_authenticated and not password_is_recent(request):
                if request.method != "GET":
                    messages.info(request, "Bevestig eerst uw wachtwoord. Daarna kunt u verder.")
                path = back(request, *args, **kwargs) if back else request.path
                return redirect(reauthenticate_url(path))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
