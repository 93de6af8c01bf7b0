from django.contrib import admin

from lodestar.reviews.models import (
    Assignment,
    Conflict,
    Employment,
    Expert,
    ExpertDocument,
    RankingEntry,
    Review,
    ReviewSetup,
    Selection,
    SelectionEntry,
)


class DocumentInline(admin.StackedInline):
    model = ExpertDocument
    extra = 0


class EmploymentInline(admin.TabularInline):
    model = Employment
    extra = 0


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "nation", "pool", "max_load", "available"]
    list_filter = ["pool", "nation", "available", "areas"]
    search_fields = ["full_name", "email", "organisation_name", "keywords"]
    filter_horizontal = ["areas"]
    raw_id_fields = ["user", "organisation"]
    inlines = [DocumentInline, EmploymentInline]


@admin.register(ExpertDocument)
class ExpertDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "expert", "kind", "year"]
    search_fields = ["title", "abstract"]
    raw_id_fields = ["expert"]


@admin.register(Employment)
class EmploymentAdmin(admin.ModelAdmin):
    list_display = ["expert", "organisation_name", "start_year", "end_year"]
    raw_id_fields = ["expert", "organisation"]


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
