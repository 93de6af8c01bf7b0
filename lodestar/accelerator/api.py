"""The accelerator's API (mounted by lodestar.api), through the same actions and under the same
permissions as the pages: centres (any signed-in user), bookings (the company's own, the operator's
centres'); cohorts, their board and milestones (the team running them); a company's readiness over
the programme (the team and the company's members); adoption cases (a nation's end users, the
company, the team)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from lodestar.accelerator import actions, queries
from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import operated, runs_cohorts
from lodestar.accelerator.actions import adoption
from lodestar.accelerator.actions import cohorts as cohort_actions
from lodestar.accelerator.models import (
    AdoptionCase,
    Booking,
    Centre,
    CentreKind,
    Cohort,
    CohortCompany,
    TrlReading,
)
from lodestar.accelerator.queries import cohorts as cohort_queries
from lodestar.core.api import Code, Note, Rows, caller, paged
from lodestar.core.nations import NATION_NAMES
from lodestar.grants import workflow as gwf
from lodestar.grants.models import Milestone
from lodestar.organisations.models import Organisation

router = Router(tags=["accelerator"])


class CapabilityOut(Schema):
    area: str
    name: str
    description: str


class CentreOut(Schema):
    slug: str
    kind: str
    name: str
    nation: str
    city: str
    operator: str
    languages: list[str]
    capacity: int
    needs_approval: bool
    min_notice_days: int
    max_days: int
    description: str
    capabilities: list[CapabilityOut]


class BookingOut(Schema):
    id: int
    centre: str
    organisation: int
    starts_on: date
    ends_on: date
    days: int
    status: str
    purpose: str


class BookingIn(Schema):
    centre: Code
    organisation: int
    starts_on: date
    ends_on: date
    purpose: Note = ""


class DecisionIn(Schema):
    confirm: bool
    note: Note = ""


def _centre(centre: Centre) -> dict[str, Any]:
    return {
        "slug": centre.slug,
        "kind": centre.kind,
        "name": centre.name,
        "nation": centre.nation,
        "city": centre.city,
        "operator": centre.operator.legal_name,
        "languages": centre.language_list,
        "capacity": centre.capacity,
        "needs_approval": centre.needs_approval,
        "min_notice_days": centre.min_notice_days,
        "max_days": centre.max_days,
        "description": centre.description,
        "capabilities": [
            {"area": c.area.code, "name": c.name, "description": c.description}
            for c in centre.capabilities.all()
        ],
    }


def _booking(booking: Booking) -> dict[str, Any]:
    return {
        "id": booking.pk,
        "centre": booking.centre.slug,
        "organisation": booking.organisation_id,
        "starts_on": booking.starts_on,
        "ends_on": booking.ends_on,
        "days": booking.days,
        "status": booking.status,
        "purpose": booking.purpose,
    }


@router.get("/centres", response=list[CentreOut])
@paged
def list_centres(request: HttpRequest, nation: str = "", area: str = "", kind: str = "") -> Any:
    """The network's sites and test centres, filtered by nation, EDT area and kind."""
    if (kind and kind not in CentreKind.values) or (nation and nation not in NATION_NAMES):
        raise ValidationError(_("Unknown nation or kind of centre."))
    return Rows(queries.directory(nation, area, kind), _centre)


