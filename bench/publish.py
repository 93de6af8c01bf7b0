"""Publishing a call's assignment at the simulation's size: 2,600 applications x 3 experts = 7,800
assignments moved with one audit event each, through `check_publish_assignment` (bulk moves), and
the same moves one `transition()` at a time for comparison. Time and query count of each.

The rows are made in bulk in one transaction that is rolled back at the end, so any migrated
database will do (SQLite by default, or DATABASE_URL):

    .venv/bin/python bench/publish.py [--applications 2600] [--experts-per-application 3]
"""

from __future__ import annotations

import argparse
import os
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

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from lodestar.accounts.actions import do_grant_roles  # noqa: E402
from lodestar.accounts.models import User  # noqa: E402
from lodestar.applications import workflow as wf  # noqa: E402
from lodestar.applications.models import Application  # noqa: E402
from lodestar.core.roles import Role  # noqa: E402
from lodestar.core.workflow import transition  # noqa: E402
from lodestar.experts.models import Expert  # noqa: E402
from lodestar.organisations.models import Organisation  # noqa: E402
from lodestar.programmes.actions import do_create_call  # noqa: E402
from lodestar.programmes.models import Call, Challenge, Programme  # noqa: E402
from lodestar.reviews.actions.assignment import check_publish_assignment  # noqa: E402
from lodestar.reviews.models import Assignment, AssignmentRules, ReviewRules  # noqa: E402

EXPERTS = 600


class Rollback(Exception):
    pass


class Counter:
    """Counts the queries run while installed (CaptureQueriesContext keeps only the last 9,000)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


def build(applications: int, per_application: int) -> tuple[Call, User]:
    """A call with `applications` eligible applications, each with its proposed experts. Rows are
    created in the states the bench needs, in bulk: this is set-up, not the measured moves."""
    stamp = f"{time.time_ns()}"
    now = timezone.now()
    programme = Programme.objects.create(slug=f"bench-{stamp}", name_en="Bench", name_fr="Banc")
    call = do_create_call(
        None,
        programme=programme,
        slug=f"bench-publish-{stamp}",
        title_en="Bench call",
        title_fr="Appel du banc",
        description_en="Bench.",
        description_fr="Banc.",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
        max_grant=Decimal(100_000),
    )
    challenges = [
        Challenge.objects.create(
            call=call,
            slug=f"c{i}",
            position=i,
            title_en=f"C{i}",
            title_fr=f"C{i}",
            summary_en="-",
            summary_fr="-",
        )
        for i in range(5)
    ]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            legal_name=f"Bench {i}", headquarters_nation="FR", kind="startup", year_founded=2020, employees=5
        )
        for i in range(applications)
    )
    rows = Application.objects.bulk_create(
        Application(
            challenge=challenges[i % len(challenges)],
            organisation=organisation,
            title=f"Application {i}",
            summary="-",
            description="-",
            status=wf.ELIGIBLE,
            submitted_at=now,
        )
        for i, organisation in enumerate(organisations)
    )
    experts = Expert.objects.bulk_create(
        Expert(
            full_name=f"Expert {i}", email=f"bench-{stamp}-{i}@experts.example", nation="DE", expertise="-"
        )
        for i in range(EXPERTS)
    )
    Assignment.objects.bulk_create(
        (
            Assignment(application=a, expert=experts[(n * per_application + j) % EXPERTS])
            for n, a in enumerate(rows)
            for j in range(per_application)
        ),
        batch_size=1000,
    )
    AssignmentRules.objects.create(call=call, experts_per_application=per_application)
    ReviewRules.objects.create(call=call, review_deadline=now + timedelta(days=14))
    staff = User.objects.create_user(
        email=f"bench-{stamp}@lodestar.example", password=None, full_name="Bench"
    )
    do_grant_roles(staff, Role.PROGRAMME_STAFF)
    return call, staff


def measure_bulk(applications: int, per_application: int) -> tuple[float, int, int]:
    try:
        with transaction.atomic():
            call, staff = build(applications, per_application)
            staff = User.objects.get(pk=staff.pk)
            started = time.perf_counter()
            queries = Counter()
            with connection.execute_wrapper(queries):
                sent = check_publish_assignment(call, staff)
            elapsed = time.perf_counter() - started
            assert sent == applications
            raise Rollback
    except Rollback:
        pass
    return elapsed, queries.n, applications * per_application


def measure_one_by_one(applications: int, per_application: int) -> tuple[float, int, int]:
    """The same moves as single transitions: what every status write would cost without bulk moves."""
    try:
        with transaction.atomic():
            call, staff = build(applications, per_application)
            staff = User.objects.get(pk=staff.pk)
            assignments = list(Assignment.objects.filter(application__challenge__call=call))
            apps = list(Application.objects.filter(challenge__call=call))
            started = time.perf_counter()
            queries = Counter()
            with connection.execute_wrapper(queries):
                for application in apps:
                    transition(application, wf.UNDER_REVIEW, staff)
                for assignment in assignments:
                    assignment.published_at = timezone.now()
                    transition(assignment, Assignment.Status.ACTIVE, staff, also_save=["published_at"])
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return elapsed, queries.n, len(assignments)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=2600)
    parser.add_argument("--experts-per-application", type=int, default=3)
    args = parser.parse_args()
    print(f"database {connection.vendor}; {args.applications} applications x {args.experts_per_application}")
    for name, measure in (
        ("bulk (check_publish_assignment)", measure_bulk),
        ("one transition() each", measure_one_by_one),
    ):
        elapsed, queries, moved = measure(args.applications, args.experts_per_application)
        what = f"{moved} assignments + {args.applications} applications"
        print(f"{name:<34} {what}: {elapsed:6.2f} s, {queries} queries")


if __name__ == "__main__":
    main()
