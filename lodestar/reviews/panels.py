"""What the review stages add to lower apps' pages (core/panels.py); registered by ReviewsConfig.ready()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.applications.panels import staff_application
from lodestar.experts.models import Expert
from lodestar.experts.panels import staff_expert
from lodestar.reviews.models import Conflict
from lodestar.reviews.views.ranking import application_reviews


def reviews_panel(request: HttpRequest, application: Application) -> Mapping[str, Any] | None:
    """The experts' reviews and the ranking entry; reviews exist from the publication of the
    assignment on, so nothing before."""
    if application.status not in wf.REVIEWED:
        return None
    return application_reviews(application)


def expert_conflicts_panel(request: HttpRequest, expert: Expert) -> Mapping[str, Any]:
    """The expert's conflicts of interest in every call, undecided first."""
    conflicts = (
        Conflict.objects.filter(expert=expert)
        .select_related("application__organisation", "application__challenge__call")
        .order_by("state", "-created_at")[:100]
    )
    return {"conflicts": conflicts}


def register() -> None:
    staff_application.register("reviews.reviews", "reviews/ranking/_reviews.html", reviews_panel, order=20)
    staff_expert.register(
        "reviews.conflicts", "reviews/conflicts/_expert_conflicts.html", expert_conflicts_panel, order=10
    )
