"""The request's user as Lodestar's `User`: for views that pass it on to actions typed with it.

It lives here, not in core, because core does not know the accounts app (pyproject.toml's contracts).
"""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest

from lodestar.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, for views already behind `login_required` (or a role check)."""
    return cast(User, request.user)
