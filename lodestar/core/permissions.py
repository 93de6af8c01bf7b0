"""Permission decorators for views. Object-level checks live in querysets (`visible_to`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from lodestar.core.roles import PROGRAMME_TEAM

View = Callable[..., HttpResponseBase]


def role_required(*roles: str) -> Callable[[View], View]:
    """Signed in and holding one of `roles`; otherwise the login page, or 403 when signed in."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.has_role(*roles):  # type: ignore[union-attr]
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def staff_only(view: View) -> View:
    """Programme staff, director and administrators."""
    return role_required(*PROGRAMME_TEAM)(view)


def require_programme_team(actor: Any, message: str = "") -> None:
    """For actions: refuse anyone who is not programme staff, director or administrator."""
    if not (getattr(actor, "is_authenticated", False) and actor.is_programme_team):
        raise PermissionDenied(message or _("Only programme staff may do this."))
