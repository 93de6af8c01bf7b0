from django.contrib import admin

from lodestar.reviews.models import Assignment, Conflict, RankingEntry, Review, ReviewSetup


@admin.register(ReviewSetup)
class ReviewSetupAdmin(admin.ModelAdmin):
    list_display = ["call", "experts_per_application", "max_load", "blind", "review_deadline"]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["expert", "application", "kind", "state", "decided_by"]
    list_filter = ["state", "kind"]
    raw_id_fields = ["expert", "application", "decided_by"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["expert", "application", "status", "source", "score"]
    list_filter = ["status", "source"]
    raw_id_fields = ["expert", "application"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["assignment", "status", "recommendation", "submitted_at"]
    list_filter = ["status", "recommendation"]
    raw_id_fields = ["assignment"]


@admin.register(RankingEntry)
class RankingEntryAdmin(admin.ModelAdmin):
    list_display = ["rank", "application", "calibrated", "mean", "reviews", "disagreement"]
    list_filter = ["call", "disagreement"]
    raw_id_fields = ["application"]
