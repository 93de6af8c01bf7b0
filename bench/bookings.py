"""50 companies ask for the one place of one day at one test centre, at the same instant, each in
its own thread with its own database connection: exactly one booking must be confirmed, the others
waitlisted, and none may fail.

It needs a migrated database and commits its rows (threads cannot see another's open transaction),
then deletes them at the end. SQLite by default; PostgreSQL through DATABASE_URL:

    .venv/bin/lodestar migrate && .venv/bin/python bench/bookings.py [--requests 50] [--capacity 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accelerator.actions import check_request_booking  # noqa: E402
from lodestar.accelerator.models import Allowance, Booking, Centre, CentreKind  # noqa: E402
from lodestar.accelerator.opening import open_days  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.core.models import AuditEvent  # noqa: E402
from lodestar.organisations.models import Membership, Organisation  # noqa: E402

PREFIX = "bench-bookings"


def setup(requests: int, capacity: int) -> tuple[Centre, list[tuple[Organisation, User]]]:
    operator = Organisation.objects.create(
        legal_name=f"{PREFIX} operator",
        headquarters_nation="NO",
        kind="government",
        employees=100,
        year_founded=1946,
    )
    centre = Centre.objects.create(
        kind=CentreKind.TEST_CENTRE,
        slug=f"{PREFIX}-{os.getpid()}",
        name="Bench range",
        nation="NO",
        city="Andøya",
        operator=operator,
        capacity=capacity,
        needs_approval=False,
        min_notice_days=1,
    )
    year = (timezone.localdate() + timedelta(days=30)).year
    people = []
    for n in range(requests):
        company = Organisation.objects.create(
            legal_name=f"{PREFIX} company {n}",
            headquarters_nation="NO",
            kind="startup",
            employees=5,
            year_founded=2021,
        )
        user = User.objects.create_user(email=f"{PREFIX}-{os.getpid()}-{n}@example.org")
        Membership.objects.create(organisation=company, user=user, role="owner")
        Allowance.objects.create(organisation=company, year=year, days=10)
        people.append((company, user))
    return centre, people


def teardown(centre: Centre, people: list[tuple[Organisation, User]]) -> None:
    bookings = list(Booking.objects.filter(centre=centre).values_list("pk", flat=True))
    AuditEvent.objects.filter(
        object_id__in=[str(pk) for pk in bookings], action__startswith="booking:"
    ).delete()
    Booking.objects.filter(centre=centre).delete()
    operator = centre.operator
    centre.delete()
    operator.delete()
    for company, user in people:
        company.delete()
        user.delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=1)
    args = parser.parse_args()
    centre, people = setup(args.requests, args.capacity)
    start = timezone.localdate() + timedelta(days=30)
    day = open_days(centre, start, start + timedelta(days=30))[0]
    barrier = threading.Barrier(len(people))
    outcomes: Counter[str] = Counter()
    errors: list[str] = []
    lock = threading.Lock()

    def request(company: Organisation, user: User) -> None:
        try:
            barrier.wait(30)
            booking = check_request_booking(centre, company, user, day, day)
            with lock:
                outcomes[booking.status] += 1
        except Exception as exc:
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=request, args=person) for person in people]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    elapsed = time.perf_counter() - began
    confirmed = Booking.objects.filter(centre=centre, status=Booking.Status.CONFIRMED).count()
    held = centre.held_days.count()
    try:
        print(f"database: {connection.vendor}")
        print(f"{len(people)} concurrent requests for {args.capacity} place(s) on {day}: {elapsed:.2f} s")
        print(f"confirmed {confirmed}, waitlisted {outcomes['waitlisted']}, errors {len(errors)}")
        print(f"places held {held} (capacity {args.capacity})")
        for error in errors[:5]:
            print("  ", error)
    finally:
        teardown(centre, people)
    if confirmed != min(args.capacity, len(people)) or errors or held > args.capacity:
        sys.exit(1)


if __name__ == "__main__":
    main()
