from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.applications.models import Application
from lodestar.core.models import Job
from lodestar.programmes.models import Call


def home(request: HttpRequest) -> HttpResponse:
    open_calls = (
        Call.objects.published().open_now().select_related("programme").prefetch_related("challenges")
    )
    context: dict[str, object] = {"open_calls": open_calls}
    if request.user.is_authenticated:
        context["my_applications"] = (
            Application.objects.filter(organisation__memberships__user=request.user)
            .select_related("challenge__call", "organisation")
            .order_by("-updated_at")[:5]
        )
        if request.user.is_programme_team:
            context["staff_calls"] = Call.objects.select_related("programme").order_by("-closes_at")[:6]
    return render(request, "core/home.html", context)


def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar of a job, polled by htmx while it runs; only its creator and staff see it."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    jobs = Job.objects.all()
    if not request.user.is_programme_team:
        jobs = jobs.filter(created_by=request.user)
    job = get_object_or_404(jobs, pk=pk)
    return render(request, "core/_job_progress.html", {"job": job})
