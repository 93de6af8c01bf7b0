"""The matching stage of a call: which challenge each application fits, near-duplicates, expert
suggestions."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.matching.actions import latest_job
from lodestar.matching.models import ChallengeFit, DuplicatePair
from lodestar.programmes.models import Call
from lodestar.programmes.stages import Stage, StageStatus, job_status, register_stage


def matching_status(call: Call) -> StageStatus:
    if not call.matching_enabled:
        return StageStatus(None, _("Switched off for this call"))
    if (status := job_status(latest_job(call))) is not None:
        return status
    fits = ChallengeFit.objects.filter(application__challenge__call=call).aggregate(
        matched=Count("id"), misfiled=Count("id", filter=Q(misfiled=True))
    )
    duplicates = DuplicatePair.objects.filter(call=call).count()
    return StageStatus(
        True,
        _("Matched: %(matched)d · perhaps misfiled: %(misfiled)d · near-duplicate pairs: %(duplicates)d")
        % {**fits, "duplicates": duplicates},
    )


def register() -> None:
    register_stage(
        Stage(
            key="matching",
            label=gettext_lazy("Matching"),
            url_name="matching:overview",
            order=20,
            status=matching_status,
        )
    )
