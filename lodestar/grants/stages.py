"""The awards stage of a call: after the selection, the awards made to its cohort."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.applications import workflow as application_wf
from lodestar.applications.models import Application
from lodestar.grants import workflow as wf
from lodestar.programmes.models import Call
from lodestar.programmes.stages import Stage, StageStatus, register_stage


def awards_status(call: Call) -> StageStatus:
    counts = Application.objects.filter(challenge__call=call, status=application_wf.SELECTED).aggregate(
        selected=Count("pk"),
        awarded=Count("award"),
        signed=Count("award", filter=Q(award__status__in=[wf.AWARD_ACTIVE, wf.AWARD_COMPLETED])),
    )
    if not counts["selected"]:
        return StageStatus(None, _("Waiting for the selection"))
    done = counts["signed"] == counts["selected"]
    return StageStatus(
        done,
        _("%(awarded)d of %(selected)d awarded, %(signed)d signed") % counts,
    )


def register() -> None:
    register_stage(
        Stage(
            key="awards",
            label=gettext_lazy("Awards"),
            url_name="grants:call_awards",
            order=80,
            status=awards_status,
        )
    )
