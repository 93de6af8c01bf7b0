"""Consultation pages: the open consultations and their published contributions (anyone), sending a
contribution (signed in), what became of each (public), moderation and follow-ups (officers)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import parse_id
from lodestar.core.models import EdtArea
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import is_officer
from lodestar.engagement.actions import consultations as actions
from lodestar.engagement.forms import (
    ConsultationForm,
    ContributionForm,
    FollowUpForm,
    ModerateForm,
    OutcomeForm,
)
from lodestar.engagement.models import ChallengeMatch, Consultation, Contribution, Event, FollowUp
from lodestar.engagement.queries import public_contributions, reachable_contributions, reachable_follow_ups
from lodestar.engagement.views.common import acting, cleaned, form_page, officer_only
from lodestar.organisations.models import Organisation

PUBLIC_FOLLOW_UPS = Prefetch(
    "follow_ups", queryset=FollowUp.objects.exclude(status=wf.FollowUpStatus.DROPPED).order_by("due_on")
)


def _consultations(user: Any) -> QuerySet[Consultation]:
    if is_officer(user):
        return Consultation.objects.all()
    return Consultation.objects.filter(status__in=wf.CONSULTATION_WORKFLOW.groups["public"])


def consultation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/consultations.html",
        {
            "consultations": _consultations(request.user),
            "officer": is_officer(request.user),
        },
    )


def consultation(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(_consultations(request.user), pk=pk)
    contributions = (
        public_contributions()
        .filter(consultation=item)
        .select_related("person", "organisation")
        .prefetch_related(PUBLIC_FOLLOW_UPS)
    )
    page = Paginator(contributions, 30).get_page(request.GET.get("page"))
    form = ContributionForm(initial={"language": request.LANGUAGE_CODE})
    organisations = (
        Organisation.objects.filter(memberships__user=request.user) if request.user.is_authenticated else []
    )
    mine = (
        Contribution.objects.filter(consultation=item, author=request.user)
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "engagement/consultation.html",
        {
            "consultation": item,
            "page": page,
            "form": form,
            "organisations": organisations,
            "mine": mine,
            "officer": is_officer(request.user),
        },
    )


def _consultation_url(pk: int, *_args: object) -> str:
    return reverse("engagement:consultation", args=[pk])


@require_POST
@login_required
def contribute(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    item = get_object_or_404(_consultations(user), pk=pk)
    organisation = None
    if org_id := parse_id(request.POST.get("organisation")):
        organisation = get_object_or_404(Organisation.objects.filter(memberships__user=user), pk=org_id)
    return form_page(
        request,
        ContributionForm(request.POST),
        lambda data: actions.check_contribute(item, user, organisation=organisation, **data),
        saved=_("Thank you: your contribution waits for moderation."),
        then=lambda contribution: _contribution_url(contribution.pk),
        template="engagement/contribute.html",
        context={"consultation": item},
    )


def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        reachable_contributions(request.user).select_related("consultation", "person", "organisation"), pk=pk
    )
    officer = is_officer(request.user)
    matches = (
        ChallengeMatch.objects.filter(contribution=item).select_related("challenge__call")
        if item.consultation.matching_enabled
        else []
    )
    names = {a.code: a.name for a in EdtArea.objects.filter(code__in=[m["code"] for m in item.areas])}
    areas = [{**m, "name": names.get(m["code"], m["code"])} for m in item.areas]
    follow_ups = (
        item.follow_ups.all() if officer else item.follow_ups.exclude(status=wf.FollowUpStatus.DROPPED)
    )
    return render(
        request,
        "engagement/contribution.html",
        {
            "contribution": item,
            "matches": matches,
            "areas": areas,
            "follow_ups": follow_ups.select_related("owner"),
            "officer": officer,
            "own": request.user.is_authenticated and item.author_id == request.user.pk,
            "moderate_form": ModerateForm(),
            "outcome_form": OutcomeForm(initial={"outcome": item.outcome}),
            "follow_up_form": FollowUpForm(),
        },
    )


def outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    """What became of each published contribution (the accountability page)."""
    item = get_object_or_404(_consultations(request.user), pk=pk)
    contributions = (
        public_contributions()
        .filter(consultation=item)
        .select_related("person", "organisation")
        .prefetch_related(PUBLIC_FOLLOW_UPS)
    )
    page = Paginator(contributions, 50).get_page(request.GET.get("page"))
    return render(request, "engagement/outcomes.html", {"consultation": item, "page": page})


def _contribution_url(pk: int, *_args: object) -> str:
    return reverse("engagement:contribution", args=[pk])


@require_POST
@officer_only
@acting(_contribution_url)
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Contribution, pk=pk)
    data = cleaned(ModerateForm(request.POST), _("Choose to publish or to hide."))
    actions.check_moderate(item, signed_in_user(request), data["decision"] == "publish", data["reason"])
    messages.success(request, _("Saved."))
    return redirect("engagement:contribution", pk=pk)


@require_POST
@officer_only
@acting(_contribution_url)
def set_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Contribution, pk=pk)
    data = cleaned(OutcomeForm(request.POST), _("The text is too long (4,000 characters at most)."))
    actions.check_set_outcome(item, signed_in_user(request), data["outcome"])
    messages.success(request, _("Saved."))
    return redirect("engagement:contribution", pk=pk)


@require_POST
@officer_only
@acting(_contribution_url)
def rematch(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Contribution, pk=pk)
    n = actions.check_rematch(item, signed_in_user(request))
    messages.success(request, _("%(n)d challenges matched.") % {"n": n})
    return redirect("engagement:contribution", pk=pk)


@require_POST
@officer_only
@acting(_contribution_url)
def add_contribution_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Contribution, pk=pk)
    _add_follow_up(request, contribution=item)
    return redirect("engagement:contribution", pk=pk)


def _event_manage_url(pk: int, *_args: object) -> str:
    return reverse("engagement:manage_event", args=[pk])


@require_POST
@officer_only
@acting(_event_manage_url)
def add_event_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    _add_follow_up(request, event=get_object_or_404(Event, pk=pk))
    return redirect("engagement:manage_event", pk=pk)


def _add_follow_up(
    request: HttpRequest, *, event: Event | None = None, contribution: Contribution | None = None
) -> None:
    data = cleaned(
        FollowUpForm(request.POST), _("Give the action, its owner's e-mail address and a due date.")
    )
    actions.check_add_follow_up(
        signed_in_user(request),
        title=data["title"],
        owner_email=data["owner"],
        due_on=data["due_on"],
        event=event,
        contribution=contribution,
    )
    messages.success(request, _("The follow-up action is added."))


@login_required
def follow_ups(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    items = reachable_follow_ups(user).select_related("owner", "event", "contribution")
    status = request.GET.get("status", "pending")
    if status == "pending":
        items = items.filter(status__in=wf.FOLLOW_UP_PENDING)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    rows = [(f, wf.FOLLOW_UP_WORKFLOW.available(f, user)) for f in page]
    return render(
        request,
        "engagement/follow_ups.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "officer": is_officer(user),
        },
    )


def _follow_ups_url(*_args: object) -> str:
    return reverse("engagement:follow_ups")


@require_POST
@login_required
@acting(_follow_ups_url)
def move_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    item = get_object_or_404(reachable_follow_ups(user), pk=pk)
    actions.check_move_follow_up(item, request.POST.get("to", ""), user)
    messages.success(request, _("Saved."))
    return redirect("engagement:follow_ups")


@officer_only
def moderation(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Consultation, pk=pk)
    user = signed_in_user(request)
    waiting = item.contributions.filter(status=wf.ContributionStatus.SUBMITTED).select_related(
        "person", "organisation"
    )
    return render(
        request,
        "engagement/moderation.html",
        {
            "consultation": item,
            "waiting": waiting,
            "moves": wf.CONSULTATION_WORKFLOW.available(item, user),
            "hidden": item.contributions.filter(status=wf.ContributionStatus.HIDDEN).count(),
            "published": item.contributions.filter(status=wf.ContributionStatus.PUBLISHED).count(),
            "officer": True,
            "moderate_form": ModerateForm(),
        },
    )


def _moderation_url(pk: int, *_args: object) -> str:
    return reverse("engagement:moderation", args=[pk])


@require_POST
@officer_only
@acting(_moderation_url)
def move_consultation(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Consultation, pk=pk)
    actions.check_move_consultation(item, request.POST.get("to", ""), signed_in_user(request))
    messages.success(request, _("Saved."))
    return redirect("engagement:moderation", pk=pk)


@require_POST
@officer_only
def switch_matching(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Consultation, pk=pk)
    enabled = request.POST.get("enabled") == "1"
    actions.check_switch_matching(item, signed_in_user(request), enabled)
    messages.success(request, _("Matching is on.") if enabled else _("Matching is off."))
    return redirect("engagement:moderation", pk=pk)


@officer_only
def new_consultation(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return form_page(
        request,
        ConsultationForm(request.POST or None),
        lambda data: actions.check_create_consultation(user, **data),
        saved=_("The consultation is created as a draft."),
        then=lambda item: _moderation_url(item.pk),
        template="engagement/consultation_form.html",
        context={"officer": True},
    )
