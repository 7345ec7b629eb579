from django.contrib import admin

from secretaris.organisation.models import Organisation, StaffImport


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Beheerders see which organisatiebeelden exist; the figures stay on the page."""

    list_display = ["gemeente", "created_by", "created_at"]
    readonly_fields = ["gemeente", "created_by", "created_at", "mapping"]
    fields = readonly_fields + [
        "formatie_fte",
        "formatie_source",
        "satisfaction",
        "satisfaction_source",
        "satisfaction_year",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(StaffImport)
class StaffImportAdmin(admin.ModelAdmin):
    """Read-only: who imported what, when; the rows themselves are not shown."""

    list_display = ["organisation", "peildatum", "rows", "file_kind", "imported_by", "imported_at"]
    fields = ["organisation", "peildatum", "rows", "file_kind", "imported_by", "imported_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
