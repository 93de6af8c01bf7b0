from __future__ import annotations

from urllib.parse import urlsplit

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
    return render(request, "core/_job_progress.html", {"job": job, "refresh": _page_to_refresh(request, job)})


def _page_to_refresh(request: HttpRequest, job: Job) -> str:
    """The page that polled a job which has just ended: its bar then asks htmx to fetch the page
    again and swap its content in place, so the figures the job changed show without a reload.
    Only the path and query of htmx's own header are kept (never another site)."""
    if job.is_active or request.headers.get("HX-Request") != "true":
        return ""
    parts = urlsplit(request.headers.get("HX-Current-URL", ""))
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")
