"""The cohort board at the issue's size: 74 companies, each with an award (a phase, three milestones
in every state, payments, two reports), readiness readings, a mentor, adoption cases, and 20,000
bookings over 182 test centres. Queries and time of the board page, p95 over 30 loads, through
Django's test client as accelerator staff; the same for the board's API.

The rows are made in bulk in one transaction that is rolled back at the end, so any migrated
database will do (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/cohort_board.py [--companies 74] [--centres 182] [--bookings 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accelerator.models import (  # noqa: E402
    AdoptionCase,
    Booking,
    Centre,
    CentreKind,
    Cohort,
    CohortCompany,
    Mentoring,
    TrlReading,
)
from lodestar.accounts.actions import do_create_api_token, do_grant_roles  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.applications.models import Application  # noqa: E402
from lodestar.experts.models import Expert  # noqa: E402
from lodestar.grants.models import Award, Milestone, PaymentOrder, Phase, Report  # noqa: E402
from lodestar.organisations.models import Organisation  # noqa: E402
from lodestar.programmes.models import Call, Challenge, Programme  # noqa: E402
from lodestar.selection.models import Selection  # noqa: E402

LOADS = 30
MILESTONE_STATES = ("accepted", "submitted", "returned", "planned")


class Rollback(Exception):
    pass


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(client: Client, url: str, headers: dict[str, str]) -> tuple[int, float, float]:
    client.get(url, headers=headers)  # warm: templates compiled, caches filled
    counted = Counter()
    with connection.execute_wrapper(counted):
        client.get(url, headers=headers)
    times = []
    for _n in range(LOADS):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return counted.n, statistics.median(times) * 1000, p95(times) * 1000


def build(companies: int, centres: int, bookings: int) -> tuple[Cohort, User]:
    rng = random.Random(2026)
    today = timezone.localdate()
    start = today - timedelta(weeks=20)
    staff = User.objects.create_user(email="bench-cohort-board@example.org")
    do_grant_roles(staff, "accelerator_staff")
    programme = Programme.objects.create(slug="bench-cohort", name_en="Bench", name_fr="Banc")
    now = timezone.now()
    call = Call.objects.create(
        programme=programme,
        slug="bench-cohort-call",
        title_en="Bench call",
        title_fr="Appel banc",
        opens_at=now - timedelta(weeks=40),
        closes_at=now - timedelta(weeks=30),
        max_grant=Decimal(100_000),
    )
    challenge = Challenge.objects.create(
        call=call,
        slug="energy",
        title_en="Energy",
        title_fr="Énergie",
        summary_en="s",
        summary_fr="s",
        description_en="d",
        description_fr="d",
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            legal_name=f"Company {n:03d}",
            headquarters_nation="FR",
            kind="startup",
            employees=5,
            year_founded=2020,
        )
        for n in range(companies)
    )
    applications = Application.objects.bulk_create(
        Application(
            organisation=o,
            challenge=challenge,
            title=f"Project {n}",
            summary="s",
            description="d",
            trl=rng.randint(3, 6),
            requested_amount=Decimal(100_000),
            status="selected",
        )
        for n, o in enumerate(organisations)
    )
    selection = Selection.objects.create(call=call, status="confirmed", created_by=staff)
    cohort = Cohort.objects.create(
        call=call,
        selection=selection,
        name_en="Bench cohort",
        name_fr="Cohorte banc",
        status="running",
        starts_on=start,
        ends_on=start + timedelta(days=182),
        created_by=staff,
    )
    places = CohortCompany.objects.bulk_create(
        CohortCompany(cohort=cohort, application=a, organisation=a.organisation) for a in applications
    )
    awards = Award.objects.bulk_create(
        Award(
            application=a,
            amount=Decimal(100_000),
            status="active",
            starts_on=start,
            ends_on=start + timedelta(days=182),
            created_by=staff,
        )
        for a in applications
    )
    Phase.objects.bulk_create(
        Phase(
            award=a,
            number=1,
            name_en="Phase 1",
            name_fr="Phase 1",
            budget=a.amount,
            starts_on=a.starts_on,
            ends_on=a.ends_on,
        )
        for a in awards
    )
    Milestone.objects.bulk_create(
        Milestone(
            award=a,
            number=n,
            title_en=f"Milestone {n}",
            title_fr=f"Jalon {n}",
            deliverables="x",
            due_on=start + timedelta(days=[30, 120, 180][n - 1] + rng.randint(-10, 10)),
            status=rng.choice(MILESTONE_STATES),
            is_final=n == 3,
        )
        for a in awards
        for n in (1, 2, 3)
    )
    Report.objects.bulk_create(
        Report(award=a, number=n, due_on=start + timedelta(days=90 * n)) for a in awards for n in (1, 2)
    )
    PaymentOrder.objects.bulk_create(
        PaymentOrder(
            award=a,
            amount=Decimal(40_000),
            status=rng.choice(("requested", "approved", "paid")),
            reference=f"B-{a.pk}",
            requested_by=staff,
        )
        for a in awards
    )
    TrlReading.objects.bulk_create(
        TrlReading(company=p, trl=t, measured_on=start + timedelta(days=60 * i))
        for p in places
        for i, t in enumerate((4, 5, 6))
    )
    expert = Expert.objects.create(full_name="Bench Mentor", email="bench-mentor@example.org", nation="BE")
    Mentoring.objects.bulk_create(Mentoring(company=p, expert=expert, assigned_by=staff) for p in places)
    AdoptionCase.objects.bulk_create(
        AdoptionCase(
            company=p,
            nation=nation,
            opened_by=staff,
            interest_on=start + timedelta(days=10),
            status="contract_signed" if n % 5 == 0 else "field_test",
            contract_signed_on=start + timedelta(days=80) if n % 5 == 0 else None,
        )
        for n, p in enumerate(places)
        for nation in ("FR", "DE")
    )
    operator = Organisation.objects.create(
        legal_name="Bench operator",
        headquarters_nation="DE",
        kind="government",
        employees=9,
        year_founded=1990,
    )
    network = Centre.objects.bulk_create(
        Centre(
            kind=CentreKind.TEST_CENTRE,
            slug=f"bench-board-centre-{n}",
            name=f"Centre {n}",
            nation="DE",
            city="City",
            operator=operator,
            capacity=3,
        )
        for n in range(centres)
    )
    Booking.objects.bulk_create(
        (
            Booking(
                centre=network[n % len(network)],
                organisation=organisations[n % len(organisations)],
                starts_on=start + timedelta(days=n % 300),
                ends_on=start + timedelta(days=n % 300),
                days=1,
                status=rng.choice(("confirmed", "confirmed", "requested", "cancelled")),
            )
            for n in range(bookings)
        ),
        batch_size=2000,
    )
    return cohort, staff


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=74)
    parser.add_argument("--centres", type=int, default=182)
    parser.add_argument("--bookings", type=int, default=20_000)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        with transaction.atomic():
            cohort, staff = build(args.companies, args.centres, args.bookings)
            client = Client()
            client.force_login(staff)
            token = do_create_api_token(staff, "bench")[1]
            print(f"database: {connection.vendor}; {args.companies} companies, {args.bookings} bookings")
            for label, url, headers in (
                ("cohort board page", reverse("accelerator:cohort", args=[cohort.pk]), {}),
                ("cohort board API", f"/api/cohorts/{cohort.pk}", {"Authorization": f"Bearer {token}"}),
            ):
                queries, median, high = measure(client, url, headers)
                print(f"{label}: {queries} queries, median {median:.0f} ms, p95 {high:.0f} ms")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
