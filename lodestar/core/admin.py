from django.contrib import admin

from lodestar.core.models import AuditEvent, EdtArea, Job


@admin.register(EdtArea)
class EdtAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "position"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail is read-only, even for administrators."""

    list_display = ["at", "action", "content_type", "object_id", "actor", "from_state", "to_state"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_id", "note", "actor__email"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "status", "progress", "total", "created_by", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["status", "error", "result"]  # the platform moves a job (core/jobs.py)
