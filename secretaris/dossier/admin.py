from django.contrib import admin

from secretaris.dossier.models import Benchmark, Gemeente, Source


class ReadOnlyAdmin(admin.ModelAdmin):
    """Open data is loaded by `secretaris data load`; the admin only shows it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Gemeente)
class GemeenteAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "province", "corop_name", "is_corop_centre"]
    list_filter = ["province", "is_corop_centre"]
    search_fields = ["code", "name"]


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ["key", "publisher", "title", "licence"]


@admin.register(Benchmark)
class BenchmarkAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "scope", "year", "value", "unit"]
    list_filter = ["indicator", "year"]
