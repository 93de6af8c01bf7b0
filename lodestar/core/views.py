from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.core.jobs import JOB_READERS
from lodestar.core.models import Job
from lodestar.core.roles import PROGRAMME_TEAM


def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar of a job, polled by htmx while it runs: for its creator, the team of every
    programme, and whoever an app's `JOB_READERS` check lets in (the team of the job's call)."""
    user = request.user
    if not user.is_authenticated:
        return HttpResponse(status=403)
    job = get_object_or_404(Job, pk=pk)
    if not (
        job.created_by_id == user.pk
        or user.has_role(*PROGRAMME_TEAM)
        or any(reads(user, job) for reads in JOB_READERS)
    ):
        raise Http404
    return render(request, "core/_job_progress.html", {"job": job})
