"""The programmes' API: published calls and their challenges, open to anyone (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.programmes.models import Call, Challenge

router = Router(tags=["calls"])


class ChallengeOut(Schema):
    id: int
    slug: str
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str
    areas: list[str]


class CallOut(Schema):
    slug: str
    programme: str
    title_en: str
    title_fr: str
    opens_at: datetime
    closes_at: datetime
    is_open: bool
    max_grant: Decimal
    eligible_nations: list[str]
    challenges: list[ChallengeOut]


def _call_out(call: Call) -> dict[str, Any]:
    return {
        "slug": call.slug,
        "programme": call.programme.name_en,
        "title_en": call.title_en,
        "title_fr": call.title_fr,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "is_open": call.is_open(),
        "max_grant": call.max_grant,
        "eligible_nations": call.eligible_nations,
        "challenges": [
            {
                "id": c.pk,
                "slug": c.slug,
                "title_en": c.title_en,
                "title_fr": c.title_fr,
                "summary_en": c.summary_en,
                "summary_fr": c.summary_fr,
                "areas": [a.code for a in c.areas.all()],
            }
            for c in call.challenges.all()
        ],
    }


def _calls() -> QuerySet[Call]:
    return (
        Call.objects.published()
        .select_related("programme")
        .prefetch_related(Prefetch("challenges", queryset=Challenge.objects.prefetch_related("areas")))
    )


@router.get("/calls", response=list[CallOut], auth=None)
def list_calls(request: HttpRequest) -> list[dict[str, Any]]:
    """Published calls with their challenges, in both languages (no authentication needed)."""
    return [_call_out(c) for c in _calls().order_by("-closes_at")]


@router.get("/calls/{slug}", response=CallOut, auth=None)
def get_call(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _call_out(get_object_or_404(_calls(), slug=slug))