@router.get("/centres/{slug}", response=CentreOut)
def get_centre(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _centre(get_object_or_404(queries.directory(), slug=slug))


@router.get("/bookings", response=list[BookingOut])
@paged
def list_bookings(request: HttpRequest, status: str = "") -> Any:
    """The bookings the caller may read: its companies' own and those of the centres it operates."""
    bookings = queries.visible_bookings(caller(request)).select_related("centre").order_by("starts_on", "pk")
    if status and status not in Booking.Status.values:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    if status:
        bookings = bookings.filter(status=status)
    return Rows(bookings, _booking)


@router.get("/bookings/{booking_id}", response=BookingOut)
def get_booking(request: HttpRequest, booking_id: int) -> dict[str, Any]:
    booking = get_object_or_404(
        queries.visible_bookings(caller(request)).select_related("centre"), pk=booking_id
    )
    return _booking(booking)


@router.post("/bookings", response={201: BookingOut})
def request_booking(request: HttpRequest, payload: BookingIn) -> Status:
    """Book test days for one of the caller's companies (requested, confirmed at once or waitlisted)."""
    user = caller(request)
    centre = get_object_or_404(Centre, slug=payload.centre)
    company = get_object_or_404(Organisation.objects.filter(memberships__user=user), pk=payload.organisation)
    booking = actions.check_request_booking(
        centre, company, user, payload.starts_on, payload.ends_on, payload.purpose[:2000]
    )
    return Status(201, _booking(booking))


@router.post("/bookings/{booking_id}/decision", response=BookingOut)
def decide_booking(request: HttpRequest, booking_id: int, payload: DecisionIn) -> dict[str, Any]:
    """The operator of the booking's centre confirms or refuses it."""
    user = caller(request)
    booking = get_object_or_404(
        operated(Booking.objects.select_related("centre"), user, via="centre_id"), pk=booking_id
    )
    decide = actions.check_confirm_booking if payload.confirm else actions.check_refuse_booking
    return _booking(decide(booking, user, payload.note[:2000]))


@router.post("/bookings/{booking_id}/cancellation", response=BookingOut)
def cancel_booking(request: HttpRequest, booking_id: int) -> dict[str, Any]:
    user = caller(request)
    booking = get_object_or_404(queries.visible_bookings(user).select_related("centre"), pk=booking_id)
    return _booking(actions.check_cancel_booking(booking, user))


# --- Cohorts and the road to adoption ------------------------------------------------------------------


class CohortOut(Schema):
    id: int
    name: str
    call: str
    status: str
    starts_on: date
    ends_on: date
    phase_two_call: str | None


class CompanyRowOut(Schema):
    id: int
    organisation: int
    name: str
    phase: int
    milestones: int
    milestones_accepted: int
    milestones_late: list[int]
    milestones_due_soon: list[int]
    reports_late: int
    paid: Decimal
    approved: Decimal
    test_days: int
    trl_first: int | None
    trl_last: int | None
    mentors: int
    adoption_step: str | None
    lead_time_days: int | None


class BoardOut(CohortOut):
    target_min_days: int
    target_max_days: int
    companies: list[CompanyRowOut]


class CohortMilestoneOut(Schema):
    award: int
    organisation: int
    number: int
    title: str
    due_on: date
    status: str
    late: bool


class ReadingOut(Schema):
    id: int
    trl: int
    measured_on: date
    note: str
    by_company: bool  # recorded by one of the company's members (else by the programme team)


class ReadingIn(Schema):
    trl: int
    on: date | None = None  # today when left out
    note: str = ""


class CaseOut(Schema):
    id: int
    company: int
    organisation: int
    nation: str
    status: str
    interest_on: date
    pilot_agreed_on: date | None
    field_test_on: date | None
    route_chosen_on: date | None
    contract_signed_on: date | None
    stopped_on: date | None
    route: str
    lead_time_days: int | None


class InterestIn(Schema):
    nation: str
    need: str = ""


class StepIn(Schema):
    to: str
    on: date | None = None
    route: str = ""
    contract_value: Decimal | None = None
    note: Note = ""
    audience: str = "internal"  # "shared": the company reads the note too


def _cohort_out(cohort: Cohort) -> dict[str, Any]:
    return {
        "id": cohort.pk,
        "name": cohort.name,
        "call": cohort.call.slug,
        "status": cohort.status,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "phase_two_call": cohort.phase_two_call.slug if cohort.phase_two_call else None,
    }


def _case(case: AdoptionCase) -> dict[str, Any]:
    return {
        "id": case.pk,
        "company": case.company_id,
        "organisation": case.company.organisation_id,
        "nation": case.nation,
        "status": case.status,
        "interest_on": case.interest_on,
        "pilot_agreed_on": case.pilot_agreed_on,
        "field_test_on": case.field_test_on,
        "route_chosen_on": case.route_chosen_on,
        "contract_signed_on": case.contract_signed_on,
        "stopped_on": case.stopped_on,
        "route": case.route,
        "lead_time_days": case.lead_time_days,
    }


def _team_cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    user = caller(request)
    if not runs_cohorts(user):
        raise PermissionDenied
    return get_object_or_404(
        cohort_queries.team_cohorts(user).select_related("call__programme", "phase_two_call"), pk=cohort_id
    )


@router.get("/cohorts", response=list[CohortOut])
@paged
def list_cohorts(request: HttpRequest) -> Any:
    """The cohorts the caller runs (accelerator staff, the programme's team)."""
    user = caller(request)
    if not runs_cohorts(user):
        raise PermissionDenied
    cohorts = (
        cohort_queries.team_cohorts(user).select_related("call", "phase_two_call").order_by("-starts_on")
    )
    return Rows(cohorts, _cohort_out)


@router.get("/cohorts/{cohort_id}", response=BoardOut)
def get_cohort(request: HttpRequest, cohort_id: int) -> dict[str, Any]:
    """The cohort board: per company its phase, milestones (late, due within a week), payments,
    test days, readiness, mentors and road to adoption, with the programme's lead-time target."""
    cohort = _team_cohort(request, cohort_id)
    board = cohort_queries.board(cohort, timezone.localdate())
    return {
        **_cohort_out(cohort),
        "target_min_days": board.target.min_days,
        "target_max_days": board.target.max_days,
        "companies": [
            {
                "id": row.company.pk,
                "organisation": row.company.organisation_id,
                "name": row.company.organisation.legal_name,
                "phase": row.company.phase,
                "milestones": row.milestones,
                "milestones_accepted": row.accepted,
                "milestones_late": [m.number for m in row.late],
                "milestones_due_soon": [m.number for m in row.due_soon],
                "reports_late": row.late_reports,
                "paid": row.paid,
                "approved": row.approved,
                "test_days": row.test_days,
                "trl_first": row.trl_first,
                "trl_last": row.trl_last,
                "mentors": row.mentors,
                "adoption_step": row.furthest.status if row.furthest else None,
                "lead_time_days": row.lead_time,
            }
            for row in board.rows
        ],
    }


@router.get("/cohorts/{cohort_id}/milestones", response=list[CohortMilestoneOut])
@paged
def list_cohort_milestones(request: HttpRequest, cohort_id: int, status: str = "", late: bool = False) -> Any:
    """Every milestone of the cohort's awards, by due date; `late=true` for those overdue only."""
    cohort = _team_cohort(request, cohort_id)
    today = timezone.localdate()
    if status and status not in gwf.DELIVERABLE_STATES:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    milestones = Milestone.objects.filter(award__application__cohort_place__cohort=cohort).select_related(
        "award__application"
    )
    if status:
        milestones = milestones.filter(status=status)
    if late:
        milestones = milestones.filter(due_on__lt=today, status__in=gwf.SUBMITTABLE)

    def shape(m: Milestone) -> dict[str, Any]:
        return {
            "award": m.award_id,
            "organisation": m.award.application.organisation_id,
            "number": m.number,
            "title": m.title,
            "due_on": m.due_on,
            "status": m.status,
            "late": m.due_on < today and m.status in gwf.SUBMITTABLE,
        }

    return Rows(milestones.order_by("due_on", "award_id", "number"), shape)


def _place(request: HttpRequest, cohort_id: int, company_id: int) -> CohortCompany:
    """A company's place that the caller may open: the team's cohorts', or the caller's own company's."""
    return get_object_or_404(
        cohort_queries.visible_companies(caller(request)).select_related("cohort"),
        pk=company_id,
        cohort_id=cohort_id,
    )


def _reading(reading: TrlReading, members: set[int]) -> dict[str, Any]:
    return {
        "id": reading.pk,
        "trl": reading.trl,
        "measured_on": reading.measured_on,
        "note": reading.note,
        "by_company": reading.recorded_by_id in members,
    }


@router.get("/cohorts/{cohort_id}/companies/{company_id}/readiness", response=list[ReadingOut])
def list_readiness(request: HttpRequest, cohort_id: int, company_id: int) -> list[dict[str, Any]]:
    """The company's technology readiness over the programme, oldest first (the first reading is the
    level its application declared): for the team running the cohort and the company's members."""
    place = _place(request, cohort_id, company_id)
    members = place.member_ids()
    return [_reading(r, members) for r in place.trl_readings.order_by("measured_on", "pk")]


@router.post("/cohorts/{cohort_id}/companies/{company_id}/readiness", response={201: ReadingOut})
def record_readiness(request: HttpRequest, cohort_id: int, company_id: int, payload: ReadingIn) -> Status:
    """Record a readiness level (1 to 9) on a day (today by default; not in the future, not before the
    cohort started), with its evidence; readings are kept, never edited."""
    place = _place(request, cohort_id, company_id)
    reading = cohort_actions.check_record_trl(
        place, caller(request), payload.trl, payload.on or timezone.localdate(), note=payload.note[:300]
    )
    return Status(201, _reading(reading, place.member_ids()))


@router.get("/adoption", response=list[CaseOut])
@paged
def list_cases(request: HttpRequest) -> Any:
    """Adoption cases the caller may read: its nations' (an end user), its company's, its cohorts'."""
    cases = (
        cohort_queries.visible_cases(caller(request)).select_related("company").order_by("-interest_on", "pk")
    )
    return Rows(cases, _case)


@router.post("/cohorts/{cohort_id}/companies/{company_id}/interest", response={201: CaseOut})
def express_interest(request: HttpRequest, cohort_id: int, company_id: int, payload: InterestIn) -> Status:
    """An end user expresses a nation's interest in a company of a running cohort."""
    user = caller(request)
    place = get_object_or_404(
        CohortCompany.objects.select_related("cohort"),
        pk=company_id,
        cohort__in=cohort_queries.showcase_cohorts(user).values("pk"),
        cohort_id=cohort_id,
    )
    case = adoption.check_express_interest(place, user, payload.nation.upper()[:2], payload.need[:4000])
    return Status(201, _case(case))


@router.post("/adoption/{case_id}/steps", response=CaseOut)
def take_step(request: HttpRequest, case_id: int, payload: StepIn) -> dict[str, Any]:
    """Take the case one step further (or stop it), dated `on` (today by default)."""
    user = caller(request)
    case = get_object_or_404(cohort_queries.visible_cases(user).select_related("company__cohort"), pk=case_id)
    if payload.to not in wf.AdoptionStatus.values:
        raise ValidationError(_("Unknown step: %(step)s") % {"step": payload.to})
    done = adoption.check_advance(
        case,
        user,
        payload.to,
        on=payload.on,
        route=payload.route,
        contract_value=payload.contract_value,
        note=payload.note,
        audience=payload.audience,
    )
    return _case(done)
