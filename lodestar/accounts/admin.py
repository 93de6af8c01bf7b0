from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from lodestar.accounts.actions import do_grant_roles, do_revoke_role
from lodestar.accounts.models import RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    fields = ["role", "scope_kind", "scope_key", "granted_at"]
    readonly_fields = ["granted_at"]
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "language", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "role_grants__role", "language"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("full_name", "language", "time_zone")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [RoleGrantInline]

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: Any
    ) -> None:
        """Roles change through the accounts actions, so that every grant and revocation made here is
        in the user's audit trail like one made anywhere else."""
        if formset.model is not RoleGrant:
            super().save_formset(request, form, formset, change)
            return
        user = form.instance
        grants = formset.save(commit=False)
        for grant in formset.deleted_objects:
            do_revoke_role(user, grant.role, grant.scope, actor=request.user)
        for grant in grants:
            if grant.pk is not None:  # an edited row: the old grant goes, the new one comes
                old = RoleGrant.objects.get(pk=grant.pk)
                do_revoke_role(user, old.role, old.scope, actor=request.user)
            do_grant_roles(user, grant.role, scope=grant.scope, actor=request.user)
