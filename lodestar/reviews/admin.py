from django.contrib import admin

from lodestar.reviews.models import (
    Assignment,
    AssignmentRules,
    Conflict,
    ConflictRules,
    RankingEntry,
    Review,
    ReviewRules,
)


# The rules of each stage, one row per call. A call without a row runs on the defaults, so the
# admin may add one; the staff pages are the usual place to change them (they audit the change).
@admin.register(ConflictRules)
class ConflictRulesAdmin(admin.ModelAdmin):
    list_display = ["call", "same_nation"]
    list_filter = ["same_nation"]


@admin.register(AssignmentRules)
class AssignmentRulesAdmin(admin.ModelAdmin):
    list_display = ["call", "experts_per_application", "min_load", "max_load", "min_business", "fair"]


@admin.register(ReviewRules)
class ReviewRulesAdmin(admin.ModelAdmin):
    list_display = ["call", "review_deadline", "blind", "share_comments"]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["expert", "application", "kind", "state", "decided_by"]
    list_filter = ["state", "kind"]
    raw_id_fields = ["expert", "application", "decided_by"]
    readonly_fields = ["state"]  # moves go through core.workflow.transition(), audited


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["expert", "application", "status", "source", "score"]
    list_filter = ["status", "source"]
    raw_id_fields = ["expert", "application"]
    readonly_fields = ["status"]  # moves go through core.workflow.transition(), audited


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["assignment", "status", "recommendation", "submitted_at"]
    list_filter = ["status", "recommendation"]
    raw_id_fields = ["assignment"]
    readonly_fields = ["status"]  # moves go through core.workflow.transition(), audited


@admin.register(RankingEntry)
class RankingEntryAdmin(admin.ModelAdmin):
    list_display = ["rank", "application", "calibrated", "mean", "reviews", "disagreement"]
    list_filter = ["call", "disagreement"]
    raw_id_fields = ["application"]
