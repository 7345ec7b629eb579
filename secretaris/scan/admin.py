"""Beheer of scans, groups and raters. Answers and comments are deliberately not here:
nobody, beheerders included, sees an individual answer. The rater pages show progress
only, and never the token hash."""

from django.contrib import admin

from secretaris.scan.models import Rater, RaterGroup, Scan


class RaterGroupInline(admin.TabularInline):
    model = RaterGroup
    fields = ["name", "key", "single_person", "is_self", "enabled", "position"]
    extra = 0


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    list_display = ["title", "secretary", "gemeente", "status", "deadline", "created_at"]
    list_filter = ["status"]
    search_fields = ["gemeente__name", "secretary__username", "title"]
    readonly_fields = [
        "model_version",
        "competency_keys",
        "status",
        "closed_at",
        "lock_version",
        "created_by",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["secretary", "coordinator"]
    list_select_related = ["gemeente", "secretary"]
    inlines = [RaterGroupInline]


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
        "show_by_role",
        "invited_at",
        "reminded_at",
        "started_at",
        "finished_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        # Once a rater has started, a changed address plus a new link would show their
        # unfinished answers to whoever owns the new address.
        if obj is not None and obj.started_at:
            return [*self.readonly_fields, "email"]
        return self.readonly_fields

    def has_add_permission(self, request) -> bool:
        return False  # raters are nominated on the scan's own page
