from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from lodestar.core.errors import error_text
from lodestar.core.lifecycle import TransitionNotAllowed
from lodestar.core.permissions import role_required
from lodestar.engagement.workflow import OFFICERS

officer_only = role_required(*OFFICERS, scope=None)


def acting(back: Callable[..., str]) -> Callable[..., Any]:
    """A POST view whose refusals (ValidationError, a refused move) come back as a message on the
    page it was sent from, in the user's language; a PermissionDenied stays a 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except (ValidationError, TransitionNotAllowed) as exc:
                messages.error(request, error_text(exc))
                return redirect(back(*args, **kwargs))
            except PermissionDenied:
                raise

        return wrapped

    return decorator
