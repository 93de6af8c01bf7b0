from django.contrib import admin

from lodestar.selection.models import Selection, SelectionEntry, SelectionRules


@admin.register(SelectionRules)
class SelectionRulesAdmin(admin.ModelAdmin):
    """One row per call once the director changed its rules; the rules page audits the change."""

    list_display = [
        "call",
        "budget",
        "min_per_challenge",
        "max_per_challenge",
        "max_nation_share",
        "min_nations",
    ]


class SelectionEntryInline(admin.TabularInline):
    model = SelectionEntry
    extra = 0
    raw_id_fields = ["application"]


@admin.register(Selection)
class SelectionAdmin(admin.ModelAdmin):
    list_display = ["call", "status", "objective", "cost", "created_at", "confirmed_at"]
    list_filter = ["status", "call"]
    readonly_fields = ["status"]  # moves go through core.workflow.transition(), audited
    inlines = [SelectionEntryInline]


@admin.register(SelectionEntry)
class SelectionEntryAdmin(admin.ModelAdmin):
    list_display = ["selection", "application", "rank", "chosen", "override"]
    raw_id_fields = ["application"]
