from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lodestar.core.jobs import JOB_READERS
from lodestar.core.mail import may_read_letter
from lodestar.core.models import Job, Letter
from lodestar.core.permissions import may_act
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


@login_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """One letter as it was sent, full text: for its recipient and the programme team of what it is
    about (core.mail.may_read_letter); anyone else finds nothing (404)."""
    found = get_object_or_404(Letter.objects.select_related("recipient", "sent_by", "content_type"), pk=pk)
    if not may_read_letter(request.user, found):
        raise Http404
    # What went wrong, and who set it off, is for the team; the recipient reads the letter.
    about = found.about
    show_error = may_act(request.user, PROGRAMME_TEAM, about if hasattr(about, "role_scope") else None)
    response = render(request, "core/letter.html", {"letter": found, "show_error": show_error})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_letters(request: HttpRequest) -> HttpResponse:
    """Every letter the platform wrote to the signed-in person, newest first."""
    letters = Letter.objects.filter(recipient_id=request.user.pk).order_by("-created_at", "-id")
    page = Paginator(letters, 50).get_page(request.GET.get("page"))
    return render(request, "core/my_letters.html", {"page": page})
