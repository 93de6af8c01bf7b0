"""The whole pipeline on a small call, through the same actions as the pages (lodestar simulate)."""

import pytest
from django.core.management import call_command

from lodestar.accelerator.models import Cohort
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.demo.simulation import Simulation
from lodestar.grants import workflow as grant_wf
from lodestar.grants.models import Award
from lodestar.grants.payments import committed_total
from lodestar.reviews.models import Assignment, Conflict, RankingEntry, Review
from lodestar.selection.models import Selection


@pytest.mark.django_db
def test_a_small_call_goes_from_applications_to_a_confirmed_cohort():
    report = Simulation(applications=40, experts=14, seed=7).run()
    call = report.call
    applications = Application.objects.filter(challenge__call=call)
    assert applications.count() == 40
    # Every eligible application got three experts, none of them in conflict, and three reviews.
    active = Assignment.objects.filter(application__challenge__call=call, status=Assignment.Status.ACTIVE)
    assert active.count() == 3 * applications.exclude(status=wf.INELIGIBLE).count()
    conflicts = set(
        Conflict.objects.filter(application__challenge__call=call)
        .exclude(state=Conflict.State.DISMISSED)
        .values_list("application_id", "expert_id")
    )
    assert not conflicts & set(active.values_list("application_id", "expert_id"))
    assert (
        Review.objects.filter(assignment__in=active, status=Review.Status.SUBMITTED).count() == active.count()
    )
    assert (
        RankingEntry.objects.filter(call=call).count() == applications.exclude(status=wf.INELIGIBLE).count()
    )
    # The cohort is confirmed; every decision moved through the workflow and left an audit event.
    selection = Selection.objects.get(call=call, status=Selection.Status.CONFIRMED)
    chosen = set(selection.entries.filter(chosen=True).values_list("application_id", flat=True))
    assert chosen and set(applications.filter(status=wf.SELECTED).values_list("pk", flat=True)) == chosen
    assert not applications.filter(status__in=[wf.UNDER_REVIEW, wf.SHORTLISTED, wf.ELIGIBLE]).exists()
    decided = AuditEvent.objects.filter(action__in=["application:selected", "application:rejected"])
    assert decided.count() == applications.filter(status__in=[wf.SELECTED, wf.REJECTED]).count()
    assert selection.letters_sent_at is not None
    # Calibration recovers the planted merit better than the raw mean.
    assert report.summary["calibrated_vs_truth"] > report.summary["mean_vs_truth"]
    # Then awards, cohort, test-centre bookings, fund, events.
    assert [s.name for s in report.steps][-6].startswith("selection")
    # Then the awards: one per selected application, most signed, payments within each award.
    assert [s.name for s in report.steps][-5].startswith("awards")
    # Last, the events stage (demo/engagement.py): registrations for two thirds as many places.
    # Four cancel: the waitlist fills their places, so the places stay full and the waitlist shrinks.
    assert report.steps[-1].name.startswith("events")
    assert report.steps[-1].detail.startswith("40 registrations for 26 places: 26 registered, 10 waitlisted")
    awards = Award.objects.filter(application__challenge__call=call)
    assert awards.count() == len(chosen)
    assert awards.filter(status__in=[grant_wf.AWARD_ACTIVE, grant_wf.AWARD_COMPLETED]).exists()
    for award in awards:
        assert committed_total(award) <= award.amount
    # Then the cohort of the selection, some months along (demo/cohort.py).
    assert [s.name for s in report.steps][-4].startswith("cohort")
    assert [s.name for s in report.steps][-3].startswith("test-centre bookings")
    assert Cohort.objects.get(call=call).companies.count() == len(chosen)


@pytest.mark.django_db
def test_the_command_prints_each_step_and_the_cohort(capsys):
    call_command("simulate", "--applications", "30", "--experts", "16", "--seed", "7")
    out = capsys.readouterr().out
    for step in (
        "matching",
        "conflicts",
        "assignment",
        "reviews",
        "calibration",
        "selection",
        "awards",
        "total",
    ):
        assert step in out
    assert "Selected:" in out and "Per nation" in out
