from django.contrib import admin

from lodestar.programmes.models import Call, Challenge, EligibilityRule, Phase, Programme


class PhaseInline(admin.StackedInline):
    model = Phase
    extra = 0


class ChallengeInline(admin.StackedInline):
    model = Challenge
    extra = 0
    filter_horizontal = ["areas"]


class RuleInline(admin.TabularInline):
    model = EligibilityRule
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title_en", "programme", "opens_at", "closes_at", "is_published", "matching_enabled"]
    list_filter = ["programme", "is_published"]
    search_fields = ["title_en", "title_fr"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [PhaseInline, ChallengeInline, RuleInline]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_fr", "call", "position"]
    list_filter = ["call"]
    filter_horizontal = ["areas"]


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["name_en", "call", "duration_months", "grant"]


@admin.register(EligibilityRule)
class EligibilityRuleAdmin(admin.ModelAdmin):
    list_display = ["call", "code", "when_failed", "message_en"]
    list_filter = ["call", "code"]
