from django.contrib import admin

from lodestar.experts.models import ConflictDeclaration, Employment, Expert, ExpertDocument


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


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(admin.ModelAdmin):
    list_display = ["name", "expert", "application", "declared_by", "created_at"]
    raw_id_fields = ["expert", "application", "declared_by"]
