"""The engagement API: the directory (any signed-in caller), people (officers; anyone their own),
events and registrations (behind the same gates as the pages), contributions (published ones for
everyone). The same actions as the pages (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from lodestar.core.api import Rows, caller, paged
from lodestar.core.nations import NATION_NAMES
from lodestar.engagement import actions, queries
from lodestar.engagement import workflow as wf
from lodestar.engagement.actions import consultations as consultation_actions
from lodestar.engagement.models import (
    Consultation,
    Contribution,
    ContributionKind,
    Event,
    Person,
    Registration,
)
from lodestar.organisations.models import Organisation, OrganisationType

router = Router(tags=["engagement"])


class OrganisationOut(Schema):
    id: int
    legal_name: str
    kind: str
    nation: str
    website: str
    year_founded: int
    employees: int
    areas: list[str]
    space_segment: str
    capabilities: list[str]


class PersonOut(Schema):
    id: int
    full_name: str
    email: str
    organisation: int | None
    role: str
    nation: str
    languages: list[str]
    erased: bool


class EventOut(Schema):
    id: int
    kind: str
    title_en: str
    title_fr: str
    starts_at: datetime
    ends_at: datetime
    city: str
    nation: str
    online: bool
    partner: int | None
    capacity: int
    places_held: int
    needs_approval: bool
    invitation_only: bool
    nations_allowed: list[str]
    status: str


class EventIn(Schema):
    kind: str
    title_en: str
    title_fr: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    summary_en: str = ""
    summary_fr: str = ""
    venue: str = ""
    city: str = ""
    nation: str = ""
    online: bool = False
    partner: int | None = None
    needs_approval: bool = False
    invitation_only: bool = False
    nations_allowed: list[str] = []


class RegistrationOut(Schema):
    id: int
    event: int
    status: str
    attended: bool
    created_at: datetime


class RegistrationIn(Schema):
    note: str = ""


class DecisionIn(Schema):
    approve: bool
    note: str = ""


class ContributionOut(Schema):
    id: int
    consultation: int
    kind: str
    title: str
    body: str
    language: str
    author: str
    status: str
    outcome: str
    areas: list[str]
    challenges: list[int]


class ContributionIn(Schema):
    kind: str
    title: str
    body: str
    language: str = "en"
    show_author: bool = False
    organisation: int | None = None


def _organisation(o: Organisation) -> dict[str, Any]:
    profile = getattr(o, "directory_profile", None)
    return {
        "id": o.pk,
        "legal_name": o.legal_name,
        "kind": o.kind,
        "nation": o.headquarters_nation,
        "website": o.website,
        "year_founded": o.year_founded,
        "employees": o.employees,
        "areas": [a.code for a in o.areas.all()],
        "space_segment": profile.space_segment if profile else "",
        "capabilities": profile.capability_list() if profile else [],
    }


def _person(p: Person) -> dict[str, Any]:
    return {
        "id": p.pk,
        "full_name": p.display_name,
        "email": p.email,
        "organisation": p.organisation_id,
        "role": p.role,
        "nation": p.nation,
        "languages": p.language_list(),
        "erased": p.erased_at is not None,
    }


def _event(e: Event) -> dict[str, Any]:
    held = getattr(e, "held", None)
    if held is None:
        held = e.registrations.filter(status__in=wf.HOLDING).count()
    return {
        "id": e.pk,
        "kind": e.kind,
        "title_en": e.title_en,
        "title_fr": e.title_fr,
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "city": e.city,
        "nation": e.nation,
        "online": e.online,
        "partner": e.partner_id,
        "capacity": e.capacity,
        "places_held": held,
        "needs_approval": e.needs_approval,
        "invitation_only": e.invitation_only,
        "nations_allowed": list(e.nations_allowed),
        "status": e.status,
    }


def _registration(r: Registration) -> dict[str, Any]:
    return {
        "id": r.pk,
        "event": r.event_id,
        "status": r.status,
        "attended": r.attended,
        "created_at": r.created_at,
    }


def _contribution(c: Contribution) -> dict[str, Any]:
    return {
        "id": c.pk,
        "consultation": c.consultation_id,
        "kind": c.kind,
        "title": c.title,
        "body": c.body,
        "language": c.language,
        "author": c.public_author,
        "status": c.status,
        "outcome": c.outcome,
        "areas": [a["code"] for a in c.areas] if c.consultation.matching_enabled else [],
        "challenges": [m.challenge_id for m in c.challenge_matches.all()]
        if c.consultation.matching_enabled
        else [],
    }


@router.get("/organisations", response=list[OrganisationOut])
@paged
def list_organisations(request: HttpRequest, q: str = "", kind: str = "", nation: str = "") -> Any:
    """The directory, filtered by name, kind and nation."""
    if (kind and kind not in OrganisationType.values) or (nation and nation not in NATION_NAMES):
        raise ValidationError(_("Unknown nation or kind of organisation."))
    organisations = queries.directory({"q": q[:100], "kind": kind, "nation": nation}).prefetch_related(
        "areas"
    )
    return Rows(organisations, _organisation)


@router.get("/organisations/{organisation_id}", response=OrganisationOut)
def get_organisation(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    return _organisation(
        get_object_or_404(queries.directory({}).prefetch_related("areas"), pk=organisation_id)
    )


@router.get("/people", response=list[PersonOut])
@paged
def list_people(request: HttpRequest) -> Any:
    """Officers read the directory of people; anyone else reads their own record only."""
    return Rows(queries.reachable_people(caller(request)).order_by("pk"), _person)


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> dict[str, Any]:
    return _person(get_object_or_404(queries.reachable_people(caller(request)), pk=person_id))


@router.get("/events", response=list[EventOut])
@paged
def list_events(request: HttpRequest, kind: str = "") -> Any:
    events = (
        queries.visible_events(caller(request))
        .annotate(held=Count("registrations", filter=Q(registrations__status__in=wf.HOLDING)))
        .order_by("starts_at", "pk")
    )
    if kind:
        events = events.filter(kind=kind)
    return Rows(events, _event)


@router.get("/events/{event_id}", response=EventOut)
def get_event(request: HttpRequest, event_id: int) -> dict[str, Any]:
    return _event(get_object_or_404(queries.visible_events(caller(request)), pk=event_id))


@router.post("/events", response={201: EventOut})
def create_event(request: HttpRequest, payload: EventIn) -> Status:
    """An engagement officer creates an event (a draft)."""
    data = payload.dict()
    partner = data.pop("partner")
    data["partner"] = get_object_or_404(Organisation, pk=partner) if partner else None
    event = actions.check_create_event(caller(request), **data)
    return Status(201, _event(event))


@router.get("/registrations", response=list[RegistrationOut])
@paged
def list_registrations(request: HttpRequest) -> Any:
    """The caller's own registrations (every one for officers)."""
    return Rows(queries.reachable_registrations(caller(request)).order_by("pk"), _registration)


