"""Staff pages of expert assignment: its rules and the review rules, the run with its progress, the
proposed assignment with explanations and weak matches, changes by hand, publication."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.errors import error_text, parse_id
from lodestar.core.job_views import run_stage_job
from lodestar.core.models import Job
from lodestar.core.permissions import staff_only
from lodestar.core.workflow import history
from lodestar.experts.models import Expert
from lodestar.matching.models import ExpertSuggestion
from lodestar.matching.queries import area_lookup
from lodestar.programmes.models import Call
from lodestar.programmes.queries import team_call
from lodestar.reviews import eligibility
from lodestar.reviews import workflow as rwf
from lodestar.reviews.actions import assignment as actions
from lodestar.reviews.actions import rubric
from lodestar.reviews.eligibility import expert_cap, held_loads
from lodestar.reviews.engine_adapter import assignment as adapter
from lodestar.reviews.engine_adapter.diagnosis import describe_reasons, expert_ids_in
from lodestar.reviews.forms import AssignmentRulesForm, CriterionFormSet, ExpertChoiceForm, ReviewRulesForm
from lodestar.reviews.models import Assignment, AssignmentRules
from lodestar.reviews.models.rules import assignment_rules, review_rules

PAGE_SIZE = 25
# Applications whose experts may still change.
IN_ASSIGNMENT = actions.REASSIGNABLE


def _decorate(
    assignment: Assignment, setup: AssignmentRules, loads: dict[int, int], areas: dict[str, str]
) -> None:
    """What the row shows beside the expert: weak flag, load and cap, area names."""
    assignment.weak = assignment.score < setup.weak_match  # type: ignore[attr-defined]
    assignment.changeable = assignment.status in rwf.CHANGEABLE  # type: ignore[attr-defined]
    assignment.load = loads.get(assignment.expert_id, 0)  # type: ignore[attr-defined]
    assignment.cap = expert_cap(setup, assignment.expert)  # type: ignore[attr-defined]
    codes = assignment.explanation.get("areas", []) if assignment.explanation else []
    assignment.area_names = [areas.get(c, c) for c in codes]  # type: ignore[attr-defined]


def job_diagnosis(job: Any) -> list[str]:
    """The last run's reasons in the reader's language, or nothing when it found an assignment."""
    if job is None or job.status != Job.Status.DONE or job.result.get("feasible", True):
        return []
    reasons = job.result.get("reasons", [])
    names = dict(Expert.objects.filter(pk__in=expert_ids_in(reasons)).values_list("pk", "full_name"))
    return describe_reasons(reasons, job.result.get("rules", {}), names)


def _applications(
    call: Call, params: Any, setup: AssignmentRules
) -> tuple[QuerySet[Application], dict[str, str]]:
    filters = {key: params.get(key, "").strip() for key in ("challenge", "show")}
    live = Q(assignments__status__in=actions.LIVE)
    qs = Application.objects.filter(challenge__call=call, status__in=IN_ASSIGNMENT).annotate(
        held=Count("assignments", filter=live), weakest=Min("assignments__score", filter=live)
    )
    if (challenge_id := parse_id(filters["challenge"])) is not None:
        qs = qs.filter(challenge_id=challenge_id)
    if filters["show"] == "weak":
        qs = qs.filter(weakest__lt=setup.weak_match)
    elif filters["show"] == "short":
        qs = qs.filter(held__lt=setup.experts_per_application)
    rows = Assignment.objects.filter(status__in=actions.LIVE).select_related("expert").order_by("-score")
    qs = qs.select_related("organisation", "challenge").prefetch_related(
        Prefetch("assignments", queryset=rows, to_attr="live")
    )
    return qs.order_by("pk"), filters


@staff_only
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    setup = assignment_rules(call)
    qs, filters = _applications(call, request.GET, setup)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    loads = held_loads(call, actions.LIVE)
    areas = area_lookup()
    for application in page:
        for assignment in application.live:  # type: ignore[attr-defined]
            _decorate(assignment, setup, loads, areas)
        # Ticked for publication: waiting for it, with its proposed experts.
        application.publishable = application.status == wf.ELIGIBLE and any(  # type: ignore[attr-defined]
            a.changeable
            for a in application.live  # type: ignore[attr-defined]
        )
    by_status = dict(
        Assignment.objects.filter(application__challenge__call=call)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    load_rows = [
        {"expert": e, "load": loads[e.pk], "cap": expert_cap(setup, e)}
        for e in Expert.objects.filter(pk__in=list(loads)).order_by("full_name")
    ]
    job = actions.latest_job(call)
    return render(
        request,
        "reviews/assignment/overview.html",
        {
            "call": call,
            "setup": setup,
            "review_rules": review_rules(call),
            "published_at": actions.publication_time(call),
            "job": job,
            "diagnosis": job_diagnosis(job),
            "page": page,
            "filters": filters,
            "here": request.GET.urlencode(),
            "challenges": call.challenges.all(),
            "proposed": by_status.get(Assignment.Status.PROPOSED, 0),
            "active": by_status.get(Assignment.Status.ACTIVE, 0),
            "declined": by_status.get(Assignment.Status.DECLINED, 0),
            "eligible": Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE).count(),
            "short": adapter.applications_short_of_experts(call, setup),
            "load_rows": sorted(load_rows, key=lambda r: (-r["load"], r["expert"].full_name)),
        },
    )


@staff_only
def edit_setup(request: HttpRequest, slug: str) -> HttpResponse:
    """The assignment rules (the review rules have their own page, `edit_rubric`)."""
    call = team_call(signed_in_user(request), slug)
    form = AssignmentRulesForm(request.POST or None, instance=assignment_rules(call))
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_update_assignment_rules(call, signed_in_user(request), form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("The assignment rules are saved."))
            return redirect("reviews:overview", slug=call.slug)
    return render(request, "reviews/assignment/setup.html", {"call": call, "form": form})


@staff_only
def edit_rubric(request: HttpRequest, slug: str) -> HttpResponse:
    """The review rules: deadline, blind review, comments in letters, and the criteria experts score
    with their weights. Once a review is submitted the criteria are shown, not offered for change;
    a page opened before that still posts them, and the action refuses them if they differ."""
    call = team_call(signed_in_user(request), slug)
    user = signed_in_user(request)
    rules = review_rules(call)
    fixed = rubric.criteria_fixed(call)
    posts_criteria = request.method == "POST" and "criteria-TOTAL_FORMS" in request.POST
    form = ReviewRulesForm(
        request.POST or None, instance=rules, may_share=rubric.may_share_comments(user, call)
    )
    formset = CriterionFormSet(
        request.POST if posts_criteria else None, prefix="criteria", initial=list(rules.criteria)
    )
    if request.method == "POST" and form.is_valid() and (not posts_criteria or formset.is_valid()):
        criteria = None
        if posts_criteria:
            criteria = [
                rubric.Criterion(
                    code=f.cleaned_data.get("code") or "",
                    en=f.cleaned_data["en"],
                    fr=f.cleaned_data["fr"],
                    weight=f.cleaned_data["weight"],
                )
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
        fields = {name: form.cleaned_data[name] for name in rubric.RULE_FIELDS}
        try:
            rubric.check_update_review_rules(call, user, fields, criteria)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The review rules are saved."))
            return redirect("reviews:overview", slug=call.slug)
    return render(
        request,
        "reviews/assignment/rubric.html",
        {"call": call, "form": form, "formset": formset, "fixed": fixed, "criteria": rules.criteria},
    )


@staff_only
@require_POST
def run(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    if call.is_open():
        messages.warning(request, open_call_warning(call))
    return run_stage_job(
        request,
        lambda actor: actions.check_run_assignment(call, actor),
        actions.latest_job(call),
        reverse("reviews:overview", args=[call.slug]),
        _("The assignment is running; this page shows its progress."),
    )


def open_call_warning(call: Call) -> str:
    return _(
        "The call is still open until %(deadline)s: applications submitted and screened after this "
        "run will need a run of their own."
    ) % {"deadline": date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT")}


def _candidates(
    application: Application, setup: AssignmentRules
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Experts staff may add or swap in, best fit first, and how many the checks left out.

    Every listed expert passed the checks of `reviews.eligibility` (available, no conflict of
    interest, reads the language, nation rule, room in its load); `fit` is its affinity with the
    application (the same model as the optimiser, fitted on these experts), `score` matching's
    suggestion when there is one. The counts say how many available experts a conflict or a full
    load left out, so an empty list explains itself."""
    context = eligibility.context_for(application.call, setup, actions.LIVE, [application])
    experts = list(Expert.objects.filter(available=True).order_by("full_name", "pk"))
    codes = eligibility.ineligibility_codes([application], experts, context)[0]
    allowed = [expert for expert, code in zip(experts, codes, strict=True) if code == 0]
    excluded = {
        "conflict": int((codes == eligibility.Reason.CONFLICT).sum()),
        "full": int((codes == eligibility.Reason.FULL).sum()),
        "other": int(
            ((codes != 0) & (codes != eligibility.Reason.CONFLICT) & (codes != eligibility.Reason.FULL)).sum()
        ),
    }
    fits = adapter.score_pairs(application, allowed)
    suggested = dict(
        ExpertSuggestion.objects.filter(application=application).values_list("expert_id", "score")
    )
    rows: list[dict[str, Any]] = [
        {
            "expert": expert,
            "load": context.loads.get(expert.pk, 0),
            "cap": expert_cap(setup, expert),
            "fit": fits[expert.pk][0] if expert.pk in fits else 0.0,
            "score": suggested.get(expert.pk),
        }
        for expert in allowed
    ]
    # Best fit first; a tie goes to the lighter load, then the name (a stable order).
    rows.sort(key=lambda r: (-r["fit"], r["load"], r["expert"].full_name))
    return rows, excluded


