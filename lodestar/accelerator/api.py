"""The network's API: centres (any signed-in user), bookings (the company's own, the operator's
centres'), requesting, deciding and cancelling bookings through the same actions as the pages
(mounted by lodestar.api)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from lodestar.accelerator import actions, queries
from lodestar.accelerator.access import operated
from lodestar.accelerator.models import Booking, Centre, CentreKind
from lodestar.core.api import Code, Note, Rows, caller, paged
from lodestar.core.nations import NATION_NAMES
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
