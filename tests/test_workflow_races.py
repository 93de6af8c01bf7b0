"""Two people moving the same rows at the same moment, in two threads with two database connections.

Run on PostgreSQL only (`DATABASE_URL=postgres://... pytest tests/test_workflow_races.py`; CI runs the
whole suite there): SQLite takes one writer at a time for the whole database, so these would test
nothing but its file lock. Each test makes the overlap certain rather than likely: the first thread
moves the rows and holds its transaction open until the second is waiting on the row locks.

Stella and Sam are programme staff; the experts and applications are those of
tests/reviews_assignment_fixtures.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.core.roles import Role
from lodestar.core.workflow import TransitionNotAllowed, transition, transition_many
from lodestar.reviews.actions import assignment as actions
from lodestar.reviews.models import Assignment, Review
from tests.conftest import make_user

pytest_plugins = ["tests.reviews_assignment_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

HOLD = 0.5  # seconds the first thread keeps its rows locked after the second has started


def race(first: Callable[[], Any], second: Callable[[], Any]) -> tuple[Any, Any, float]:
    """Run `first` in a thread inside a transaction it keeps open for HOLD seconds after `second`
    starts in another thread. Returns what each returned (or raised) and how long `second` took."""
    results: dict[str, Any] = {}
    locked = threading.Event()

    def one() -> None:
        try:
            with transaction.atomic():
                results["first"] = first()
                locked.set()
                time.sleep(HOLD)
        except Exception as exc:
            results["first"] = exc
        finally:
            locked.set()
            connections.close_all()

    def two() -> None:
        locked.wait(10)
        started = time.perf_counter()
        try:
            results["second"] = second()
        except Exception as exc:
            results["second"] = exc
        finally:
            results["waited"] = time.perf_counter() - started
            connections.close_all()

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results["first"], results["second"], results["waited"]


@pytest.fixture
def sam(db):
    """Sam is programme staff too, publishing at the same moment as Stella."""
    return make_user("sam@lodestar.example", Role.PROGRAMME_STAFF, name="Sam Staff")


def test_two_staff_publishing_a_call_at_once_publish_it_once(review_field, call, stella, sam):
    job = actions.check_run_assignment(call, stella)
    assert job.result["feasible"], job.result
    first, second, waited = race(
        lambda: actions.check_publish_assignment(call, stella),
        lambda: actions.check_publish_assignment(call, sam),
    )
    assert first == 6
    assert isinstance(second, ValidationError), second  # found them in review once Stella was done
    assert waited >= HOLD * 0.8  # it waited on the row locks, it did not read around them
    assert set(Application.objects.values_list("status", flat=True)) == {wf.UNDER_REVIEW}
    published = AuditEvent.objects.filter(action="assignment:active")
    assert published.count() == Assignment.objects.count() == 12
    assert {e.actor for e in published} == {stella}
    assert AuditEvent.objects.filter(action="application:under_review").count() == 6


def test_a_bulk_move_waits_for_a_single_move_on_one_of_its_rows_then_refuses_all(review_field, stella):
    eva = review_field.experts["eva"]
    rows = Assignment.objects.bulk_create(
        Assignment(application=a, expert=eva) for a in review_field.applications
    )
    declined = rows[3]
    first, second, waited = race(
        lambda: transition(declined, Assignment.Status.DECLINED, stella),
        lambda: transition_many(Assignment.objects.filter(expert=eva), Assignment.Status.ACTIVE, stella),
    )
    assert isinstance(second, TransitionNotAllowed), second
    assert waited >= HOLD * 0.8
    assert Assignment.objects.filter(status=Assignment.Status.PROPOSED).count() == 5
    assert not AuditEvent.objects.filter(action="assignment:active").exists()
    assert AuditEvent.objects.filter(action="assignment:declined").count() == 1


def test_a_review_submitted_twice_at_once_is_submitted_once(review_field):
    eva = review_field.experts["eva"]
    assignment = Assignment.objects.create(
        application=review_field.applications[0], expert=eva, status=Assignment.Status.ACTIVE
    )
    review = Review.objects.create(assignment=assignment)
    first, second, _waited = race(
        lambda: transition(Review.objects.get(pk=review.pk), Review.Status.SUBMITTED, eva.user),
        lambda: transition(Review.objects.get(pk=review.pk), Review.Status.SUBMITTED, eva.user),
    )
    assert isinstance(second, TransitionNotAllowed), second
    assert AuditEvent.objects.filter(action="review:submitted").count() == 1
