"""100 people register for an event of 40 places at the same moment, on PostgreSQL (on SQLite one
writer at a time makes the same rule hold trivially; bench/engagement_registrations.py measures both).

Every registration runs in its own thread with its own connection; a pool of 20 keeps the shared
database's connections bounded while 20 transactions at a time contend for the event's row lock.
The same person twice at once is also refused once, never registered twice.
"""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from lodestar.core.roles import Role
from lodestar.engagement import actions
from lodestar.engagement.models import Registration
from tests.conftest import make_user

pytest_plugins = ["tests.engagement_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _run_all(calls, workers=20):
    start = threading.Barrier(workers)
    errors: list[Exception] = []

    def one(call):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(5)
            call()
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, calls))
    return errors


def test_a_hundred_registrations_for_forty_places_give_forty_and_sixty_waitlisted(emma, industry_day):
    industry_day.capacity = 40
    industry_day.save(update_fields=["capacity"])
    users = [make_user(f"r{i}@example.org", Role.APPLICANT, name=f"R {i}") for i in range(100)]
    for user in users:
        actions.person_for_user(user)
    errors = _run_all([lambda u=u: actions.check_register(industry_day, u) for u in users])
    assert errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count("registered") == 40
    assert statuses.count("waitlisted") == 60


def test_the_same_person_registering_twice_at_once_is_registered_once(industry_day, paul):
    errors = _run_all([lambda: actions.check_register(industry_day, paul)] * 2, workers=2)
    assert Registration.objects.filter(status="registered").count() == 1
    assert len(errors) == 1 and "already registered" in str(errors[0])
