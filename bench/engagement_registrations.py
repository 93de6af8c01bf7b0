"""100 people register for an event of 40 places at the same instant, each in its own thread with its
own database connection (20 connections at a time, so a shared PostgreSQL keeps room for others):
40 must be registered, 60 waitlisted, and none may fail.

It needs a migrated database and commits its rows (threads cannot see another's open transaction),
then deletes them at the end. SQLite by default; PostgreSQL through DATABASE_URL:

    .venv/bin/python bench/engagement_registrations.py [--people 100] [--places 40] [--workers 20]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accounts.models import User  # noqa: E402
from lodestar.engagement import actions  # noqa: E402
from lodestar.engagement.models import Event, Person  # noqa: E402

PREFIX = "bench-registrations"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--places", type=int, default=40)
    parser.add_argument("--workers", type=int, default=20)
    args = parser.parse_args()
    start = timezone.now() + timedelta(days=30)
    event = actions.do_create_event(
        kind="industry_day",
        title_en=f"{PREFIX} {os.getpid()}",
        title_fr="Banc d'essai",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        capacity=args.places,
        starts_in="published",
    )
    users = [
        User.objects.create_user(email=f"{PREFIX}-{os.getpid()}-{n}@example.org") for n in range(args.people)
    ]
    for user in users:
        actions.person_for_user(user)
    errors: list[Exception] = []
    barrier = threading.Barrier(args.workers)

    def one(user: User) -> None:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(5)
            actions.check_register(event, user)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    started = time.perf_counter()
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        ThreadPoolExecutor(max_workers=args.workers) as pool,
    ):
        list(pool.map(one, users))
    elapsed = time.perf_counter() - started
    statuses = Counter(event.registrations.values_list("status", flat=True))
    print(
        f"database: {connection.vendor}; {args.people} registrations for {args.places} places, "
        f"{args.workers} at a time, in {elapsed:.2f} s"
    )
    print(f"registered {statuses['registered']}, waitlisted {statuses['waitlisted']}, errors {len(errors)}")
    for exc in errors[:3]:
        print("  ", type(exc).__name__, exc)
    Event.objects.filter(pk=event.pk).delete()
    Person.objects.filter(user__in=users).delete()
    User.objects.filter(pk__in=[u.pk for u in users]).delete()
    ok = statuses["registered"] == args.places and statuses["waitlisted"] == args.people - args.places
    sys.exit(0 if ok and not errors else 1)


if __name__ == "__main__":
    main()
