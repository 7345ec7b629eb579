"""Beheer of scans, groups and raters. Answers and comments are deliberately not here:
nobody, beheerders included, sees an individual answer. The rater pages show progress
only, and never the token hash.

Once a scan leaves concept, everything that decides who is shown how (secretary, k,
groups, raters) is read-only here: a beheerder could otherwise move a rater into "Zelf",
lower k, or make themself the secretary and read the report (docs/anonymity.md). The one
change a beheerder may still make is the coordinator; it is logged and the old and new
coordinator and the secretary get an email.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from secretaris.accounts.audit import audit
from secretaris.scan.coordination import announce_new_coordinator
from secretaris.scan.models import Rater, RaterGroup, Scan

GROUP_FIELDS = ["name", "key", "single_person", "is_self", "enabled", "position"]


def _settled(scan: Scan | None) -> bool:
    """True once the scan has left concept (raters may have been invited)."""
    return scan is not None and scan.status != Scan.CONCEPT


class RaterGroupInline(admin.TabularInline):
    model = RaterGroup
    fields = GROUP_FIELDS
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        if _settled(obj):
            return GROUP_FIELDS
        return ["key", "is_self"]  # "Zelf" is fixed when the scan is made

    def has_add_permission(self, request, obj=None) -> bool:
        return not _settled(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _settled(obj)


class ScanAdminForm(forms.ModelForm):
    class Meta:
        model = Scan
        fields = ["gemeente", "title", "deadline", "k", "coordinator"]

    def clean_coordinator(self):
        coordinator = self.cleaned_data.get("coordinator")
        if coordinator is not None and coordinator.pk == self.instance.secretary_id:
            raise ValidationError("De coördinator is iemand anders dan de secretaris.")
        if coordinator is None and _settled(self.instance):
            raise ValidationError("Een scan die niet meer in concept is, heeft een coördinator.")
        return coordinator


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    form = ScanAdminForm
    list_display = ["title", "secretary", "gemeente", "status", "deadline", "created_at"]
    list_filter = ["status"]
    search_fields = ["gemeente__name", "secretary__username", "title"]
    readonly_fields = [
        "secretary",
        "secretary_accepted_at",
        "model_version",
        "competency_keys",
        "status",
        "closed_at",
        "lock_version",
        "created_by",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["coordinator"]
    list_select_related = ["gemeente", "secretary"]
    inlines = [RaterGroupInline]

    def get_readonly_fields(self, request, obj=None):
        if _settled(obj):
            return [*self.readonly_fields, "gemeente", "k"]
        return self.readonly_fields

    def has_add_permission(self, request) -> bool:
        return False  # a scan is started on its own page, where the secretary accepts it

    def save_model(self, request, obj, form, change) -> None:
        old = Scan.objects.filter(pk=obj.pk).select_related("coordinator").first()
        super().save_model(request, obj, form, change)
        if old is not None and "coordinator" in form.changed_data:
            obj.hand_over_coordination(old.coordinator, obj.coordinator, request.user)
            audit(
                request,
                "scan.coordinator_changed",
                obj,
                old=old.coordinator.get_username() if old.coordinator else "",
                new=obj.coordinator.get_username() if obj.coordinator else "",
            )
            if _settled(old):
                announce_new_coordinator(obj, old.coordinator)


@admin.register(Rater)
class RaterAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "name",
        "email",
        "scan",
        "group",
        "approved",
        "invited_at",
        "finished_at",
    ]
    list_filter = ["approved"]
    search_fields = ["name", "email", "scan__gemeente__name"]
    list_select_related = ["scan", "scan__gemeente", "scan__secretary", "group"]
    fields = [
        "scan",
        "group",
        "name",
        "email",
        "approved",
        "show_by_role",
        "invited_at",
        "reminded_at",
        "started_at",
        "finished_at",
    ]
    readonly_fields = [
        "scan",
        "group",
        "approved",
        "show_by_role",
        "invited_at",
        "reminded_at",
        "started_at",
        "finished_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        # After concept nothing changes here: a changed address plus a new link would show
        # a rater's answers to whoever owns the new address, and a deleted rater would
        # change who the report stands for.
        if obj is not None and (_settled(obj.scan) or obj.started_at):
            return self.fields
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return obj is None or not _settled(obj.scan)

    def delete_queryset(self, request, queryset) -> None:
        """The list's "delete selected" action too leaves raters of settled scans alone."""
        super().delete_queryset(request, queryset.filter(scan__status=Scan.CONCEPT))

    def has_add_permission(self, request) -> bool:
        return False  # raters are nominated on the scan's own page
