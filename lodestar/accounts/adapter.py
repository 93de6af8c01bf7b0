from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
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

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Letters greet with the platform's name and address (settings.SITE_NAME, SITE_URL), not with
        whatever host the request came through ("Hello from 127.0.0.1:8000!")."""
        site = SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {**context, "current_site": site})
