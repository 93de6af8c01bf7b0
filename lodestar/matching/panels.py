"""What matching adds to other apps' pages (core/panels.py); registered by MatchingConfig.ready()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from lodestar.applications.models import Application
from lodestar.applications.panels import staff_application
from lodestar.matching.queries import application_insights


def insights_panel(request: HttpRequest, application: Application) -> Mapping[str, Any]:
    """Best challenge, near-duplicates and suggested experts (or a note that matching is off)."""
    return {"insights": application_insights(application)}


def register() -> None:
    staff_application.register("matching.insights", "matching/_insights.html", insights_panel, order=10)
