from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.core.models import Job
from lodestar.core.roles import PROGRAMME_TEAM


def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar of a job, polled by htmx while it runs; only its creator and the programme
    team of every programme see it (a job names no programme, so a team of some programmes sees its
    own jobs only)."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    jobs = Job.objects.all()
    if not request.user.has_role(*PROGRAMME_TEAM):
        jobs = jobs.filter(created_by=request.user)
    job = get_object_or_404(jobs, pk=pk)
    return render(request, "core/_job_progress.html", {"job": job})
