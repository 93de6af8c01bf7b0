from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from lodestar.accounts.actions import do_grant_roles
from lodestar.core.i18n import current_language
from lodestar.core.roles import Role


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up is an applicant; staff roles are granted by an administrator."""

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        user.language = current_language()
        user.full_name = form.cleaned_data.get("full_name", "")
        if commit:
            user.save()
            do_grant_roles(user, Role.APPLICANT)
        return user
