"""API authentication: a personal token (`Authorization: Bearer lsk_…`) or the browser session."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from lodestar.accounts.actions import user_for_api_key
from lodestar.core.roles import PROGRAMME_TEAM, Role


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_api_key(token)
        if user is not None:
            request.user = user
        return user


AUTH = [TokenAuth(), django_auth]


def require_staff(request: HttpRequest) -> Any:
    user: Any = request.auth  # type: ignore[attr-defined]
    if not user.has_role(*PROGRAMME_TEAM):
        raise PermissionDenied
    return user


def require_director(request: HttpRequest) -> Any:
    user: Any = request.auth  # type: ignore[attr-defined]
    if not user.has_role(Role.PROGRAMME_DIRECTOR, Role.ADMINISTRATOR):
        raise PermissionDenied
    return user