@router.post("/events/{event_id}/registrations", response={201: RegistrationOut})
def register(request: HttpRequest, event_id: int, payload: RegistrationIn) -> Status:
    user = caller(request)
    event = get_object_or_404(queries.visible_events(user), pk=event_id)
    return Status(201, _registration(actions.check_register(event, user, payload.note[:1000])))


@router.post("/registrations/{registration_id}/cancellation", response=RegistrationOut)
def cancel_registration(request: HttpRequest, registration_id: int) -> dict[str, Any]:
    user = caller(request)
    registration = get_object_or_404(queries.reachable_registrations(user), pk=registration_id)
    return _registration(actions.check_cancel_registration(registration, user))


@router.post("/registrations/{registration_id}/decision", response=RegistrationOut)
def decide_registration(request: HttpRequest, registration_id: int, payload: DecisionIn) -> dict[str, Any]:
    user = caller(request)
    registration = get_object_or_404(queries.reachable_registrations(user), pk=registration_id)
    return _registration(
        actions.check_decide_registration(registration, user, payload.approve, payload.note[:1000])
    )


@router.get("/contributions", response=list[ContributionOut], auth=None)
@paged
def list_contributions(request: HttpRequest, consultation: int | None = None) -> Any:
    """Published contributions (the author's name only where they chose to show it)."""
    contributions = (
        queries.public_contributions()
        .select_related("consultation", "person", "organisation")
        .prefetch_related("challenge_matches")
        .order_by("pk")
    )
    if consultation is not None:
        contributions = contributions.filter(consultation_id=consultation)
    return Rows(contributions, _contribution)


@router.get("/contributions/{contribution_id}", response=ContributionOut)
def get_contribution(request: HttpRequest, contribution_id: int) -> dict[str, Any]:
    contribution = get_object_or_404(
        queries.reachable_contributions(caller(request)).select_related(
            "consultation", "person", "organisation"
        ),
        pk=contribution_id,
    )
    return _contribution(contribution)


@router.post("/consultations/{consultation_id}/contributions", response={201: ContributionOut})
def contribute(request: HttpRequest, consultation_id: int, payload: ContributionIn) -> Status:
    user = caller(request)
    consultation = get_object_or_404(
        Consultation.objects.filter(status__in=wf.CONSULTATION_WORKFLOW.groups["public"]), pk=consultation_id
    )
    if payload.kind not in ContributionKind.values:
        raise ValidationError(_("Unknown kind of contribution."))
    organisation = None
    if payload.organisation is not None:
        organisation = get_object_or_404(
            Organisation.objects.filter(memberships__user=user), pk=payload.organisation
        )
    contribution = consultation_actions.check_contribute(
        consultation,
        user,
        kind=payload.kind,
        title=payload.title[:200],
        body=payload.body[:20000],
        language=payload.language,
        show_author=payload.show_author,
        organisation=organisation,
    )
    return Status(201, _contribution(contribution))
