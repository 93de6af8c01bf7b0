"""The simulation's test-centre stage (issue 9): the cohort's companies book test days at a few
centres through the booking actions (the centre's rules, the company's allowance, the waitlist when a
day is full), an operator confirms or refuses what needs approval, some companies cancel and the
waitlist moves up. Deterministic for a seed; the demo keeps its own network (demo/network.py)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from lodestar.accelerator import workflow as awf
from lodestar.accelerator.actions.bookings import (
    check_cancel_booking,
    check_confirm_booking,
    check_refuse_booking,
    check_request_booking,
)
from lodestar.accelerator.models import Allowance, Booking, Centre, CentreKind, CohortCompany
from lodestar.accelerator.opening import open_days
from lodestar.core.roles import Role
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Call

# (city, nation, capacity a day, the operator approves each booking)
CENTRES = (
    ("Toulon", "FR", 1, True),
    ("Oslo", "NO", 2, False),
    ("Tallinn", "EE", 1, False),
    ("Ottobrunn", "DE", 2, True),
    ("Den Helder", "NL", 1, True),
    ("Porton Down", "GB", 2, False),
)
PURPOSES = (
    "Field trial of the prototype in representative conditions",
    "Essai en conditions représentatives avant la démonstration",
    "Interference and endurance tests with the operator's team",
)
ALLOWANCE_DAYS = 10


def _centres(call: Call) -> list[Centre]:
    centres = []
    for n, (city, nation, capacity, approval) in enumerate(CENTRES):
        slug = f"{call.slug}-centre-{n + 1}"
        centre = Centre.objects.filter(slug=slug).first()
        if centre is None:
            operator = Organisation.objects.create(
                legal_name=f"{city} test and evaluation centre ({nation})",
                headquarters_nation=nation,
                kind="government",
                year_founded=1950 + 7 * n,
                employees=120 + 40 * n,
            )
            centre = Centre.objects.create(
                kind=CentreKind.TEST_CENTRE,
                slug=slug,
                name=f"{city} test range",
                nation=nation,
                city=city,
                operator=operator,
                description_en="A simulated test range.",
                description_fr="Un champ d'essais simulé.",
                capacity=capacity,
                min_notice_days=7,
                max_days=5,
                needs_approval=approval,
            )
        centres.append(centre)
    return centres


def simulate_bookings(call: Call, person: Callable[..., Any], seed: int, today: dt.date) -> str:
    """Every company of the call's cohort asks for two bookings; returns a one-line summary."""
    rng = random.Random(seed)
    operator = person("simulation-operator@lodestar.example", "Simulation Operator", Role.CENTRE_OPERATOR)
    centres = _centres(call)
    places = list(
        CohortCompany.objects.filter(application__challenge__call=call)
        .select_related("organisation")
        .prefetch_related("organisation__memberships__user")
        .order_by("pk")
    )
    years = {today.year, (today + dt.timedelta(days=120)).year}
    Allowance.objects.bulk_create(
        [Allowance(organisation=p.organisation, year=y, days=ALLOWANCE_DAYS) for p in places for y in years],
        ignore_conflicts=True,
    )
    outcome: Counter[str] = Counter()
    asked: list[Booking] = []
    for place in places:
        members = [m.user for m in place.organisation.memberships.all()]
        if not members:
            continue
        for _n in range(2):
            centre = centres[rng.randrange(len(centres))]
            after = today + dt.timedelta(days=centre.min_notice_days + rng.randint(0, 45))
            days = open_days(centre, after, after + dt.timedelta(days=14))
            if not days:
                continue
            last = days[min(rng.randint(0, 2), len(days) - 1)]
            purpose = PURPOSES[rng.randrange(len(PURPOSES))]
            try:
                asked.append(
                    check_request_booking(
                        centre, place.organisation, members[0], days[0], last, purpose, today=today
                    )
                )
            except ValidationError:
                outcome["refused by the centre's rules"] += 1
    for booking in asked:
        booking.refresh_from_db()
        if booking.status == awf.BookingStatus.REQUESTED:
            if rng.random() < 0.85:
                check_confirm_booking(booking, operator, "Confirmed: see you at the range.")
            else:
                check_refuse_booking(booking, operator, "The range is reserved for a national exercise.")
    confirmed = [b for b in asked if _status(b) == awf.BookingStatus.CONFIRMED]
    for booking in confirmed[::9]:
        requester = booking.requested_by
        check_cancel_booking(booking, requester, "Our prototype will not be ready in time.")
    for booking in asked:
        outcome[_status(booking)] += 1
    parts = ", ".join(f"{n} {label}" for label, n in sorted(outcome.items()))
    return f"{len(centres)} centres, {len(asked)} bookings asked for: {parts}"


def _status(booking: Booking) -> str:
    booking.refresh_from_db(fields=["status"])
    return str(booking.status)
