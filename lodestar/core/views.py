from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.core.models import Job


def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar of a job, polled by htmx while it runs; only its creator and staff see it."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    jobs = Job.objects.all()
    if not request.user.is_programme_team:
        jobs = jobs.filter(created_by=request.user)
    job = get_object_or_404(jobs, pk=pk)
    return render(request, "core/_job_progress.html", {"job": job})
