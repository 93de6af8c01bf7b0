from typing import Any

from django.contrib import admin

from lodestar.partnerships.models import (
    CoDirector,
    EndUser,
    Mechanism,
    NationVote,
    PartnerCall,
    PartnerNation,
    PartnerRule,
    Proposal,
)


@admin.register(PartnerNation)
class PartnerNationAdmin(admin.ModelAdmin):
    list_display = ("code", "since", "is_active")


@admin.register(Mechanism)
class MechanismAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "kind", "two_stage", "min_amount", "max_amount")


class PartnerRuleInline(admin.TabularInline):
    model = PartnerRule
    extra = 0


@admin.register(PartnerCall)
class PartnerCallAdmin(admin.ModelAdmin):
    list_display = ("call", "short_closes_at", "quorum")
    filter_horizontal = ("partner_nations", "mechanisms")
    inlines = [PartnerRuleInline]


class CoDirectorInline(admin.TabularInline):
    model = CoDirector
    extra = 0


class EndUserInline(admin.TabularInline):
    model = EndUser
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    # Status moves only through the workflow (core.workflow.transition), never from the admin.
    list_display = ("reference", "organisation", "mechanism", "status")
    list_filter = ("status", "mechanism")
    readonly_fields = ("status", "application", "eligibility_report", "minutes", "decided_at")
    inlines = [CoDirectorInline, EndUserInline]


@admin.register(NationVote)
class NationVoteAdmin(admin.ModelAdmin):
    list_display = ("proposal", "nation", "choice", "voter", "cast_at")

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # a nation's vote is final once cast