@staff_only
def application(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    setup = assignment_rules(call)
    item = get_object_or_404(
        Application.objects.filter(challenge__call=call).select_related("organisation", "challenge__call"),
        pk=pk,
    )
    loads = held_loads(call, actions.LIVE)
    areas = area_lookup()
    assignments = list(item.assignments.select_related("expert").order_by("status", "-score"))
    for assignment in assignments:
        _decorate(assignment, setup, loads, areas)
    can_change = item.status == wf.ELIGIBLE
    short = sum(1 for a in assignments if a.status in actions.LIVE) < setup.experts_per_application
    candidates, excluded = _candidates(item, setup) if can_change else ([], {})
    events = history(call).filter(note__startswith=f"{item.reference}:")[:30]
    return render(
        request,
        "reviews/assignment/application.html",
        {
            "call": call,
            "setup": setup,
            "application": item,
            "assignments": assignments,
            "candidates": candidates,
            "excluded": excluded,
            "can_change": can_change,
            "can_reassign": item.status in actions.REASSIGNABLE and item.status != wf.ELIGIBLE,
            "short": short,
            "events": events,
        },
    )


def _back(call: Call, application_id: Any) -> HttpResponse:
    if (pk := parse_id(application_id)) is not None:
        return redirect("reviews:application", slug=call.slug, pk=pk)
    return redirect("reviews:overview", slug=call.slug)


@staff_only
@require_POST
def add(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    item = get_object_or_404(
        Application.objects.filter(challenge__call=call), pk=parse_id(request.POST.get("application")) or 0
    )
    form = ExpertChoiceForm(request.POST, experts=Expert.objects.all())
    if not form.is_valid():
        messages.error(request, _("Choose an expert to add."))
        return _back(call, item.pk)
    expert = form.cleaned_data["expert"]
    try:
        actions.check_add_expert(item, expert, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(name)s is proposed for %(ref)s.") % {"name": expert.full_name, "ref": item.reference},
        )
    return _back(call, item.pk)


def _assignment(call: Call, request: HttpRequest) -> Assignment:
    return get_object_or_404(
        Assignment.objects.filter(application__challenge__call=call).select_related(
            "application__challenge__call", "expert"
        ),
        pk=parse_id(request.POST.get("assignment")) or 0,
    )


@staff_only
@require_POST
def remove(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    assignment = _assignment(call, request)
    item = assignment.application
    try:
        actions.check_remove_assignment(assignment, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(name)s is no longer proposed for %(ref)s.")
            % {"name": assignment.expert.full_name, "ref": item.reference},
        )
    return _back(call, request.POST.get("back") or item.pk)


@staff_only
@require_POST
def swap(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    assignment = _assignment(call, request)
    item = assignment.application
    form = ExpertChoiceForm(request.POST, experts=Expert.objects.all())
    if not form.is_valid():
        messages.error(request, _("Choose the expert to swap in."))
        return _back(call, item.pk)
    try:
        new = actions.check_swap_expert(assignment, form.cleaned_data["expert"], signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(new)s replaces %(old)s on %(ref)s.")
            % {"new": new.expert.full_name, "old": assignment.expert.full_name, "ref": item.reference},
        )
    return _back(call, item.pk)


@staff_only
@require_POST
def reassign(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    item = get_object_or_404(
        Application.objects.filter(challenge__call=call).select_related("organisation"), pk=pk
    )
    try:
        outcome = actions.check_reassign(item, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        if outcome.reasons:
            messages.error(request, " ".join(outcome.reasons))
        elif outcome.added:
            names = ", ".join(a.expert.full_name for a in outcome.added)
            messages.success(request, _("Assigned: %(names)s.") % {"names": names})
        else:
            messages.info(request, _("This application already has all its experts."))
    return _back(call, item.pk)


@staff_only
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish the whole call, the ticked applications (`scope=ticked`) or one challenge's
    (`scope=challenge`); an explicit scope, so that a form with nothing ticked publishes nothing."""
    call = team_call(signed_in_user(request), slug)
    scope = request.POST.get("scope", "call")
    ticked = [pk for v in request.POST.getlist("application") if (pk := parse_id(v)) is not None]
    try:
        if scope == "ticked":
            count = actions.check_publish_assignment(call, signed_in_user(request), applications=ticked)
        elif scope == "challenge":
            challenge = call.challenges.filter(pk=parse_id(request.POST.get("challenge")) or 0).first()
            if challenge is None:
                raise ValidationError(_("Choose a challenge of this call."))
            count = actions.check_publish_assignment(call, signed_in_user(request), challenge=challenge.pk)
        else:
            count = actions.check_publish_assignment(call, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _(
                "The assignment is published: %(n)d applications are in review and their experts "
                "have a letter."
            )
            % {"n": count},
        )
    # Back to the list as it was (filters and page): a query string only, encoded again.
    back = QueryDict(request.POST.get("back", "")).urlencode()
    return redirect(reverse("reviews:overview", args=[call.slug]) + (f"?{back}" if back else ""))
