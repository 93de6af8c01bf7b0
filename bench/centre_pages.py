"""A centre's month and the network's utilisation page at the issue's size: 182 test centres and
20,000 bookings (one day each, 2026's working days). Queries and time per page, p95 over 30 loads,
through Django's test client as an operator of every centre (accelerator staff).

The rows are made in bulk in one transaction that is rolled back at the end, so any migrated
database will do (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/centre_pages.py [--centres 182] [--bookings 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
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

from lodestar.accelerator.models import Booking, BookingDay, Capability, Centre, CentreKind  # noqa: E402
from lodestar.accounts.actions import do_grant_roles  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.core.models import EdtArea  # noqa: E402
from lodestar.core.roles import Role  # noqa: E402
from lodestar.organisations.models import Organisation  # noqa: E402

LOADS = 30


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


def measure(client: Client, url: str) -> tuple[int, float, float]:
    client.get(url)  # warm: templates compiled, caches filled
    counted = Counter()
    with connection.execute_wrapper(counted):
        client.get(url)
    times = []
    for _n in range(LOADS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return counted.n, statistics.median(times) * 1000, p95(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--centres", type=int, default=182)
    parser.add_argument("--bookings", type=int, default=20_000)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    today = timezone.localdate()
    try:
        with transaction.atomic():
            operator = Organisation.objects.create(
                legal_name="Bench operator",
                headquarters_nation="DE",
                kind="government",
                employees=9,
                year_founded=1990,
            )
            companies = Organisation.objects.bulk_create(
                Organisation(
                    legal_name=f"Company {n}",
                    headquarters_nation="FR",
                    kind="startup",
                    employees=5,
                    year_founded=2020,
                )
                for n in range(74)
            )
            nations = ("DE", "FR", "GB", "US", "IT", "NO", "PL", "ES", "NL", "CA")
            centres = Centre.objects.bulk_create(
                Centre(
                    kind=CentreKind.TEST_CENTRE,
                    slug=f"bench-centre-{n}",
                    name=f"Bench centre {n}",
                    nation=nations[n % len(nations)],
                    city="City",
                    operator=operator,
                    capacity=3,
                )
                for n in range(args.centres)
            )
            area = EdtArea.objects.first()
            Capability.objects.bulk_create(
                Capability(centre=c, area=area, name_en="Range", name_fr="Champ") for c in centres
            )
            start = today - timedelta(days=364)
            workdays = [d for d in (start + timedelta(days=n) for n in range(365)) if d.weekday() < 5]
            bookings: list[Booking] = []
            slots: list[int] = []
            taken: dict[tuple[int, date], int] = {}
            rng = random.Random(2026)
            weights = [1.0 / (rank + 1) for rank in range(len(centres))]  # a few busy centres, most quiet
            while len(bookings) < args.bookings:
                centre = rng.choices(centres, weights)[0]
                day = rng.choice(workdays)
                slot = taken.get((centre.pk, day), 0) + 1
                if slot > centre.capacity:
                    continue  # full: the generator moves on (the places left are plenty)
                taken[(centre.pk, day)] = slot
                bookings.append(
                    Booking(
                        centre=centre,
                        organisation=companies[len(bookings) % 74],
                        starts_on=day,
                        ends_on=day,
                        days=1,
                        status=Booking.Status.CONFIRMED,
                    )
                )
                slots.append(slot)
            Booking.objects.bulk_create(bookings, batch_size=2000)
            BookingDay.objects.bulk_create(
                (
                    BookingDay(centre_id=b.centre_id, booking=b, day=b.starts_on, slot=s)
                    for b, s in zip(bookings, slots, strict=True)
                ),
                batch_size=2000,
            )
            user = User.objects.create_user(email="bench-centre-pages@example.org")
            do_grant_roles(user, Role.ACCELERATOR_STAFF)
            client = Client()
            client.force_login(user)
            busiest = centres[0]
            month = max(d for (c, d) in taken if c == busiest.pk)
            pages = {
                "centre calendar (busiest centre, its last booked month)": reverse(
                    "accelerator:centre", args=[busiest.slug]
                )
                + f"?month={month:%Y-%m}",
                "utilisation (every centre, 12 months)": reverse("accelerator:utilisation"),
                "directory (every centre)": reverse("accelerator:directory"),
            }
            print(f"database: {connection.vendor}; {len(centres)} centres, {len(bookings)} bookings")
            for label, url in pages.items():
                queries, median, high = measure(client, url)
                print(f"{label}: {queries} queries, median {median:.0f} ms, p95 {high:.0f} ms")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
