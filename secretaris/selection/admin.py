"""The admin shows procedures and who sits on which committee, nothing about candidates.

Candidates, their files, declarations and scorecards are deliberately not registered:
a beheerder who is not a member of a committee must not be able to read them here either.
"""

from django.contrib import admin

from secretaris.selection.models import Member, Procedure


class MemberInline(admin.TabularInline):
    model = Member
    fields = ["user", "role", "function", "invited_at", "confidentiality_accepted_at"]
    readonly_fields = ["invited_at", "confidentiality_accepted_at"]
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["title", "gemeente", "phase", "created_at", "ended_at"]
    list_filter = ["phase"]
    fields = ["title", "gemeente", "phase", "created_at", "ended_at"]
    readonly_fields = ["gemeente", "phase", "created_at", "ended_at"]
    inlines = [MemberInline]

    def has_add_permission(self, request):
        return False  # a procedure starts from a definitief profile, in the app
