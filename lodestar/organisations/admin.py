from django.contrib import admin

from lodestar.organisations.models import Membership, Organisation, Shareholder


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class ShareholderInline(admin.TabularInline):
    model = Shareholder
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["legal_name", "headquarters_nation", "kind", "year_founded", "employees"]
    list_filter = ["kind", "headquarters_nation", "areas"]
    search_fields = ["legal_name", "description"]
    filter_horizontal = ["areas"]
    inlines = [MembershipInline, ShareholderInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "joined_at"]
    search_fields = ["user__email", "organisation__legal_name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Shareholder)
class ShareholderAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "nation", "percentage"]
    list_filter = ["nation"]
    search_fields = ["name", "organisation__legal_name"]
