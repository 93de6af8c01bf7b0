"""What the accelerator's pages and API read: who sees which bookings, a centre's month, the
network's utilisation. Each reads in a fixed number of queries, whatever the size of the network."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import operated, operated_ids
from lodestar.accelerator.models import Blackout, Booking, BookingDay, Capability, Centre
from lodestar.accelerator.opening import closed_reason, count_open_days
from lodestar.core.nations import nation_name
from lodestar.organisations.models import Membership

# A centre whose places were taken on less than this share of its open days is under-used.
UNDER_USED = 0.3


def directory(nation: str = "", area: str = "", kind: str = "") -> QuerySet[Centre]:
    centres = Centre.objects.filter(is_active=True).select_related("operator")
    if nation:
        centres = centres.filter(nation=nation)
    if kind:
        centres = centres.filter(kind=kind)
    if area:
        centres = centres.filter(capabilities__area__code=area).distinct()
    return centres.prefetch_related(
        Prefetch("capabilities", queryset=Capability.objects.select_related("area"))
    )


def visible_bookings(user: Any) -> QuerySet[Booking]:
    """The bookings `user` may read: its companies' own, and those of the centres it operates."""
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    companies = Membership.objects.filter(user=user).values("organisation_id")
    ids = operated_ids(user)
    mine = Q(organisation_id__in=companies)
    if ids is None:
        return Booking.objects.all()
    if ids:
        mine |= Q(centre_id__in=sorted(int(i) for i in ids))
    return Booking.objects.filter(mine)


def company_bookings(user: Any) -> QuerySet[Booking]:
    companies = Membership.objects.filter(user=user).values("organisation_id")
    return Booking.objects.filter(organisation_id__in=companies).select_related("centre", "organisation")


def operator_queue(user: Any) -> QuerySet[Booking]:
    """Requested and waitlisted bookings of the centres `user` operates, oldest first."""
    return (
        operated(Booking.objects.all(), user, via="centre_id")
        .filter(status__in=[wf.BookingStatus.REQUESTED, wf.BookingStatus.WAITLISTED])
        .select_related("centre", "organisation")
        .order_by("created_at", "pk")
    )


@dataclass
class Day:
    day: date
    in_month: bool
    closed: str | None = None
    taken: int = 0
    bookings: list[Booking] = field(default_factory=list)


def month_calendar(centre: Centre, year: int, month: int, with_bookings: bool) -> list[list[Day]]:
    """The weeks of a month (Monday first) with, for each day, why the centre is closed or how many
    of its places are taken, and (for its operator) by which bookings. Three queries."""
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    blackouts = list(Blackout.objects.filter(centre=centre, ends_on__gte=first, starts_on__lte=last))
    taken: dict[date, int] = defaultdict(int)
    held: dict[date, list[Booking]] = defaultdict(list)
    rows = BookingDay.objects.filter(centre=centre, day__range=(first, last))
    if with_bookings:
        for row in rows.select_related("booking__organisation"):
            taken[row.day] += 1
            held[row.day].append(row.booking)
    else:
        for day, n in rows.values_list("day").annotate(n=Count("pk")):
            taken[day] = n
    return [
        [Day(d, d.month == month, closed_reason(centre, d, blackouts), taken[d], held[d]) for d in week]
        for week in weeks
    ]


@dataclass
class Use:
    label: str
    open_places: int = 0
    taken: int = 0
    centres: int = 0
    centre: Centre | None = None

    @property
    def share(self) -> float:
        return self.taken / self.open_places if self.open_places else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)

    @property
    def under_used(self) -> bool:
        return self.share < UNDER_USED


def utilisation(centres: QuerySet[Centre], starts_on: date, ends_on: date) -> tuple[list[Use], list[Use]]:
    """Per centre and per nation, the places taken by confirmed bookings against the places open
    (capacity x open days) between two dates, least used first. Three queries."""
    rows = list(centres.order_by("pk"))
    ids = [c.pk for c in rows]
    blackouts: dict[int, list[Blackout]] = defaultdict(list)
    for blackout in Blackout.objects.filter(
        centre_id__in=ids, ends_on__gte=starts_on, starts_on__lte=ends_on
    ):
        blackouts[blackout.centre_id].append(blackout)
    taken = dict(
        BookingDay.objects.filter(
            centre_id__in=ids, day__range=(starts_on, ends_on), booking__status=wf.BookingStatus.CONFIRMED
        )
        .values_list("centre_id")
        .annotate(n=Count("pk"))
    )
    per_centre: list[Use] = []
    per_nation: dict[str, Use] = {}
    for centre in rows:
        open_count = count_open_days(centre, starts_on, ends_on, blackouts[centre.pk])
        use = Use(centre.name, open_count * centre.capacity, taken.get(centre.pk, 0), 1, centre)
        per_centre.append(use)
        nation = per_nation.setdefault(centre.nation, Use(nation_name(centre.nation)))
        nation.open_places += use.open_places
        nation.taken += use.taken
        nation.centres += 1
    per_centre.sort(key=lambda u: (u.share, u.label))
    return per_centre, sorted(per_nation.values(), key=lambda u: (u.share, u.label))


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, up to today."""
    return today - timedelta(days=364), today
