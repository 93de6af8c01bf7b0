"""The first stage of a call: screening the submitted applications for eligibility."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.programmes.models import Call
from lodestar.programmes.stages import Stage, StageStatus, register_stage


def screening_status(call: Call) -> StageStatus:
    counts = Application.objects.filter(challenge__call=call).aggregate(
        sent=Count("id", filter=Q(status__in=wf.SENT)),
        waiting=Count("id", filter=Q(status=wf.SUBMITTED)),
    )
    sent, waiting = counts["sent"], counts["waiting"]
    if not sent:
        return StageStatus(None, _("No application submitted yet"))
    # Screening can only be over once nothing more can arrive.
    done = call.has_closed and waiting == 0
    return StageStatus(
        done, _("Screened: %(screened)d of %(sent)d") % {"screened": sent - waiting, "sent": sent}
    )


def register() -> None:
    register_stage(
        Stage(
            key="screening",
            label=gettext_lazy("Screening"),
            url_name="staff:applications",
            order=10,
            status=screening_status,
        )
    )
