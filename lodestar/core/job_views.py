"""The web side of a stage's background job: one helper behind every "run" button (matching, conflict
detection, assignment, selection...) and one template include, `core/_stage_job.html`, that shows
the button and the latest job's progress bar.

The job itself is started by the stage's action (`check_run_*`), which checks who may run it and
returns the job; this module only turns its outcome into a flash message and a redirect, so every
stage answers its button the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from lodestar.core.errors import error_text
from lodestar.core.models import Job


def run_stage_job(
    request: HttpRequest,
    start: Callable[[Any], Job],
    latest: Job | None,
    back: str,
    started: str,
) -> HttpResponse:
    """Start a stage's job with `start(actor)` and go back to the stage's page at `back`.

    `latest` is the stage's newest job: while it runs, a second press of the button is refused
    here with a word (the action would only hand back the same job). A refusal of the action
    (permission, nothing to run) becomes an error message; `started` is the message for a job
    that is on its way. With the immediate task backend (tests, `make demo` without a worker)
    the job has already finished, or failed, when `start` returns.
    """
    if latest is not None and latest.is_active:
        messages.info(request, _("This is already running; this page shows its progress."))
        return redirect(back)
    try:
        # The view in front has already checked the person; the action checks them again.
        job = start(request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        if job.status == Job.Status.FAILED:
            messages.error(request, _("The run failed; nothing was changed. Try again."))
        else:
            messages.success(request, started)
    return redirect(back)
