"""Read-side helpers: what matching found about one application, shaped for pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lodestar.applications.models import Application
from lodestar.core.models import EdtArea
from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion


def area_lookup() -> dict[str, str]:
    """EDT area names by code in the active language: read once per page, then looked up per row."""
    return {a.code: a.name for a in EdtArea.objects.all()}


def area_names(codes: list[str], lookup: dict[str, str]) -> list[str]:
    return [lookup.get(code, code) for code in codes]


def application_insights(application: Application) -> dict[str, Any]:
    """Best challenge, near-duplicates and suggested experts, or nothing when matching is off."""
    if not application.call.matching_enabled:
        return {"matching_enabled": False}
    fit = ChallengeFit.objects.filter(application=application).select_related("best_challenge").first()
    duplicates = (
        DuplicatePair.objects.filter(Q(first=application) | Q(second=application))
        .select_related(
            "first__organisation", "second__organisation", "first__challenge__call", "second__challenge__call"
        )
        .order_by("-similarity")[:10]
    )
    suggestions = list(
        ExpertSuggestion.objects.filter(application=application)
        .select_related("expert")
        .order_by("rank")[:10]
    )
    areas = area_lookup()
    for suggestion in suggestions:
        suggestion.area_names = area_names(suggestion.explanation.get("areas", []), areas)  # type: ignore[attr-defined]
    return {
        "matching_enabled": True,
        "fit": fit,
        "fit_areas": area_names(fit.explanation.get("areas", []), areas) if fit else [],
        "duplicates": [
            {"pair": pair, "other": pair.second if pair.first_id == application.pk else pair.first}
            for pair in duplicates
        ],
        "suggestions": suggestions,
    }
