"""Public pages: anyone, signed in or not, reads published calls and challenges in either language."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.core.pagecache import cached_for_visitors
from lodestar.programmes import eligibility
from lodestar.programmes.models import Call, Challenge
from lodestar.programmes.panels import challenge_actions
from lodestar.programmes.queries import next_call_change


@cached_for_visitors(fresh_until=next_call_change)
def call_list(request: HttpRequest) -> HttpResponse:
    calls = (
        Call.objects.published()
        .select_related("programme")
        .annotate(challenge_count=Count("challenges", distinct=True))
        .order_by("-closes_at")
    )
    return render(request, "programmes/call_list.html", {"calls": calls})


@cached_for_visitors(fresh_until=next_call_change)
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(
        Call.objects.published()
        .select_related("programme")
        .prefetch_related(
            Prefetch("challenges", queryset=Challenge.objects.prefetch_related("areas")), "phases", "rules"
        ),
        slug=slug,
    )
    return render(
        request,
        "programmes/call_detail.html",
        {
            "call": call,
            "criteria": eligibility.criteria(call),
            "challenge_panels": challenge_actions.panels(request, call),
        },
    )


@cached_for_visitors(fresh_until=next_call_change)
def challenge_detail(request: HttpRequest, slug: str, challenge: str) -> HttpResponse:
    call = get_object_or_404(Call.objects.published().select_related("programme"), slug=slug)
    item = get_object_or_404(call.challenges.prefetch_related("areas"), slug=challenge)
    return render(
        request,
        "programmes/challenge_detail.html",
        {"call": call, "challenge": item, "challenge_panels": challenge_actions.panels(request, call)},
    )
