from django.contrib import admin

from lodestar.radar.models import Blip, Document, Edition, Radar, Suggestion


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "published", "kind"]
    list_filter = ["language", "kind"]
    search_fields = ["title"]
    readonly_fields = ["text_hash", "reading"]


@admin.register(Radar)
class RadarAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    # Rings are set when the radar is made (the editions page checks them); changing keys here would
    # strand the blips placed in them.
    readonly_fields = ["rings"]


class BlipInline(admin.TabularInline):
    model = Blip
    fields = ["name", "area", "ring", "rationale"]
    extra = 0


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["name", "radar", "status", "published_on"]
    # The state moves only through the edition page's Publish (core.workflow.transition).
    readonly_fields = ["status", "published_on"]
    inlines = [BlipInline]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["key", "area", "status", "created_at"]
    readonly_fields = ["status", "blip", "statistic"]
