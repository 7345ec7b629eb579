from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from secretaris.accounts import forms, login_flow, password_reset, sessions, throttle
from secretaris.accounts.access import is_beheerder
from secretaris.accounts.audit import audit, client_ip
from secretaris.accounts.models import TwoFactor
from secretaris.accounts.qr import qr_svg

NEW_CODES_KEY = "accounts_new_recovery_codes"


class LoginView(auth_views.LoginView):
    """Step 1: username and password. Users with two-factor go on to step 2."""

    form_class = forms.LoginForm
    template_name = "accounts/login.html"

    def form_valid(self, form):
        user = form.get_user()
        redirect_to = self.get_success_url()
        if login_flow.confirmed_two_factor(user):
            login_flow.begin(self.request, user, redirect_to)
            return redirect("login_code")
        login_flow.complete(self.request, user, "password")
        if login_flow.needs_enrolment(user):
            response = redirect("two_factor_setup")
        else:
            response = HttpResponseRedirect(redirect_to)
        return throttle.remember_device(response, user.get_username())


@sensitive_post_parameters("code")
@never_cache
def login_code(request):
    """Step 2: the code from the authenticator app."""
    return _second_step(request, forms.CodeForm, "totp", "accounts/login_code.html")


@sensitive_post_parameters("code")
@never_cache
def login_recovery(request):
    """Step 2 without the app: a recovery code."""
    return _second_step(request, forms.RecoveryCodeForm, "recovery", "accounts/login_recovery.html")


def _second_step(request, form_class, method: str, template: str):
    state = login_flow.pending(request)
    if state is None:
        messages.info(request, "Log in met uw gebruikersnaam en wachtwoord.")
        return redirect("login")
    username = state.user.get_username()
    refusal = throttle.refusal(
        username, client_ip(request), throttle.is_trusted_device(request, username)
    )
    if refusal:
        login_flow.cancel(request)
        messages.error(request, refusal)
        return redirect("login")
    form = form_class(state.two_factor, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            login_flow.complete(request, state.user, method)
            if method == "recovery":
                left = state.two_factor.recovery_codes.count()
                audit(request, "recovery_code_used", codes_left=left)
                messages.warning(
                    request,
                    f"U bent ingelogd met een herstelcode. U heeft er nog {left}. "
                    "Maak nieuwe herstelcodes via Beveiliging als u er weinig over heeft.",
                )
            return throttle.remember_device(redirect(state.redirect_to), username)
        if form.has_error("code", "wrong") and login_flow.refuse_code(request, state.user, method):
            messages.error(request, throttle.MESSAGE)
            return redirect("login")
    return render(request, template, {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = forms.PasswordChangeForm
    template_name = "accounts/password_change.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        audit(self.request, "password_changed")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """The same answer, after the same work, whether the address is known or not; the mail
    is sent by the worker (password_reset.py)."""

    form_class = forms.PasswordResetForm
    template_name = "accounts/password_reset.html"

    def form_valid(self, form):
        password_reset.queue_mails(self.request, form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        audit(self.request, "password_reset", user=self.user)
        return response


@login_required
def security(request):
    two_factor = (
        TwoFactor.objects.filter(user=request.user, confirmed_at__isnull=False)
        .annotate(codes_left=Count("recovery_codes"))
        .first()
    )
    context = {"two_factor": two_factor, "is_beheerder": is_beheerder(request.user)}
    return render(request, "accounts/security.html", context)


@login_required
@sensitive_post_parameters("code")
@never_cache
def two_factor_setup(request):
    two_factor, _ = TwoFactor.objects.get_or_create(user=request.user)
    if two_factor.is_confirmed:
        return redirect("security")
    form = forms.CodeForm(two_factor, request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.session[NEW_CODES_KEY] = two_factor.confirm()
        audit(request, "2fa_enabled")
        messages.success(request, "Tweestapsverificatie staat aan.")
        return redirect("two_factor_recovery_codes")
    secret = two_factor.secret
    context = {
        "form": form,
        "qr": qr_svg(
            two_factor.provisioning_uri(), "QR-code om Secretaris aan de app toe te voegen"
        ),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": login_flow.needs_enrolment(request.user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@never_cache
def two_factor_recovery_codes(request):
    """Shows newly made recovery codes, once."""
    codes = request.session.pop(NEW_CODES_KEY, None)
    if not codes:
        return redirect("security")
    return render(request, "accounts/two_factor_recovery_codes.html", {"codes": codes})


@login_required
@sessions.recent_password_required
@sensitive_post_parameters("code")
def two_factor_disable(request):
    if is_beheerder(request.user):
        messages.error(request, "Voor beheerders is tweestapsverificatie verplicht.")
        return redirect("security")
    return _confirm_with_code(
        request,
        {
            "title": "Tweestapsverificatie uitzetten",
            "intro": "Daarna is alleen uw wachtwoord nog nodig om in te loggen. "
            "Bevestig met een code.",
            "button": "Uitzetten",
        },
        _disable,
    )


def _disable(request, two_factor: TwoFactor):
    two_factor.delete()
    audit(request, "2fa_disabled")
    messages.success(request, "Tweestapsverificatie staat uit.")
    return redirect("security")


@login_required
@sessions.recent_password_required
@sensitive_post_parameters("code")
def two_factor_new_codes(request):
    return _confirm_with_code(
        request,
        {
            "title": "Nieuwe herstelcodes maken",
            "intro": "U krijgt tien nieuwe herstelcodes. De oude werken daarna niet meer. "
            "Bevestig met een code.",
            "button": "Nieuwe herstelcodes maken",
        },
        _new_codes,
    )


def _new_codes(request, two_factor: TwoFactor):
    request.session[NEW_CODES_KEY] = two_factor.new_recovery_codes()
    audit(request, "recovery_codes_renewed")
    return redirect("two_factor_recovery_codes")


def _confirm_with_code(request, page: dict, on_success):
    """A page that asks for a code (throttled like login) before changing two-factor."""
    two_factor = login_flow.confirmed_two_factor(request.user)
    if two_factor is None:
        return redirect("security")
    username, ip = request.user.get_username(), client_ip(request)
    form = forms.AppOrRecoveryCodeForm(two_factor, request.POST or None)
    if request.method == "POST":
        if throttle.is_throttled(username, ip, trusted_device=True):  # logged in already
            messages.error(request, throttle.MESSAGE)
            return redirect("security")
        if form.is_valid():
            return on_success(request, two_factor)
        if form.has_error("code", "wrong"):
            throttle.record_failure(username, ip)
    return render(request, "accounts/two_factor_confirm.html", {"form": form, **page})


@login_required
@sensitive_post_parameters("password")
@never_cache
def reauthenticate(request):
    """The password again before a sensitive action; throttled like the login."""
    next_path = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()}):
        next_path = reverse("security")
    username, ip = request.user.get_username(), client_ip(request)
    form = forms.PasswordConfirmForm(request.user, request.POST or None)
    if request.method == "POST":
        if throttle.is_throttled(username, ip, trusted_device=True):  # logged in already
            audit(request, "reauthentication_throttled")
            logout(request)
            messages.error(request, throttle.MESSAGE)
            return redirect("login")
        if form.is_valid():
            sessions.password_given(request)
            audit(request, "reauthenticated")
            return HttpResponseRedirect(next_path)
        if form.has_error("password", "wrong"):
            throttle.record_failure(username, ip)
            audit(request, "reauthentication_failed")
    return render(request, "accounts/reauthenticate.html", {"form": form, "next": next_path})
