from django.contrib import admin

from secretaris.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only: the state of each background job, for the beheerder."""

    list_display = ["label", "status", "attempts", "started_by", "created_at", "finished_at"]
    list_filter = ["status", "function"]
    search_fields = ["label", "subject"]
    # Arguments stay out of sight: pass ids, never secrets (see queue.py).
    exclude = ["kwargs"]
    readonly_fields = [f.name for f in Job._meta.fields if f.name != "kwargs"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
