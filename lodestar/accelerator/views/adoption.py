"""The road to adoption: the showcase where the nations' end users browse running cohorts (public
profiles and the results each company chose to share, never money), their interest, each adoption
case step by step, and the cohort's demo days with their invitations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import end_user_nations, runs_cohort, runs_cohorts, speaks_for
from lodestar.accelerator.actions import adoption as actions
from lodestar.accelerator.forms import AdvanceForm, DemoDayForm, InterestForm, InviteForm
from lodestar.accelerator.models import AdoptionCase, CohortCompany, DemoDay, DemoDayInvitation, target_of
from lodestar.accelerator.queries import cohorts as queries
from lodestar.core.errors import error_text
from lodestar.core.models import Audience, AuditEvent
from lodestar.core.nations import MEMBER_NATIONS
from lodestar.core.workflow import TransitionNotAllowed, describe_note, history


def _nations(request: HttpRequest) -> list[str]:
    nations = end_user_nations(request.user)
    return list(MEMBER_NATIONS) if "*" in nations else sorted(nations)


def _may_browse(request: HttpRequest) -> None:
    if not (end_user_nations(request.user) or runs_cohorts(request.user)):
        raise PermissionDenied


@login_required
def showcase(request: HttpRequest) -> HttpResponse:
    _may_browse(request)
    cohorts = queries.showcase_cohorts(request.user).select_related("call").order_by("-starts_on")
    invitations = DemoDayInvitation.objects.filter(
        invitee_id=request.user.pk, demo_day__held_on__gte=timezone.localdate()
    ).select_related("demo_day")
    return render(request, "accelerator/showcase.html", {"cohorts": cohorts, "invitations": invitations})


@login_required
def showcase_cohort(request: HttpRequest, pk: int) -> HttpResponse:
    _may_browse(request)
    cohort = get_object_or_404(queries.showcase_cohorts(request.user), pk=pk)
    nations = _nations(request)
    interested = set(
        AdoptionCase.objects.filter(company__cohort=cohort, nation__in=nations).values_list(
            "company_id", flat=True
        )
    )
    return render(
        request,
        "accelerator/showcase_cohort.html",
        {
            "cohort": cohort,
            "companies": queries.showcase(cohort),
            "nations": nations,
            "interested": interested,
            "interest_form": InterestForm(nations=nations) if nations else None,
        },
    )


@login_required
@require_POST
def interest(request: HttpRequest, company: int) -> HttpResponse:
    nations = _nations(request)
    if not nations:
        raise PermissionDenied
    place = get_object_or_404(CohortCompany.objects.select_related("cohort"), pk=company)
    if place.cohort.status != wf.CohortStatus.RUNNING:
        raise PermissionDenied
    form = InterestForm(request.POST, nations=nations)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("accelerator:showcase_cohort", place.cohort_id)
    try:
        case = actions.check_express_interest(
            place, request.user, form.cleaned_data["nation"], form.cleaned_data["need"]
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("accelerator:showcase_cohort", place.cohort_id)
    messages.success(request, _("Your interest is recorded; the company and the programme team see it."))
    return redirect("accelerator:case", case.pk)


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    found = (
        queries.visible_cases(request.user)
        .select_related("company__organisation", "company__cohort__call__programme")
        .order_by("-interest_on", "pk")[:300]
    )
    return render(request, "accelerator/cases.html", {"cases": found, "today": timezone.localdate()})


def _case(request: HttpRequest, pk: int) -> AdoptionCase:
    return get_object_or_404(
        queries.visible_cases(request.user).select_related(
            "company__organisation", "company__cohort__call__programme"
        ),
        pk=pk,
    )


def _company_only(case: AdoptionCase, user: Any) -> bool:
    return not runs_cohort(user, case.company.cohort) and not speaks_for(user, case.nation)


def _events(case: AdoptionCase, user: Any) -> list[AuditEvent]:
    """The case's history, each event with `shown_note`: the company's members (who neither run the
    cohort nor speak for the nation) read the shared notes only."""
    company_only = _company_only(case, user)
    events = list(history(case).order_by("at", "pk"))
    for event in events:
        event.shown_note = describe_note(event, shared_only=company_only)  # type: ignore[attr-defined]
    return events


@login_required
def case(request: HttpRequest, pk: int) -> HttpResponse:
    found = _case(request, pk)
    moves = found.workflow.available(found, request.user)
    return render(
        request,
        "accelerator/case.html",
        {
            "case": found,
            "moves": moves,
            "events": _events(found, request.user),
            "company_only": _company_only(found, request.user),
            "form": AdvanceForm(initial={"on": timezone.localdate()}),
            "target": target_of(found.company.cohort.call.programme),
            "days_open": found.days_open(timezone.localdate()),
            "route_step": wf.AdoptionStatus.ROUTE_CHOSEN,
            "contract_step": wf.AdoptionStatus.CONTRACT_SIGNED,
        },
    )


@login_required
@require_POST
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    found = _case(request, pk)
    if not found.workflow.available(found, request.user):
        raise PermissionDenied
    form = AdvanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("accelerator:case", found.pk)
    data = form.cleaned_data
    try:
        actions.check_advance(
            found,
            request.user,
            data["to"],
            on=data["on"],
            route=data["route"],
            contract_value=data["contract_value"],
            note=data["note"],
            audience=data["audience"] or Audience.INTERNAL,
        )
    except (ValidationError, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else str(exc))
    return redirect("accelerator:case", found.pk)


# --- Demo days -----------------------------------------------------------------------------------------


@login_required
def plan_demo_day(request: HttpRequest, pk: int) -> HttpResponse:
    if not runs_cohorts(request.user):
        raise PermissionDenied
    cohort = get_object_or_404(queries.team_cohorts(request.user), pk=pk)
    form = DemoDayForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                day = actions.check_plan_demo_day(cohort, request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                return redirect("accelerator:demo_day", day.pk)
        status = 400
    return render(request, "accelerator/demo_day_form.html", {"cohort": cohort, "form": form}, status=status)


def _demo_day(request: HttpRequest, pk: int) -> tuple[DemoDay, bool]:
    day = get_object_or_404(DemoDay.objects.select_related("cohort__call"), pk=pk)
    team = runs_cohort(request.user, day.cohort)
    if not team and not day.invitations.filter(invitee_id=request.user.pk).exists():
        raise PermissionDenied
    return day, team


@login_required
def demo_day(request: HttpRequest, pk: int) -> HttpResponse:
    day, team = _demo_day(request, pk)
    mine = day.invitations.filter(invitee_id=request.user.pk).first()
    return render(
        request,
        "accelerator/demo_day.html",
        {
            "day": day,
            "team": team,
            "mine": mine,
            "invitations": day.invitations.select_related("invitee") if team else [],
            "invite_form": InviteForm() if team else None,
            "companies": day.cohort.companies.select_related("organisation", "application__challenge"),
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    day, team = _demo_day(request, pk)
    if not team:
        raise PermissionDenied
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("accelerator:demo_day", day.pk)
    try:
        n = actions.check_invite(day, request.user, form.cleaned_data["nations"])
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(n)d end users invited.") % {"n": n})
    return redirect("accelerator:demo_day", day.pk)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(DemoDayInvitation, demo_day_id=pk, invitee_id=request.user.pk)
    try:
        actions.check_answer(invitation, request.user, request.POST.get("coming") == "1")
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    return redirect("accelerator:demo_day", pk)
