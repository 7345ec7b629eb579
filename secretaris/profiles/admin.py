from django.contrib import admin

from secretaris.profiles.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "number", "status", "updated_at", "updated_by"]
    list_filter = ["status"]
    search_fields = ["gemeente__name"]
    # The bestuur notes and vacancy facts change only in the editor, where each save is
    # checked per object and audited; the admin shows them read-only.
    readonly_fields = [
        "bestuur",
        "vacancy",
        "archived_at",
        "lineage",
        "snapshot",
        "snapshot_at",
        "lock_version",
        "created_by",
        "updated_by",
        "finalised_by",
        "finalised_at",
    ]
