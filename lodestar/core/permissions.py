"""Permission checks for views and actions. Object-level checks live in querysets (`visible_to`,
`for_role`): a page looks its object up among those the user may reach, so anything else is a 404.

A role may be held for one programme only (`core.roles`). The decorators are the first gate (holds
the role somewhere); the view then fetches the call through `Call.objects.for_role(user, ...)`, and
the action checks the role for the object it changes (`require_programme_team(actor, on=call)`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from lodestar.core.roles import ANYWHERE, DIRECTORS, PROGRAMME_TEAM, REVIEWERS, Where

View = Callable[..., HttpResponseBase]


def role_required(*roles: str, scope: Where = ANYWHERE) -> Callable[[View], View]:
    """Signed in and holding one of `roles` at `scope` (by default: anywhere, the view then
    narrows to the objects the role is held for); otherwise the login page, or 403 when signed in."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.has_role(*roles, scope=scope):  # type: ignore[union-attr]
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# The first gates of the staff pages: the role held for some programme (the view then narrows).
staff_only = role_required(*PROGRAMME_TEAM)
director_only = role_required(*DIRECTORS)
# Experts hold their role globally; what they may open is what is assigned to them.
expert_only = role_required(*REVIEWERS, scope=None)


def may_act(actor: Any, roles: Iterable[str], on: Where) -> bool:
    """For actions and workflow guards: `actor` is signed in and holds one of `roles` at `on`."""
    return bool(getattr(actor, "is_authenticated", False) and actor.has_role(*roles, scope=on))


def require_programme_team(actor: Any, message: str = "", *, on: Where) -> None:
    """For actions: refuse anyone not on the programme team of `on` (a call, an application, or
    ANYWHERE for what belongs to no programme, such as the expert pool)."""
    if not may_act(actor, PROGRAMME_TEAM, on):
        raise PermissionDenied(message or _("Only programme staff may do this."))
