"""The cohort pages: the cohorts a person runs (and the confirmed selections waiting for theirs), the
cohort board with its timeline, and one company's page (phase, milestones, payments, reports,
bookings, mentors, readiness over time, adoption). A cohort is looked up among those the person
runs, a company among those it may open: anything else is a 404.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accelerator.access import runs_cohort, runs_cohorts
from lodestar.accelerator.actions import cohorts as actions
from lodestar.accelerator.actions import phase_two
from lodestar.accelerator.engine_adapter import suggest
from lodestar.accelerator.forms import (
    FormCohortForm,
    MentorForm,
    PhaseTwoForm,
    ResultForm,
    TargetForm,
    TrlForm,
)
from lodestar.accelerator.models import Cohort, CohortCompany, Mentoring, SharedResult, TrlReading, target_of
from lodestar.accelerator.queries import cohorts as queries
from lodestar.core.errors import error_text
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.experts.models import Expert
from lodestar.grants.models import Award, PaymentOrder
from lodestar.organisations.models import is_member
from lodestar.selection.models import Selection


def _forms_of(request: HttpRequest, form: Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _selections_to_form() -> QuerySet[Selection]:
    return (
        Selection.objects.filter(
            status=Selection.Status.CONFIRMED, cohort__isnull=True, call__phase_two_of__isnull=True
        )
        .select_related("call")
        .order_by("-confirmed_at")
    )


@login_required
def cohorts(request: HttpRequest) -> HttpResponse:
    if not runs_cohorts(request.user):
        raise PermissionDenied
    waiting = [s for s in _selections_to_form()[:50] if actions.may_form_cohort(request.user, s)]
    return render(
        request,
        "accelerator/cohorts.html",
        {
            "cohorts": queries.team_cohorts(request.user).select_related("call").order_by("-starts_on")[:100],
            "waiting": waiting,
            "form": FormCohortForm(
                initial={"starts_on": timezone.localdate(), "months": actions.COHORT_MONTHS}
            ),
        },
    )


@login_required
@require_POST
def form_cohort(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_object_or_404(Selection.objects.select_related("call"), pk=pk)
    if not actions.may_form_cohort(request.user, selection):
        raise PermissionDenied
    form = FormCohortForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohorts")
    try:
        cohort = actions.check_form_cohort(
            selection,
            request.user,
            starts_on=form.cleaned_data["starts_on"],
            months=form.cleaned_data["months"],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("accelerator:cohorts")
    messages.success(request, _("The cohort is formed and running."))
    return redirect("accelerator:cohort", cohort.pk)


def _cohort(request: HttpRequest, pk: int) -> Cohort:
    """A cohort the person runs: the first gate is the role (403), then the cohort (404)."""
    if not runs_cohorts(request.user):
        raise PermissionDenied
    return get_object_or_404(
        queries.team_cohorts(request.user).select_related("call__programme", "phase_two_call"), pk=pk
    )


@login_required
def cohort(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    today = timezone.localdate()
    board = queries.board(cohort, today)
    target = board.target
    return render(
        request,
        "accelerator/cohort.html",
        {
            "cohort": cohort,
            "board": board,
            "chart": queries.timeline(cohort, board.rows, today),
            "target_form": TargetForm(initial={"min_days": target.min_days, "max_days": target.max_days}),
            "demo_days": cohort.demo_days.all(),
            "phase_two_form": PhaseTwoForm(
                initial={
                    "opens_at": timezone.localtime().replace(minute=0, second=0, microsecond=0),
                    "closes_at": timezone.localtime().replace(minute=0, second=0, microsecond=0)
                    + timedelta(weeks=4),
                    "max_grant": phase_two.PHASE_TWO_MAX,
                }
            ),
            "soon_days": queries.DUE_SOON_DAYS,
        },
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    try:
        actions.check_close_cohort(cohort, request.user, request.POST.get("note", "")[:2000])
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    return redirect("accelerator:cohort", cohort.pk)


@login_required
@require_POST
def target(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohort", cohort.pk)
    try:
        actions.check_set_target(
            cohort.call.programme, request.user, form.cleaned_data["min_days"], form.cleaned_data["max_days"]
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The target is saved."))
    return redirect("accelerator:cohort", cohort.pk)


def _company(request: HttpRequest, pk: int, company: int) -> CohortCompany:
    return get_object_or_404(
        queries.visible_companies(request.user).select_related(
            "cohort__call__programme", "organisation", "application__challenge"
        ),
        pk=company,
        cohort_id=pk,
    )


@login_required
def company(request: HttpRequest, pk: int, company: int) -> HttpResponse:
    place = _company(request, pk, company)
    team = runs_cohort(request.user, place.cohort)
    award = Award.objects.filter(application=place.application).first()
    readings = list(place.trl_readings.select_related("recorded_by"))
    members = place.member_ids()
    for reading in readings:
        reading.by_company = reading.recorded_by_id in members  # type: ignore[attr-defined]
    member = is_member(place.organisation_id, request.user)
    suggested = suggest([place], mentors=team)
    context = {
        "suggestions_on": settings.ACCELERATOR_SUGGESTIONS,
        "suggested_centres": suggested.centres.get(place.pk, []),
        "suggested_mentors": suggested.mentors.get(place.pk, []),
        "place": place,
        "cohort": place.cohort,
        "team": team,
        "member": member,
        "may_record_trl": team or member,
        "award": award,
        "milestones": award.milestones.select_related("phase") if award else [],
        "phases": award.phases.all() if award else [],
        "payments": PaymentOrder.objects.filter(award=award) if award else [],
        "reports": award.reports.all() if award else [],
        "bookings": place.organisation.test_bookings.select_related("centre").filter(
            starts_on__gte=place.cohort.starts_on
        )[:100],
        "readings": readings,
        "trl_points": _trl_points(readings),
        "mentorings": place.mentorings.select_related("expert"),
        "results": place.results.all(),
        "cases": place.adoption_cases.all(),
        "target": target_of(place.cohort.call.programme),
        "today": timezone.localdate(),
        "trl_form": TrlForm(initial={"measured_on": timezone.localdate()}),
        "result_form": ResultForm(initial={"language": request.LANGUAGE_CODE}),
        "mentor_form": MentorForm(),
        "candidates": actions.candidate_mentors(place, limit=40) if team else [],
    }
    return render(request, "accelerator/cohort_company.html", context)


def _trl_points(readings: list[TrlReading]) -> list[dict[str, object]]:
    """Points of the small readiness chart: x by reading, y by level (9 at the top)."""
    n = max(len(readings) - 1, 1)
    return [
        {"x": 30 + round(300 * i / n), "y": 10 + (9 - r.trl) * 15, "trl": r.trl, "on": r.measured_on}
        for i, r in enumerate(readings)
    ]


@login_required
@require_POST
def record_trl(request: HttpRequest, pk: int, company: int) -> HttpResponse:
    place = _company(request, pk, company)
    if not actions.may_record_trl(place, request.user):
        raise PermissionDenied
    form = TrlForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohort_company", pk, company)
    try:
        actions.check_record_trl(place, request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The reading is recorded."))
    return redirect("accelerator:cohort_company", pk, company)


@login_required
@require_POST
def assign_mentor(request: HttpRequest, pk: int, company: int) -> HttpResponse:
    place = _company(request, pk, company)
    if not runs_cohort(request.user, place.cohort):
        raise PermissionDenied
    form = MentorForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohort_company", pk, company)
    expert = Expert.objects.filter(pk=form.cleaned_data["expert"]).first()
    if expert is None:
        messages.error(request, _("This expert is not in the pool."))
        return redirect("accelerator:cohort_company", pk, company)
    try:
        actions.check_assign_mentor(place, expert, request.user, form.cleaned_data["focus"])
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The mentor is assigned."))
    return redirect("accelerator:cohort_company", pk, company)


@login_required
@require_POST
def remove_mentor(request: HttpRequest, pk: int, company: int, mentoring: int) -> HttpResponse:
    place = _company(request, pk, company)
    if not runs_cohort(request.user, place.cohort):
        raise PermissionDenied
    actions.check_remove_mentor(get_object_or_404(Mentoring, pk=mentoring, company=place), request.user)
    return redirect("accelerator:cohort_company", pk, company)


@login_required
@require_POST
def write_result(request: HttpRequest, pk: int, company: int) -> HttpResponse:
    place = _company(request, pk, company)
    if not place.is_member(request.user):
        raise PermissionDenied
    form = ResultForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohort_company", pk, company)
    try:
        actions.check_write_result(place, request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("accelerator:cohort_company", pk, company)


@login_required
@require_POST
def share_result(request: HttpRequest, pk: int, company: int, result: int) -> HttpResponse:
    place = _company(request, pk, company)
    if not place.is_member(request.user):
        raise PermissionDenied
    found = get_object_or_404(SharedResult, pk=result, company=place)
    actions.check_share_result(found, request.user, request.POST.get("shared") == "1")
    return redirect("accelerator:cohort_company", pk, company)


@login_required
@require_POST
def open_phase_two(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = PhaseTwoForm(request.POST)
    if not form.is_valid():
        messages.error(request, _forms_of(request, form))
        return redirect("accelerator:cohort", cohort.pk)
    try:
        call = phase_two.check_open_phase_two(cohort, request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("accelerator:cohort", cohort.pk)
    messages.success(request, _("The Phase 2 call is open to the cohort's companies."))
    return redirect("staff:dashboard", call.slug)


@login_required
@require_POST
def apply_phase_two(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    try:
        moved = phase_two.check_apply_phase_two(cohort, request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(n)d companies moved to Phase 2; their amended agreements wait for signatures.")
            % {"n": moved},
        )
    return redirect("accelerator:cohort", cohort.pk)
