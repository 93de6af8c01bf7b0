"""The expert pool's API: the pool for staff, and each expert's own profile (mounted by lodestar.api)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import Rows, caller, paged, require_staff
from lodestar.experts.models import Expert

router = Router(tags=["experts"])


class ExpertOut(Schema):
    id: int
    full_name: str
    email: str
    nation: str
    organisation: str
    pool: str
    max_load: int
    available: bool
    review_languages: list[str]
    areas: list[str]


def _expert_out(expert: Expert) -> dict[str, Any]:
    return {
        "id": expert.pk,
        "full_name": expert.full_name,
        "email": expert.email,
        "nation": expert.nation,
        "organisation": expert.organisation_name,
        "pool": expert.pool,
        "max_load": expert.max_load,
        "available": expert.available,
        "review_languages": expert.review_languages,
        "areas": [a.code for a in expert.areas.all()],
    }


@router.get("/experts", response=list[ExpertOut])
@paged
def list_experts(request: HttpRequest) -> Rows:
    require_staff(request)
    return Rows(Expert.objects.prefetch_related("areas").order_by("pk"), _expert_out)


# Declared before /experts/{expert_id}; "me" never reads as an id anyway (the id is an int).
@router.get("/experts/me", response=ExpertOut)
def my_expert_profile(request: HttpRequest) -> dict[str, Any]:
    return _expert_out(get_object_or_404(Expert.objects.prefetch_related("areas"), user=caller(request)))


@router.get("/experts/{expert_id}", response=ExpertOut)
def get_expert(request: HttpRequest, expert_id: int) -> dict[str, Any]:
    require_staff(request)
    return _expert_out(get_object_or_404(Expert.objects.prefetch_related("areas"), pk=expert_id))
