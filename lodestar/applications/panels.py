"""Panels of applications (core/panels.py): the places on its pages where later stages add theirs,
and what it adds to the programmes' pages (registered by ApplicationsConfig.ready())."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from lodestar.applications.models import Application
from lodestar.core.mail import letters_about
from lodestar.core.panels import PanelSlot
from lodestar.programmes.models import Call
from lodestar.programmes.panels import challenge_actions

# The staff page of one application: matching adds its insights, reviews the experts' reviews.
staff_application = PanelSlot[Application]("the staff page of an application")


def apply_panel(request: HttpRequest, call: Call) -> Mapping[str, Any]:
    """The apply button under each challenge, with the signed-in user's own applications to it
    (read once for the whole call, keyed by challenge id)."""
    if not request.user.is_authenticated:
        return {"my_applications": {}}
    mine = Application.objects.filter(
        challenge__call=call, organisation__memberships__user=request.user
    ).select_related("organisation")
    by_challenge: dict[int, list[Application]] = {}
    for application in mine:
        by_challenge.setdefault(application.challenge_id, []).append(application)
    return {"my_applications": by_challenge}


def letters_panel(request: HttpRequest, application: Application) -> Mapping[str, Any]:
    """Every letter written about the application (confirmations, decisions): to whom, when, which,
    in which language, and those the mail server refused, with why. On the staff page only."""
    return {"letters": list(letters_about(application)[:50])}


def register() -> None:
    challenge_actions.register("applications.apply", "applications/_apply.html", apply_panel)
    staff_application.register("applications.letters", "applications/_letters.html", letters_panel, order=90)
