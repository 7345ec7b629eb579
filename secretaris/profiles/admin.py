from django.contrib import admin

from secretaris.profiles.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "number", "status", "updated_at", "updated_by"]
    list_filter = ["status"]
    search_fields = ["gemeente__name"]
    readonly_fields = [
        "lineage",
        "snapshot",
        "snapshot_at",
        "lock_version",
        "created_by",
        "updated_by",
        "finalised_by",
        "finalised_at",
    ]
