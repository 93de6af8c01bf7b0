"""Staff pages of matching: run it, switch it off, misfiled applications, near-duplicates, search."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications import queries as application_queries
from lodestar.applications.models import Application
from lodestar.core.job_views import run_stage_job
from lodestar.core.permissions import staff_only
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.matching import actions, engine_adapter
from lodestar.matching.models import ChallengeFit, DuplicatePair
from lodestar.matching.queries import area_lookup, area_names
from lodestar.organisations.models import Organisation
from lodestar.programmes.queries import team_call


@staff_only
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    misfiled = list(
        ChallengeFit.objects.filter(application__challenge__call=call, misfiled=True)
        .select_related("application__organisation", "application__challenge", "best_challenge")
        .order_by("own_score")[:200]
    )
    areas = area_lookup()
    for fit in misfiled:
        fit.area_names = area_names(fit.explanation.get("areas", []), areas)  # type: ignore[attr-defined]
    duplicates = (
        DuplicatePair.objects.filter(call=call)
        .select_related(
            "first__organisation", "second__organisation", "first__challenge", "second__challenge"
        )
        .order_by("-similarity")[:200]
    )
    return render(
        request,
        "matching/overview.html",
        {
            "call": call,
            "job": actions.latest_job(call),
            "misfiled": misfiled,
            "duplicates": duplicates,
            "fit_count": ChallengeFit.objects.filter(application__challenge__call=call).count(),
        },
    )


@staff_only
@require_POST
def run(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    return run_stage_job(
        request,
        lambda actor: actions.check_run_matching(call, actor),
        actions.latest_job(call),
        reverse("matching:overview", args=[call.slug]),
        _("Matching is running; this page shows its progress."),
    )


@staff_only
@require_POST
def switch(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    enabled = request.POST.get("enabled") == "1"
    actions.do_switch_matching(call, signed_in_user(request), enabled)
    messages.success(
        request,
        _("AI matching is switched on for this call.")
        if enabled
        else _("AI matching is switched off for this call."),
    )
    return redirect("matching:overview", slug=call.slug)


@staff_only
def search(request: HttpRequest) -> HttpResponse:
    """One box across applications and organisations: an English query finds French texts and back."""
    query = request.GET.get("q", "").strip()[:300]
    context: dict[str, Any] = {"q": query}
    if query:
        # References, words in either language and meaning across languages (applications.queries);
        # a team of some programmes sees the hits in theirs.
        visible = Application.objects.for_role(signed_in_user(request), PROGRAMME_TEAM)
        found = application_queries.search(visible, query, limit=50)
        if len(found) == 1 and found[0].how == "reference":
            return redirect("staff:application", found[0].pk)
        applications = visible.select_related("organisation", "challenge__call").in_bulk(
            [f.pk for f in found]
        )
        context["applications"] = [
            {"object": applications[f.pk], "score": f.score, "terms": list(f.terms), "how": f.how}
            for f in found
            if f.pk in applications
        ]
        org_hits = engine_adapter.organisation_index().search(query, top_k=15, min_score=0.02)
        by_name = list(
            Organisation.objects.filter(legal_name__icontains=query[:100]).order_by("legal_name")[:15]
        )
        organisations = Organisation.objects.in_bulk([int(h.id) for h in org_hits])
        named = {o.pk for o in by_name}
        context["organisations"] = [
            {"object": o, "score": None, "terms": [], "how": "words"} for o in by_name
        ] + [
            {
                "object": organisations[int(h.id)],
                "score": h.score,
                "terms": [t for t, _w in h.explanation.terms[:6]],
                "how": "meaning",
            }
            for h in org_hits
            if int(h.id) in organisations and int(h.id) not in named
        ]
    return render(request, "matching/search.html", context)
