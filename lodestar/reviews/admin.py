from django.contrib import admin

from lodestar.reviews.models import Employment, Expert, ExpertDocument


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
    inlines = [DocumentInline, EmploymentInline]


@admin.register(ExpertDocument)
class ExpertDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "expert", "kind", "year"]
    search_fields = ["title", "abstract"]


@admin.register(Employment)
class EmploymentAdmin(admin.ModelAdmin):
    list_display = ["expert", "organisation_name", "start_year", "end_year"]
