"""Booking test days: the centre's rules, the allowance, approval, the waitlist and its promotion.

The people and places are those of tests/accelerator_fixtures.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from lodestar.accelerator import actions
from lodestar.accelerator.models import Allowance, Blackout, Booking, BookingDay
from lodestar.accelerator.opening import national_holidays, open_days
from lodestar.core.models import AuditEvent
from lodestar.core.workflow import TransitionNotAllowed, transition

pytest_plugins = ["tests.accelerator_fixtures"]

S = Booking.Status


def book(centre, company, user, first, last=None):
    return actions.check_request_booking(centre, company, user, first, last or first, "Sea trials")


def test_a_booking_at_a_centre_that_approves_waits_for_its_operator(
    open_day, toulon, aurora, alice, oscar, allowances
):
    booking = book(toulon, aurora, alice, open_day(toulon))
    assert booking.status == S.REQUESTED
    assert BookingDay.objects.filter(booking=booking).count() == 1
    actions.check_confirm_booking(booking, oscar, "Welcome")
    booking.refresh_from_db()
    assert booking.status == S.CONFIRMED
    assert AuditEvent.objects.filter(action="booking:confirmed", actor=oscar).count() == 1


def test_a_centre_without_approval_confirms_at_once(open_day, oslo, aurora, alice, allowances):
    booking = book(oslo, aurora, alice, open_day(oslo))
    assert booking.status == S.CONFIRMED
    assert AuditEvent.objects.filter(action="booking:confirmed").count() == 1


def test_only_the_centres_own_operator_decides(open_day, toulon, aurora, alice, nina, allowances):
    booking = book(toulon, aurora, alice, open_day(toulon))
    with pytest.raises(TransitionNotAllowed):
        actions.check_confirm_booking(booking, nina)
    with pytest.raises(TransitionNotAllowed):
        actions.check_confirm_booking(booking, alice)  # the company cannot confirm its own
    booking.refresh_from_db()
    assert booking.status == S.REQUESTED


def test_only_a_member_books_for_a_company(open_day, toulon, aurora, charlie, allowances):
    with pytest.raises(PermissionDenied):
        book(toulon, aurora, charlie, open_day(toulon))


def test_a_full_day_puts_the_next_request_on_the_waitlist_and_a_refusal_promotes_it(
    open_day, toulon, aurora, alice, borealis, charlie, oscar, allowances
):
    day = open_day(toulon)
    first = book(toulon, aurora, alice, day)
    second = book(toulon, borealis, charlie, day)
    assert second.status == S.WAITLISTED
    assert not BookingDay.objects.filter(booking=second).exists()
    actions.check_refuse_booking(first, oscar, "Range closed for maintenance")
    second.refresh_from_db()
    assert second.status == S.REQUESTED
    assert BookingDay.objects.get(day=day).booking == second


def test_the_waitlist_is_promoted_in_the_order_of_the_requests(
    open_day, oslo, aurora, alice, borealis, charlie, allowances
):
    day = open_day(oslo)
    held = [book(oslo, aurora, alice, day), book(oslo, aurora, alice, day)]  # capacity 2
    waiting = [book(oslo, borealis, charlie, day), book(oslo, aurora, alice, day)]
    assert [b.status for b in waiting] == [S.WAITLISTED, S.WAITLISTED]
    actions.check_cancel_booking(held[0], alice)
    statuses = [Booking.objects.get(pk=b.pk).status for b in waiting]
    assert statuses == [S.CONFIRMED, S.WAITLISTED]


def test_cancelling_frees_the_place_and_the_allowance(open_day, oslo, aurora, alice, allowances):
    day = open_day(oslo)
    booking = book(oslo, aurora, alice, day, day + timedelta(days=1))
    assert actions.days_left(aurora, day.year) == 10 - booking.days
    actions.check_cancel_booking(booking, alice)
    assert actions.days_left(aurora, day.year) == 10
    assert not BookingDay.objects.exists()


def test_the_allowance_cannot_be_overdrawn(open_day, oslo, aurora, alice, allowances):
    Allowance.objects.filter(organisation=aurora).update(days=1)
    day = open_day(oslo)
    book(oslo, aurora, alice, day)
    with pytest.raises(ValidationError, match="left"):
        book(oslo, aurora, alice, day)


def test_a_company_without_allowance_is_told_so(open_day, oslo, aurora, alice):
    with pytest.raises(ValidationError, match="no test-day allowance"):
        book(oslo, aurora, alice, open_day(oslo))


def test_the_rules_of_the_centre_are_data(open_day, toulon, aurora, alice, allowances):
    with pytest.raises(ValidationError, match="notice"):
        book(toulon, aurora, alice, open_day(toulon, 1))
    first = open_day(toulon)
    with pytest.raises(ValidationError, match="at most 5 days"):
        book(toulon, aurora, alice, first, first + timedelta(days=13))
    Blackout.objects.create(centre=toulon, starts_on=first, ends_on=first, reason_en="Exercise")
    with pytest.raises(ValidationError, match="closed"):
        book(toulon, aurora, alice, first)


def test_weekends_and_national_holidays_are_not_test_days(toulon):
    bastille = next(d for d, name in national_holidays("FR", 2027).items() if d.month == 7 and d.day == 14)
    week = open_days(toulon, bastille - timedelta(days=bastille.weekday()), bastille + timedelta(days=6))
    assert bastille not in week
    assert all(day.weekday() < 5 for day in week)


def test_the_database_refuses_a_second_booking_of_one_place(
    open_day, toulon, aurora, alice, borealis, allowances
):
    booking = book(toulon, aurora, alice, open_day(toulon))
    other = Booking.objects.create(
        centre=toulon, organisation=borealis, starts_on=booking.starts_on, ends_on=booking.ends_on, days=1
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingDay.objects.create(centre=toulon, booking=other, day=booking.starts_on, slot=1)


def test_a_closed_booking_cannot_be_confirmed(open_day, toulon, aurora, alice, oscar, allowances):
    booking = book(toulon, aurora, alice, open_day(toulon))
    actions.check_cancel_booking(booking, alice)
    with pytest.raises(TransitionNotAllowed):
        transition(booking, S.CONFIRMED, oscar)


def test_every_booking_state_is_a_start_or_reached_by_a_move():
    workflow = Booking.workflow
    reached = set(workflow.initial) | {m.target for m in workflow.transitions}
    assert reached == set(workflow.states)


def test_a_company_may_cancel_its_own_booking_only(open_day, oslo, aurora, alice, charlie, nina, allowances):
    booking = book(oslo, aurora, alice, open_day(oslo))
    with pytest.raises(TransitionNotAllowed):
        actions.check_cancel_booking(booking, charlie)
    actions.check_cancel_booking(booking, nina)  # the centre's operator may cancel too
    booking.refresh_from_db()
    assert booking.status == S.CANCELLED
    assert AuditEvent.objects.filter(action="booking:cancelled", actor=nina).count() == 1


def test_nobody_promotes_a_waitlisted_booking_by_hand(
    open_day, toulon, aurora, alice, borealis, charlie, oscar, allowances
):
    day = open_day(toulon)
    book(toulon, aurora, alice, day)
    waiting = book(toulon, borealis, charlie, day)
    with pytest.raises(TransitionNotAllowed):
        transition(waiting, S.REQUESTED, oscar)


def test_a_holiday_is_named_in_the_readers_language_where_the_library_has_it(toulon):
    from django.utils import translation

    with translation.override("fr"):
        assert national_holidays("FR", 2027, "fr")[date(2027, 7, 14)] == "Fête nationale"
    assert national_holidays("FR", 2027, "en")[date(2027, 7, 14)] == "National Day"


def test_the_company_is_told_of_each_decision_in_its_language(
    open_day,
    toulon,
    aurora,
    alice,
    borealis,
    charlie,
    oscar,
    allowances,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    day = open_day(toulon)
    with django_capture_on_commit_callbacks(execute=True):
        first = book(toulon, aurora, alice, day)
        waiting = book(toulon, borealis, charlie, day)
    assert mailoutbox == []  # requested and waitlisted: nothing decided yet
    with django_capture_on_commit_callbacks(execute=True):
        actions.check_refuse_booking(first, oscar, "Range closed")
    refused, promoted = mailoutbox
    assert refused.to == [alice.email]  # Alice reads French
    assert refused.subject.startswith("Jours d'essai") and "Refusée" in refused.subject
    assert (
        "Range closed" in refused.body
        and f"/fr/accelerator/bookings/{first.pk}/invitation.ics" in refused.body
    )
    assert promoted.to == [charlie.email] and "Requested" in promoted.subject
    with django_capture_on_commit_callbacks(execute=True):
        actions.check_confirm_booking(waiting, oscar)
    assert "Confirmed" in mailoutbox[-1].subject
