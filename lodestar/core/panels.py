"""Panels: how a higher app adds its part to a lower app's page without the lower app naming it.

A page that others may extend declares a `PanelSlot` (in its app's `panels.py`); each higher app
registers a panel in its `AppConfig.ready()`: a template and a function giving that template's context
for the object on the page (or None to show nothing). The page renders whatever is registered with
`{% render_panel panel %}`. So the staff application page shows matching's insights and the reviews
without `applications` importing `matching` or `reviews` (the layers contract in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.http import HttpRequest

T = TypeVar("T")

# Gives the panel's context for the object on the page, seen by the request's user; None hides it.
ContextBuilder = Callable[[HttpRequest, T], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    """One panel ready to render: its template and the context that template reads."""

    name: str
    template: str
    context: Mapping[str, Any]


@dataclass(frozen=True)
class _Registration(Generic[T]):
    name: str
    template: str
    build: ContextBuilder[T]
    order: int


class PanelSlot(Generic[T]):
    """A place on a page where higher apps add panels about the page's object (a `T`)."""

    def __init__(self, description: str) -> None:
        self.description = description
        self._registrations: dict[str, _Registration[T]] = {}

    def register(self, name: str, template: str, context: ContextBuilder[T], order: int = 100) -> None:
        """Add a panel, or replace the one of the same `name` (ready() may run more than once).
        Panels render by `order`, then by name, whatever the order of INSTALLED_APPS."""
        self._registrations[name] = _Registration(name, template, context, order)

    def panels(self, request: HttpRequest, obj: T) -> list[Panel]:
        """The panels to show for `obj`, each with its context built now."""
        shown = []
        for registration in sorted(self._registrations.values(), key=lambda r: (r.order, r.name)):
            context = registration.build(request, obj)
            if context is not None:
                shown.append(Panel(registration.name, registration.template, context))
        return shown
