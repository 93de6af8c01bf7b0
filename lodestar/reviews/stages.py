"""The review stages of a call: conflicts of interest, assignment of experts, reviewing, ranking."""

from __future__ import annotations

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.programmes.models import Call
from lodestar.programmes.stages import Stage, StageStatus, job_status, register_stage
from lodestar.reviews.actions import conflicts
from lodestar.reviews.models import Assignment, Conflict, RankingEntry, Review


def conflicts_status(call: Call) -> StageStatus:
    if (status := job_status(conflicts.latest_job(call))) is not None:
        return status
    counts = Conflict.objects.filter(application__challenge__call=call).aggregate(
        **{state: Count("id", filter=Q(state=state)) for state in Conflict.State.values}
    )
    # A suggestion blocks its pair until a person has decided it, so the stage waits for them all.
    return StageStatus(
        counts[Conflict.State.SUGGESTED] == 0,
        _("To decide: %(suggested)d · confirmed: %(confirmed)d · dismissed: %(dismissed)d") % counts,
    )


def assignment_status(call: Call) -> StageStatus:
    counts = Assignment.objects.filter(application__challenge__call=call).aggregate(
        proposed=Count("id", filter=Q(status=Assignment.Status.PROPOSED)),
        active=Count("id", filter=Q(status=Assignment.Status.ACTIVE)),
    )
    waiting = Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE).count()
    if not counts["proposed"] and not counts["active"]:
        if not waiting:
            return StageStatus(None, _("No eligible application yet"))
        return StageStatus(False, _("Eligible, waiting for experts: %(n)d") % {"n": waiting})
    if counts["proposed"]:
        return StageStatus(False, _("Proposed, not published: %(proposed)d · published: %(active)d") % counts)
    # Published, yet applications screened eligible later still need their experts.
    return StageStatus(
        waiting == 0,
        _("Published: %(active)d · eligible, waiting for experts: %(waiting)d")
        % {"active": counts["active"], "waiting": waiting},
    )


def reviewing_status(call: Call) -> StageStatus:
    counts = Assignment.objects.filter(
        application__challenge__call=call, status=Assignment.Status.ACTIVE
    ).aggregate(
        assigned=Count("id"),
        submitted=Count("id", filter=Q(review__status=Review.Status.SUBMITTED)),
    )
    if not counts["assigned"]:
        return StageStatus(None, _("No review assigned yet"))
    return StageStatus(
        counts["submitted"] == counts["assigned"],
        _("Reviews submitted: %(submitted)d of %(assigned)d") % counts,
    )


def ranking_status(call: Call) -> StageStatus:
    ranked = RankingEntry.objects.filter(call=call).aggregate(n=Count("id"), computed=Max("computed_at"))
    if not ranked["n"]:
        reviewed = Review.objects.filter(
            assignment__application__challenge__call=call, status=Review.Status.SUBMITTED
        ).exists()
        # Something to rank as soon as one review is in.
        return StageStatus(False if reviewed else None, _("Not computed yet"))
    newer = Review.objects.filter(
        assignment__application__challenge__call=call,
        status=Review.Status.SUBMITTED,
        submitted_at__gt=ranked["computed"],
    ).exists()
    if newer:
        return StageStatus(False, _("Ranked: %(n)d; reviews came in since, compute again") % ranked)
    return StageStatus(True, _("Ranked: %(n)d") % ranked)


def register() -> None:
    for stage in (
        Stage("conflicts", gettext_lazy("Conflicts of interest"), "reviews:conflicts", 30, conflicts_status),
        Stage("assignment", gettext_lazy("Assignment"), "reviews:overview", 40, assignment_status),
        Stage("reviewing", gettext_lazy("Reviewing"), "reviews:progress", 50, reviewing_status),
        Stage("ranking", gettext_lazy("Ranking"), "reviews:ranking", 60, ranking_status),
    ):
        register_stage(stage)
