from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from lodestar.core.errors import error_text
from lodestar.core.lifecycle import TransitionNotAllowed
from lodestar.core.permissions import role_required
from lodestar.engagement.workflow import OFFICERS

officer_only = role_required(*OFFICERS, scope=None)

T = TypeVar("T")


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


def cleaned(form: BaseForm, refusal: str) -> dict[str, Any]:
    """The data of a form sent to an `acting` view; a form that does not validate is refused with
    `refusal`, which `acting` shows on the page the form was sent from."""
    if not form.is_valid():
        raise ValidationError(refusal)
    return form.cleaned_data


def form_page(
    request: HttpRequest,
    form: BaseForm,
    act: Callable[[dict[str, Any]], T],
    *,
    saved: str,
    then: Callable[[T], str],
    template: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page of a form that an action carries out. On a POST the form is validated and its
    cleaned data handed to `act`; the action's refusal (a ValidationError) becomes an error of the
    whole form, beside what the user typed. Done: the `saved` message and a redirect to the URL
    `then` makes of the action's result. Otherwise the page again (`template` with the form and
    `context`), 400 when the form carries errors. The permission check stays with the view, before
    it; a PermissionDenied from the action stays a 403."""
    if request.method == "POST" and form.is_valid():
        try:
            result = act(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, saved)
            return redirect(then(result))
    return render(request, template, {**(context or {}), "form": form}, status=400 if form.errors else 200)
