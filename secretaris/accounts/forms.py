from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError

from secretaris.accounts import throttle
from secretaris.accounts.audit import audit, client_ip
from secretaris.accounts.models import TwoFactor


class StyledForm:
    """Mixin: NL Design System classes and no colon after labels.

    Django itself links help texts and errors to the input (aria-describedby with
    `<id>_helptext` and `<id>_error`; see templates/accounts/_field.html).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "utrecht-textbox")


class LoginForm(StyledForm, auth_forms.AuthenticationForm):
    """Username and password, refused outright while throttled; failures are counted."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": "Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters.",
        "inactive": "Dit account is uitgeschakeld. Neem contact op met een beheerder.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["password"].label = "Wachtwoord"

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request)
        trusted = throttle.is_trusted_device(self.request, username)
        refusal = throttle.refusal(username, ip, trusted) if username else None
        if refusal:
            audit(self.request, "login_throttled", username=username)
            raise ValidationError(refusal, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            if username and self.cleaned_data.get("password"):
                throttle.record_failure(username, ip)
                audit(self.request, "login_failed", username=username, step="password")
            raise


class CodeForm(StyledForm, forms.Form):
    """The six digits from the authenticator app, checked against `two_factor`."""

    code = forms.CharField(
        label="Code uit de app",
        max_length=20,
        help_text="Zes cijfers. De code verandert elke 30 seconden.",
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "class": "utrecht-textbox utrecht-textbox--sm",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, two_factor: TwoFactor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.two_factor = two_factor

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != 6 or not code.isdigit():
            raise ValidationError("Typ de zes cijfers uit de app.", code="format")
        if not self.two_factor.verify_code(code):
            raise ValidationError(
                "Deze code klopt niet. Typ de code die de app nu laat zien.", code="wrong"
            )
        return code


class RecoveryCodeForm(StyledForm, forms.Form):
    """One of the ten recovery codes; a code works once."""

    code = forms.CharField(
        label="Herstelcode",
        max_length=30,
        help_text="Tien tekens, bijvoorbeeld abcde-fghjk. Elke herstelcode werkt één keer.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "class": "utrecht-textbox utrecht-textbox--sm",
            }
        ),
    )

    def __init__(self, two_factor: TwoFactor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.two_factor = two_factor

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if not self.two_factor.use_recovery_code(code):
            raise ValidationError("Deze herstelcode klopt niet of is al gebruikt.", code="wrong")
        return code


class AppOrRecoveryCodeForm(CodeForm):
    """For switching two-factor off: a code from the app, or a recovery code if the
    phone is lost."""

    def __init__(self, two_factor: TwoFactor, *args, **kwargs):
        super().__init__(two_factor, *args, **kwargs)
        field = self.fields["code"]
        field.label = "Code uit de app of een herstelcode"
        field.help_text = "Zes cijfers uit de app, of een van uw herstelcodes."
        field.widget.attrs.pop("inputmode")  # recovery codes contain letters
        field.widget.attrs["autocapitalize"] = "none"

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if code.isdigit() and len(code) == 6:
            valid = self.two_factor.verify_code(code)
        else:
            valid = self.two_factor.use_recovery_code(code)
        if not valid:
            raise ValidationError("Deze code klopt niet. Probeer het opnieuw.", code="wrong")
        return code


class PasswordChangeForm(StyledForm, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].widget.attrs["autocomplete"] = "current-password"
        self.fields["old_password"].label = "Huidig wachtwoord"
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password2"].label = "Nieuw wachtwoord nog een keer"
        self.fields["new_password2"].help_text = "Zo weten we zeker dat u geen tikfout maakte."


class PasswordResetForm(StyledForm, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mailadres"
        self.fields["email"].help_text = "Het e-mailadres dat bij uw account hoort."


class SetPasswordForm(StyledForm, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password2"].label = "Nieuw wachtwoord nog een keer"
        self.fields["new_password2"].help_text = "Zo weten we zeker dat u geen tikfout maakte."


class PasswordConfirmForm(StyledForm, forms.Form):
    """The logged-in user's password again, before a sensitive action."""

    password = forms.CharField(
        label="Wachtwoord",
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("Dit wachtwoord klopt niet.", code="wrong")
        return password
