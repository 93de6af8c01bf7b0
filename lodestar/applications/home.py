"""The home page: open calls for everyone, one's own applications, and the calls staff follow."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lodestar.applications.models import Application
from lodestar.core.pagecache import cached_for_visitors
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.programmes.models import Call
from lodestar.programmes.queries import next_call_change


@cached_for_visitors(fresh_until=next_call_change)
def home(request: HttpRequest) -> HttpResponse:
    open_calls = (
        Call.objects.published().open_now().select_related("programme").prefetch_related("challenges")
    )
    context: dict[str, object] = {"open_calls": open_calls}
    if request.user.is_authenticated:
        context["my_applications"] = (
            Application.objects.filter(organisation__memberships__user=request.user)
            .select_related("challenge__call", "organisation")
            .order_by("-updated_at")[:5]
        )
        if request.user.is_programme_team:
            context["staff_calls"] = (
                Call.objects.for_role(request.user, PROGRAMME_TEAM)
                .select_related("programme")
                .order_by("-closes_at")[:6]
            )
    return render(request, "core/home.html", context)
