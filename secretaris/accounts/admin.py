from functools import update_wrapper

from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from secretaris.accounts import sessions
from secretaris.accounts.models import AuditEvent, Grant, LoginAttempt, TwoFactor


def login_through_secretaris(request, extra_context=None):
    """The admin has no login page of its own: everyone logs in with the two-step login,
    so a beheerder cannot skip the code by logging in at /beheer/login/."""
    return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index"))


admin.site.login = login_through_secretaris

FORM_PAGES = ("/add/", "/change/", "/delete/", "/password/")
_admin_view = admin.site.admin_view


def admin_view_with_recent_password(view, cacheable=False):
    """Every change in the admin (and every add, change and delete form, so nothing typed
    is lost) needs a password given in the last REAUTH_SECONDS: making someone beheerder,
    granting access and resetting two-factor are the most sensitive actions there are."""

    def guarded(request, *args, **kwargs):
        leaving = request.path == reverse("admin:logout")
        changes = request.method != "GET" or request.path.endswith(FORM_PAGES)
        if leaving:
            changes = False
        if changes and not sessions.password_is_recent(request):
            return redirect(sessions.reauthenticate_url(request.path))
        return view(request, *args, **kwargs)

    return _admin_view(update_wrapper(guarded, view), cacheable)


admin.site.admin_view = admin_view_with_recent_password


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TwoFactor)
class TwoFactorAdmin(ReadOnlyAdmin):
    """Deleting a row switches two-factor off; the user then sets it up again."""

    list_display = ["user", "confirmed_at", "created_at"]
    search_fields = ["user__username"]
    fields = ["user", "confirmed_at", "created_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "object_type", "object_id", "ip"]
    list_filter = ["action"]
    search_fields = ["user__username", "action", "object_id"]
    date_hierarchy = "at"

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ReadOnlyAdmin):
    list_display = ["at", "username", "ip", "success"]
    list_filter = ["success", "at"]
    search_fields = ["username", "ip"]
    date_hierarchy = "at"


def admin_may_grant(content_type) -> bool:
    """False for models whose access only their owner gives, in the application itself
    (a model says so with `admin_may_grant = False`, e.g. the scan report)."""
    model = content_type.model_class() if content_type is not None else None
    return getattr(model, "admin_may_grant", True)


class GrantForm(forms.ModelForm):
    def clean_content_type(self):
        content_type = self.cleaned_data.get("content_type")
        if not admin_may_grant(content_type):
            raise forms.ValidationError(
                "Toegang hiertoe geeft alleen de eigenaar zelf, in Secretaris; niet de beheerder."
            )
        return content_type


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    form = GrantForm
    list_display = ["user", "role", "content_type", "object_id", "granted_by", "granted_at"]
    list_filter = ["role", "content_type"]
    search_fields = ["user__username", "object_id"]
    raw_id_fields = ["user", "granted_by"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not admin_may_grant(obj.content_type):
            return False  # taking a coach's access away (delete) stays possible
        return super().has_change_permission(request, obj)
