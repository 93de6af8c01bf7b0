"""The last stage of a call's review: selecting the cohort."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.programmes.models import Call
from lodestar.programmes.stages import Stage, StageStatus, job_status, register_stage
from lodestar.reviews.models import RankingEntry
from lodestar.selection.actions import latest_job
from lodestar.selection.models import Selection


def selection_status(call: Call) -> StageStatus:
    latest = (
        call.selections.exclude(status=Selection.Status.SUPERSEDED)
        .annotate(chosen=Count("entries", filter=Q(entries__chosen=True)))
        .order_by("-created_at", "-id")
        .first()
    )
    if latest is None:
        job = latest_job(call)
        if job is not None and (status := job_status(job)) is not None:
            return status
        # The selection runs on the ranking: without one there is nothing to do yet.
        if not RankingEntry.objects.filter(call=call).exists():
            return StageStatus(None, _("Waiting for the ranking"))
        return StageStatus(False, _("Not run yet"))
    n = latest.chosen
    if latest.status == Selection.Status.CONFIRMED:
        return StageStatus(True, _("Cohort confirmed: %(n)d") % {"n": n})
    if not latest.feasible:
        return StageStatus(False, _("The last run found no cohort within the rules"))
    return StageStatus(False, _("Cohort proposed, not confirmed yet: %(n)d") % {"n": n})


def register() -> None:
    register_stage(
        Stage(
            key="selection",
            label=gettext_lazy("Selection"),
            url_name="selection:overview",
            order=70,
            status=selection_status,
        )
    )
