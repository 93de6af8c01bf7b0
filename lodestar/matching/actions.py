"""Matching runs: started by staff or when a call closes, run by the task worker, switched off per call."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lodestar.core import jobs
from lodestar.core.job_text import count, describe_job
from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.models import Job
from lodestar.core.permissions import require_programme_team
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.matching.engine_adapter import run_call_matching
from lodestar.programmes.models import Call

JOB_KIND = "matching:call"

ACTION_LABELS.update(
    {
        "matching:started": gettext_lazy("Matching started"),
        "matching:switched_off": gettext_lazy("AI matching switched off"),
        "matching:switched_on": gettext_lazy("AI matching switched on"),
    }
)


def latest_job(call: Call) -> Job | None:
    return jobs.latest_job(JOB_KIND, call=call.pk)


def check_run_matching(call: Call, actor: Any) -> Job:
    """Queue matching for `call`. Refused while it is switched off or while a run is under way."""
    if actor is not None:
        require_programme_team(actor, _("Only programme staff may run matching."), on=call)
    if not call.matching_enabled:
        raise ValidationError(_("AI matching is switched off for this call."))
    running = latest_job(call)
    if running is not None and running.is_active:
        return running
    record(call, action="matching:started", actor=actor)
    return start_job(
        JOB_KIND,
        _("Matching for %(call)s") % {"call": call.title_en},
        params={"call": call.pk},
        user=actor,
    )


def do_switch_matching(call: Call, actor: Any, enabled: bool) -> None:
    call.matching_enabled = enabled
    call.save(update_fields=["matching_enabled"])
    record(call, action="matching:switched_on" if enabled else "matching:switched_off", actor=actor)


@job_runner(JOB_KIND, retry=True)  # replaces its results in one transaction at the end
def _run(job: Job, progress: Progress) -> dict[str, Any]:
    call = Call.objects.get(pk=job.params["call"])
    if not call.matching_enabled:
        return {"skipped": "matching switched off"}
    return run_call_matching(call, progress)


def calls_due(now: Any = None) -> list[Call]:
    """Closed calls whose matching has not run since they closed."""
    now = now or timezone.now()
    due = []
    for call in Call.objects.filter(closes_at__lte=now, matching_enabled=True):
        job = latest_job(call)
        if job is None or job.created_at < call.closes_at:
            due.append(call)
    return due


def _outcome(job: Job) -> str:
    result = job.result
    if "skipped" in result:
        return _("Matching is switched off for this call; nothing was computed.")
    n = int(result.get("applications", 0))
    return ngettext(
        "%(n)s application read: %(misfiled)s possibly in the wrong challenge, %(duplicates)s possible "
        "duplicates, %(suggestions)s expert suggestions.",
        "%(n)s applications read: %(misfiled)s possibly in the wrong challenge, %(duplicates)s possible "
        "duplicates, %(suggestions)s expert suggestions.",
        n,
    ) % {
        "n": count(n),
        "misfiled": count(result.get("misfiled")),
        "duplicates": count(result.get("duplicates")),
        "suggestions": count(result.get("suggestions")),
    }


describe_job(
    JOB_KIND,
    lambda job: _("Matching for %(call)s") % {"call": Call.objects.get(pk=job.params["call"]).title},
    _outcome,
)
