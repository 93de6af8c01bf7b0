"""The directory and event pages at the issue's size: 20,000 organisations, an industry day with
its agenda and 300 registrations from people of those organisations (a tenth on the waitlist).
Queries and time per page, p95 over 30 loads, through Django's test client as an engagement officer
(who sees the most); the officer's page of the event is read whole, on its last page and filtered.

The rows are made in bulk in one transaction rolled back at the end, so any migrated database will
do (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/engagement_pages.py [--organisations 20000] [--registrations 300]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
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

from lodestar.accounts.actions import do_grant_roles  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.core.models import EdtArea  # noqa: E402
from lodestar.core.nations import MEMBER_NATIONS  # noqa: E402
from lodestar.core.roles import Role  # noqa: E402
from lodestar.engagement.models import AgendaItem, Event, Person, Profile, Registration  # noqa: E402
from lodestar.organisations.models import Organisation, OrganisationType  # noqa: E402

LOADS = 30


class Rollback(Exception):
    pass


def measure(client: Client, url: str) -> tuple[int, float, float]:
    """Queries of one load, then the median and p95 of LOADS loads, in ms (warm: one load first)."""
    client.get(url)
    queries = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _n in range(LOADS):
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append(time.perf_counter() - started)
    return queries, statistics.median(times) * 1000, statistics.quantiles(times, n=20)[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--registrations", type=int, default=300)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    rng = random.Random(11)
    kinds = OrganisationType.values
    try:
        with transaction.atomic():
            organisations = Organisation.objects.bulk_create(
                (
                    Organisation(
                        legal_name=f"Bench organisation {n:05d}",
                        headquarters_nation=rng.choice(MEMBER_NATIONS),
                        kind=rng.choice(kinds),
                        employees=rng.randint(3, 5000),
                        year_founded=rng.randint(1950, 2024),
                    )
                    for n in range(args.organisations)
                ),
                batch_size=2000,
            )
            Profile.objects.bulk_create(
                (Profile(organisation=o, capabilities="Radar\nOptics") for o in organisations),
                batch_size=2000,
            )
            areas = list(EdtArea.objects.all())
            through = Organisation.areas.through
            through.objects.bulk_create(
                (
                    through(organisation_id=o.pk, edtarea_id=a.pk)
                    for o in organisations
                    for a in rng.sample(areas, 2)
                ),
                batch_size=5000,
            ) if len(areas) >= 2 else None
            start = timezone.now() + timedelta(days=20)
            event = Event.objects.create(
                kind="industry_day",
                title_en="Space industry day",
                title_fr="Journée de l'industrie spatiale",
                starts_at=start,
                ends_at=start + timedelta(hours=8),
                capacity=args.registrations,
                status="published",
                partner=organisations[0],
            )
            people = Person.objects.bulk_create(
                Person(full_name=f"Person {n}", organisation=rng.choice(organisations), nation="FR")
                for n in range(args.registrations)
            )
            for hour in range(6):
                item = AgendaItem.objects.create(
                    event=event,
                    starts_at=start + timedelta(hours=hour),
                    ends_at=start + timedelta(hours=hour + 1),
                    title_en=f"Session {hour}",
                    title_fr=f"Séance {hour}",
                )
                item.speakers.set(people[hour * 2 : hour * 2 + 2])
            # Most hold a place; the last tenth waits (the officer's status filter reads them).
            waiting = len(people) - len(people) // 10
            Registration.objects.bulk_create(
                Registration(event=event, person=p, status="registered" if n < waiting else "waitlisted")
                for n, p in enumerate(people)
            )
            user = User.objects.create_user(email="bench-engagement@example.org")
            do_grant_roles(user, Role.ENGAGEMENT_OFFICER)
            client = Client()
            client.force_login(user)
            pages = {
                "directory, first page": reverse("engagement:directory"),
                "directory, one nation": reverse("engagement:directory") + "?nation=PL",
                "directory, name search": reverse("engagement:directory") + "?q=organisation+1999",
                "directory, page 200": reverse("engagement:directory") + "?page=200",
                "organisation profile (partner of the event)": reverse(
                    "engagement:organisation", args=[organisations[0].pk]
                ),
                "event list": reverse("engagement:events"),
                "event page": reverse("engagement:event", args=[event.pk]),
                f"event run by the officer ({args.registrations} registrations)": reverse(
                    "engagement:manage_event", args=[event.pk]
                ),
                "event run by the officer, last page": reverse("engagement:manage_event", args=[event.pk])
                + "?page=last",
                "event run by the officer, the waitlist only": reverse(
                    "engagement:manage_event", args=[event.pk]
                )
                + "?status=waitlisted",
            }
            print(f"database: {connection.vendor}; {len(organisations)} organisations")
            for label, url in pages.items():
                queries, median, high = measure(client, url)
                print(f"{label}: {queries} queries, median {median:.0f} ms, p95 {high:.0f} ms")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
