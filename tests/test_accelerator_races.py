"""Two companies booking the last place of a day at the same moment, in two threads with two
database connections, on PostgreSQL (see tests/test_workflow_races.py for why not on SQLite; there
the same rule holds because SQLite takes one writer at a time, which bench/bookings.py measures).

The first thread books and holds its transaction open until the second is waiting on the centre's
row lock; the second then finds the day full and joins the waitlist. People and places are those of
tests/accelerator_fixtures.py.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from lodestar.accelerator import actions
from lodestar.accelerator.models import Booking, BookingDay
from tests.test_workflow_races import HOLD, race

pytest_plugins = ["tests.accelerator_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

S = Booking.Status


def test_two_requests_for_the_last_place_give_one_booking_and_one_waitlisted(
    open_day, oslo, aurora, alice, borealis, charlie, allowances
):
    oslo.capacity = 1
    oslo.save(update_fields=["capacity"])
    day = open_day(oslo)
    first, second, waited = race(
        lambda: actions.check_request_booking(oslo, aurora, alice, day, day),
        lambda: actions.check_request_booking(oslo, borealis, charlie, day, day),
    )
    assert first.status == S.CONFIRMED, first
    assert second.status == S.WAITLISTED, second
    assert waited >= HOLD * 0.8  # it waited on the centre's lock, it did not read around it
    assert BookingDay.objects.filter(day=day).count() == 1


def test_twenty_threads_booking_one_place_confirm_exactly_one(open_day, oslo, aurora, alice, allowances):
    oslo.capacity = 1
    oslo.save(update_fields=["capacity"])
    aurora.test_allowances.update(days=100)
    day = open_day(oslo)
    start = threading.Barrier(20)
    errors: list[Exception] = []

    def one() -> None:
        try:
            start.wait(10)
            actions.check_request_booking(oslo, aurora, alice, day, day)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert Booking.objects.filter(status=S.CONFIRMED).count() == 1
    assert Booking.objects.filter(status=S.WAITLISTED).count() == 19
    assert BookingDay.objects.count() == 1


def test_cancelling_while_another_requests_leaves_no_place_twice_taken(
    open_day, oslo, aurora, alice, borealis, charlie, allowances
):
    oslo.capacity = 1
    oslo.save(update_fields=["capacity"])
    day = open_day(oslo)
    held = actions.check_request_booking(oslo, aurora, alice, day, day)
    waiting = actions.check_request_booking(oslo, borealis, charlie, day, day)
    first, second, _waited = race(
        lambda: actions.check_cancel_booking(held, alice),
        lambda: actions.check_request_booking(oslo, aurora, alice, day, day),
    )
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED  # promoted in order, ahead of the later request
    assert second.status == S.WAITLISTED
    assert BookingDay.objects.filter(day=day).count() == 1
