from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from secretaris.accounts.access import is_beheerder
from secretaris.accounts.login_flow import needs_enrolment

ALLOWED_URL_NAMES = ["two_factor_setup", "two_factor_recovery_codes", "logout"]


class RequireTwoFactorForStaff:
    """A beheerder without two-factor authentication can only set it up, or log out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if is_beheerder(user) and not self.is_allowed(request.path) and needs_enrolment(user):
            return redirect("two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def is_allowed(path: str) -> bool:
        if settings.STATIC_URL and path.startswith(settings.STATIC_URL):
            return True
        return path in {reverse(name) for name in ALLOWED_URL_NAMES}
