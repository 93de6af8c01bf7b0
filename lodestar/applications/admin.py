from django.contrib import admin

from lodestar.applications.models import Application, Attachment, TeamMember


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["original_name", "size", "sha256", "uploaded_by", "uploaded_at"]
    exclude = ["file"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Status is read-only here: it changes through the workflow so that every move is audited."""

    list_display = ["id", "title", "organisation", "challenge", "status", "language", "submitted_at"]
    list_filter = ["status", "language", "challenge__call", "challenge", "eligibility_verdict"]
    search_fields = ["title", "organisation__legal_name"]
    readonly_fields = ["status", "submitted_at", "eligibility_verdict", "eligibility_report", "language"]
    list_select_related = ["organisation", "challenge"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["areas"]
    inlines = [TeamInline, AttachmentInline]


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "nation", "application"]
    search_fields = ["name"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "application", "size", "uploaded_at"]
    readonly_fields = ["original_name", "size", "sha256", "uploaded_by", "uploaded_at"]
    exclude = ["file"]
