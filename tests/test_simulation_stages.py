"""`lodestar simulate` at a small size (issue 15): every stage timed and profiled (queries, peak
memory), the fund's deal flow through the board's own moves, and `--profile` / `--scale`."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.demo.simulation import Simulation
from lodestar.fund import workflow as fwf
from lodestar.fund.models import Deal, Finding


@pytest.mark.django_db
def test_each_stage_is_profiled_and_the_fund_takes_deals_along_its_board():
    report = Simulation(applications=40, experts=14, seed=21).run()
    names = [s.name for s in report.steps]
    assert names[0].startswith("applications") and names[-1].startswith("events")
    for step in report.steps:
        assert step.seconds > 0 and step.peak_mb > 0, step
    # Every stage but the ranking's arithmetic reads or writes the database, and is counted.
    assert all(s.queries > 0 for s in report.steps), [(s.name, s.queries) for s in report.steps]
    # Bulk actions: creating and sending 40 applications is a fixed number of queries, not 40 x 40.
    assert report.steps[0].queries < 400, report.steps[0].queries

    [fund_step] = [s for s in report.steps if s.name.startswith("fund deal flow")]
    deals = Deal.objects.filter(fund__name="Simulated fund 21")
    applicants = Application.objects.filter(
        challenge__call=report.call, organisation__kind__in=["startup", "sme"]
    ).count()
    assert deals.count() == max(10, applicants // 10)
    assert fund_step.detail.startswith(f"{deals.count()} deals")
    reached = set(deals.values_list("status", flat=True))
    assert {fwf.DealStatus.PASSED, fwf.DealStatus.DUE_DILIGENCE, fwf.DealStatus.CLOSING} <= reached
    # Each deal got where it is through the board's transitions, one audit event per move.
    kind = ContentType.objects.get_for_model(Deal)
    for deal in deals.exclude(status=fwf.DealStatus.SOURCING):
        moves = AuditEvent.objects.filter(content_type=kind, object_id=str(deal.pk), to_state=deal.status)
        assert moves.exists(), deal
    # Past due diligence: screened, findings cleared and the required checklist done.
    beyond = deals.filter(
        status__in=[fwf.DealStatus.COMMITTEE, fwf.DealStatus.TERM_SHEET, fwf.DealStatus.CLOSING]
    )
    assert beyond.exists()
    assert not Finding.objects.filter(deal__in=beyond, status=fwf.FindingStatus.OPEN).exists()
    for deal in beyond:
        assert not deal.diligence.filter(required=True, status=fwf.ItemStatus.OPEN).exists()
    assert AuditEvent.objects.filter(action="fund:deal_screened", object_id__in=[str(d.pk) for d in beyond])


@pytest.mark.django_db
def test_the_command_prints_the_profile_and_scales_the_call(capsys):
    call_command(
        "simulate",
        "--applications",
        "12",
        "--experts",
        "6",
        "--scale",
        "2",
        "--seed",
        "5",
        "--profile",
        "--radar-documents",
        "0",
    )
    out = capsys.readouterr().out
    assert "Simulated call (24 applications, 12 experts)" in out or "simulation-5-24x12" in out
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "peak MiB" in line)
    header, table = lines[start], lines[start + 1 :]
    assert "seconds" in header and "CPU s" in header and "queries" in header
    rows = [line for line in table if line.strip().startswith(("applications", "fund deal flow", "total"))]
    assert len(rows) == 3
    for row in rows:
        seconds, cpu, queries, peak = row.split()[-4:]
        # A stage of this tiny call may take under 0.05 s (printed 0.0); the whole run takes more.
        assert float(seconds) >= 0 and float(cpu) >= 0 and int(queries) > 0 and int(peak) > 0
    assert float(rows[-1].split()[-4]) > 0
    # Each stage's line says the same as it ends.
    assert any("queries, peak" in line for line in lines[:start])
    with pytest.raises(CommandError, match="at least 1"):
        call_command("simulate", "--scale", "0")


@pytest.mark.django_db
def test_the_cohort_books_test_days_through_the_booking_rules():
    from lodestar.accelerator import workflow as awf
    from lodestar.accelerator.models import Booking, BookingDay

    report = Simulation(applications=40, experts=14, seed=23).run()
    [step] = [s for s in report.steps if s.name.startswith("test-centre bookings")]
    bookings = Booking.objects.filter(centre__slug__startswith=f"{report.call.slug}-centre-")
    assert step.detail.startswith(f"6 centres, {bookings.count()} bookings asked for")
    states = set(bookings.values_list("status", flat=True))
    assert awf.BookingStatus.CONFIRMED in states and awf.BookingStatus.CANCELLED in states, step.detail
    # Every booking came from a member of a company of the cohort, and no day holds more than its places.
    for booking in bookings.select_related("requested_by", "organisation"):
        assert booking.organisation.memberships.filter(user=booking.requested_by).exists()
        assert booking.organisation.cohort_places.filter(application__challenge__call=report.call).exists()
    for centre_id, capacity in bookings.values_list("centre_id", "centre__capacity").distinct():
        days = BookingDay.objects.filter(booking__centre_id=centre_id).values_list("day", flat=True)
        assert max(list(days).count(d) for d in set(days)) <= capacity if days else True
    # Cancelled places went to the waitlist or stayed free; none is held by a closed booking.
    assert not BookingDay.objects.filter(booking__in=bookings.filter(status__in=awf.CLOSED)).exists()


@pytest.mark.django_db
def test_the_simulation_collects_garbage_less_often_and_restores_the_thresholds():
    import gc

    from lodestar.demo.profiling import BATCH_GC_THRESHOLD
    from lodestar.demo.simulation import Simulation

    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    Simulation(12, 6, seed=7, echo=lambda line: seen.append(gc.get_threshold())).run()
    assert seen and all(t[0] == BATCH_GC_THRESHOLD for t in seen)
    assert gc.get_threshold() == before
