from django.contrib import admin

from lodestar.fund.models import (
    CashEvent,
    Deal,
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
