"""API authentication: a personal token (`Authorization: Bearer lsk_…`) or the browser session.

The role checks that endpoints make (`require_staff`...) live in core/api.py, beside the pager: the
apps' routers need them, and they may not import this package, which sits above them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from lodestar.accounts.actions import user_for_api_key


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_api_key(token)
        if user is not None:
            request.user = user
        return user


AUTH = [TokenAuth(), django_auth]
