from django.contrib import admin

from lodestar.selection.models import Selection, SelectionEntry


class SelectionEntryInline(admin.TabularInline):
    model = SelectionEntry
    extra = 0
    raw_id_fields = ["application"]


@admin.register(Selection)
class SelectionAdmin(admin.ModelAdmin):
    list_display = ["call", "status", "objective", "cost", "created_at", "confirmed_at"]
    list_filter = ["status", "call"]
    inlines = [SelectionEntryInline]


@admin.register(SelectionEntry)
class SelectionEntryAdmin(admin.ModelAdmin):
    list_display = ["selection", "application", "rank", "chosen", "override"]
    raw_id_fields = ["application"]
