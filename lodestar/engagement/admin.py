from django.contrib import admin

from lodestar.engagement.models import (
    AgendaItem,
    Consent,
    Consultation,
    Contribution,
    DuplicatePair,
    Event,
    FollowUp,
    Invitation,
    Person,
    Profile,
    Registration,
    Relationship,
)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title_en", "kind", "starts_at", "capacity", "status")
    list_filter = ("kind", "status")
    search_fields = ("title_en", "title_fr")
    readonly_fields = ("status", "uid", "sequence")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("event", "person", "status", "attended", "created_at")
    list_filter = ("status",)
    readonly_fields = ("status",)
    raw_id_fields = ("event", "person", "user")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "email", "organisation", "nation", "erased_at")
    search_fields = ("full_name", "email")
    raw_id_fields = ("user", "organisation")


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("title_en", "closes_on", "status")
    readonly_fields = ("status",)


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ("title", "consultation", "kind", "status", "created_at")
    list_filter = ("status", "kind")
    readonly_fields = ("status",)
    raw_id_fields = ("author", "person", "organisation")


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "due_on", "status")
    readonly_fields = ("status",)


@admin.register(DuplicatePair)
class DuplicatePairAdmin(admin.ModelAdmin):
    list_display = ("first", "second", "score", "status")
    readonly_fields = ("status",)
    raw_id_fields = ("first", "second")


admin.site.register([AgendaItem, Consent, Invitation, Profile, Relationship])
