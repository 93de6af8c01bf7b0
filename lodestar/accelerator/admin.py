from django.contrib import admin

from lodestar.accelerator.models import (
    AdoptionCase,
    AdoptionTarget,
    Allowance,
    Blackout,
    Booking,
    Capability,
    Centre,
    Cohort,
    CohortCompany,
    DemoDay,
)


class CapabilityInline(admin.TabularInline):
    model = Capability
    extra = 0


class BlackoutInline(admin.TabularInline):
    model = Blackout
    extra = 0


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "nation", "city", "capacity", "needs_approval", "is_active")
    list_filter = ("kind", "nation", "needs_approval")
    search_fields = ("name", "city", "slug")
    inlines = [CapabilityInline, BlackoutInline]
    raw_id_fields = ("operator",)


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    # The status moves through the workflow only (actions.py): read-only here.
    list_display = ("centre", "organisation", "starts_on", "ends_on", "days", "status")
    list_filter = ("status",)
    readonly_fields = ("status", "uid", "sequence")
    raw_id_fields = ("centre", "organisation", "requested_by")


@admin.register(Allowance)
class AllowanceAdmin(admin.ModelAdmin):
    list_display = ("organisation", "year", "days")
    raw_id_fields = ("organisation",)


# Cohorts and adoption: statuses are read-only here; they move through the pages' actions (transition()).
@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("name_en", "call", "status", "starts_on", "ends_on")
    readonly_fields = ("status", "call", "selection")


@admin.register(CohortCompany)
class CohortCompanyAdmin(admin.ModelAdmin):
    list_display = ("organisation", "cohort", "phase")
    list_filter = ("cohort", "phase")
    raw_id_fields = ("application", "organisation")


@admin.register(AdoptionCase)
class AdoptionCaseAdmin(admin.ModelAdmin):
    list_display = ("company", "nation", "status", "interest_on", "contract_signed_on")
    list_filter = ("status", "nation")
    readonly_fields = ("status",)


@admin.register(DemoDay)
class DemoDayAdmin(admin.ModelAdmin):
    list_display = ("title_en", "cohort", "held_on", "place")


admin.site.register(AdoptionTarget)
