from django.contrib import admin

from lodestar.fund.models import (
    CashEvent,
    ChecklistTemplate,
    Deal,
    DealDocument,
    DealNote,
    DealTask,
    DiligenceItem,
    Finding,
    Fund,
    LimitedPartner,
    ListedName,
    Notice,
    Shareholding,
)


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ("name", "currency", "size", "term_years")


@admin.register(LimitedPartner)
class LimitedPartnerAdmin(admin.ModelAdmin):
    list_display = ("nation", "name", "commitment", "language")


@admin.register(CashEvent)
class CashEventAdmin(admin.ModelAdmin):
    list_display = ("kind", "number", "on", "amount")


@admin.register(Notice, Deal, Finding)
class ReadOnlyStatusAdmin(admin.ModelAdmin):
    """Statuses move only through transition(): the admin shows them read-only."""

    readonly_fields = ("status",)


admin.site.register(Shareholding)
admin.site.register(ListedName)


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "area", "required", "valid_days", "fund")
    list_filter = ("area", "required")


@admin.register(DiligenceItem)
class DiligenceItemAdmin(admin.ModelAdmin):
    list_display = ("title", "deal", "area", "status", "owner", "expires_on")
    list_filter = ("area", "status")
    readonly_fields = ("status",)  # moved by the checklist's actions only


@admin.register(DealTask)
class DealTaskAdmin(admin.ModelAdmin):
    list_display = ("title", "deal", "owner", "due", "status")
    readonly_fields = ("status",)


@admin.register(DealNote)
class DealNoteAdmin(admin.ModelAdmin):
    list_display = ("deal", "author", "created_at")


@admin.register(DealDocument)
class DealDocumentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "deal", "size", "uploaded_by", "uploaded_at")
    exclude = ("file",)  # served only through the checked view
