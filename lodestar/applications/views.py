"""Applicant pages: start, edit, submit, withdraw an application; attachments; the status page.

Every view looks the application up through the user's own organisations, so changing the id in
the URL reaches nothing else (404, not 403: another company's application does not exist for you).
"""

from __future__ import annotations

import logging
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet, prefetch_related_objects
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications import actions
from lodestar.applications import workflow as wf
from lodestar.applications.files import attachment_download_name, without_metadata
from lodestar.applications.forms import (
    AnswersForm,
    ApplicationForm,
    AttachmentForm,
    BaseTeamFormSet,
    StartApplicationForm,
    TeamFormSet,
    WithdrawForm,
)
from lodestar.applications.models import Application, Attachment
from lodestar.applications.reasons import eligibility_preview, ineligibility_reasons
from lodestar.core.errors import error_text
from lodestar.core.mail import letters_about
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.workflow import TransitionNotAllowed, history
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Challenge

logger = logging.getLogger(__name__)


def _own(request: HttpRequest) -> QuerySet[Application]:
    return Application.objects.filter(organisation__memberships__user=signed_in_user(request))


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = _own(request).select_related("challenge__call", "organisation").order_by("-updated_at")
    return render(request, "applications/mine.html", {"applications": applications})


@login_required
def start(request: HttpRequest, challenge_id: int) -> HttpResponse:
    challenge = get_object_or_404(
        Challenge.objects.select_related("call").filter(call__is_published=True), pk=challenge_id
    )
    call = challenge.call
    challenge_url = reverse("calls:challenge", args=[call.slug, challenge.slug])
    if not call.is_open():
        messages.error(request, _("This call is not open for applications."))
        return redirect(challenge_url)
    organisations = Organisation.objects.filter(memberships__user=signed_in_user(request)).order_by(
        "legal_name"
    )
    if not organisations.exists():
        messages.info(request, _("First register the company that applies."))
        return redirect(f"{reverse('organisations:create')}?next={request.path}")
    form = StartApplicationForm(request.POST or None, organisations=organisations)
    team = cast(BaseTeamFormSet, TeamFormSet(request.POST or None, prefix="team"))
    answers = AnswersForm(
        request.POST or None, request.FILES or None, questions=call.questions.all(), prefix="a"
    )
    if request.method == "POST" and form.is_valid() and team.is_valid() and answers.is_valid():
        try:
            with transaction.atomic():
                application = actions.check_create_draft(
                    request.user,
                    form.cleaned_data["organisation"],
                    challenge,
                    form.draft_fields(),
                    areas=form.cleaned_data["areas"],
                    team=team.members(),
                )
                actions.check_save_answers(application, request.user, answers.values(), answers.uploads())
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request, _("Your draft is saved. Add attachments, then submit before the deadline.")
            )
            return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/form.html",
        {"form": form, "team": team, "answers": answers, "challenge": challenge, "call": call},
    )


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(_own(request).select_related("challenge__call", "organisation"), pk=pk)
    if not application.is_editable:
        messages.info(request, _("This application has been sent and can no longer be edited."))
        return redirect("applications:detail", pk=pk)
    initial_team = [
        {"name": m.name, "role": m.role, "nation": m.nation, "expertise": m.expertise}
        for m in application.team.all()
    ]
    form = ApplicationForm(request.POST or None, instance=application)
    team = cast(BaseTeamFormSet, TeamFormSet(request.POST or None, prefix="team", initial=initial_team))
    answers = AnswersForm(
        request.POST or None,
        request.FILES or None,
        questions=application.call.questions.all(),
        application=application,
        prefix="a",
    )
    if request.method == "POST" and form.is_valid() and team.is_valid() and answers.is_valid():
        try:
            with transaction.atomic():
                actions.check_update_draft(
                    application,
                    request.user,
                    form.draft_fields(),
                    areas=form.cleaned_data["areas"],
                    team=team.members(),
                )
                actions.check_save_answers(application, request.user, answers.values(), answers.uploads())
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            if "submit" in request.POST:
                return _submit(request, application)
            messages.success(request, _("Draft saved."))
            return redirect("applications:detail", pk=pk)
    return render(
        request,
        "applications/form.html",
        {
            "form": form,
            "team": team,
            "answers": answers,
            "application": application,
            "challenge": application.challenge,
            "call": application.call,
        },
    )


def _submit(request: HttpRequest, application: Application) -> HttpResponse:
    try:
        actions.check_submit(application, request.user)
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, _("Your application is submitted. A confirmation has been sent to your e-mail address.")
        )
    return redirect("applications:detail", pk=application.pk)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _submit(request, get_object_or_404(_own(request).select_related("challenge__call"), pk=pk))


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(_own(request).select_related("challenge__call"), pk=pk)
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        actions.check_withdraw(application, request.user, note=note)
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, _("Your application is withdrawn. You can reopen it while the call is open.")
        )
    return redirect("applications:detail", pk=pk)


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(_own(request).select_related("challenge__call"), pk=pk)
    try:
        actions.check_reopen(application, request.user)
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Your application is a draft again."))
    return redirect("applications:detail", pk=pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        _own(request)
        .select_related("challenge__call__programme", "organisation")
        # The answers with their questions are read by the page and, on a draft, with the call's
        # questions by what it still lacks: once each here, not once per reader.
        .prefetch_related("areas", "team", "answers__question"),
        pk=pk,
    )
    if application.is_editable:
        prefetch_related_objects([application], "challenge__call__questions")
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "call": application.call,
            "attachments": application.attachments.all(),
            "attachment_form": AttachmentForm(),
            "withdraw_form": WithdrawForm(),
            "missing": actions.missing_for_submission(application) if application.is_editable else [],
            # What the call's rules say of the draft as it stands, before it is sent.
            "preview": eligibility_preview(application) if application.is_editable else None,
            "can_submit": application.is_editable and application.call.is_open(),
            "reasons": ineligibility_reasons(application),
            "max_attachment": settings.ATTACHMENT_MAX_BYTES,
            "can_withdraw": application.status in wf.WITHDRAWABLE and application.call.is_open(),
            "can_reopen": application.status == wf.WITHDRAWN and application.call.is_open(),
            # The applicant reads its application's own events, never staff's notes on experts, and
            # of their notes only the shared ones (the `shared_note` filter).
            "events": history(application).filter(action__startswith="application:")[:20],
            # The letters written to this member about the application (never those to the others).
            "my_letters": letters_about(application).filter(recipient_id=request.user.pk)[:20],
        },
    )


@login_required
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(_own(request).select_related("challenge__call"), pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a PDF file to upload."))
        return redirect("applications:detail", pk=pk)
    try:
        attachment = actions.check_add_attachment(application, request.user, form.cleaned_data["file"])
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("“%(name)s” is attached.") % {"name": attachment.original_name})
    return redirect("applications:detail", pk=pk)


@login_required
@require_POST
def remove_attachment(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    attachment = get_object_or_404(
        Attachment.objects.filter(application__in=_own(request)).select_related("application"),
        pk=attachment_id,
        application_id=pk,
    )
    try:
        actions.check_remove_attachment(attachment, request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The attachment is removed."))
    return redirect("applications:detail", pk=pk)


@login_required
def download(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponseBase:
    """Serve a private attachment to members of the applying organisation, to programme staff and
    to the experts it is published to. In a blind review an expert gets a copy without the file's
    metadata (author, producer, XMP), which would name who applied."""
    visible = Application.objects.visible_to(request.user)
    attachment = get_object_or_404(
        Attachment.objects.filter(application__in=visible).select_related("application__challenge__call"),
        pk=attachment_id,
        application_id=pk,
    )
    application = attachment.application
    setup = getattr(application.challenge.call, "review_rules", None)  # reviews' rules, if any
    blind = (
        setup is not None
        and setup.blind
        and not request.user.has_role(*PROGRAMME_TEAM, scope=application)  # type: ignore[union-attr]
        and not application.is_member(request.user)
    )
    name = attachment_download_name(attachment)
    if blind:
        with attachment.file.open("rb") as stored:
            try:
                content = without_metadata(stored)
            except Exception:  # noqa: BLE001 - checked at upload; a file pypdf cannot rewrite is not served
                logger.exception("attachment %s: metadata not removed; not served blind", attachment.pk)
                return render(
                    request,
                    "core/refused.html",
                    {"message": _("This file cannot be served without its author's details. Ask the staff.")},
                    status=409,
                )
        response: HttpResponseBase = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    else:
        response = FileResponse(
            attachment.file.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
        )
    response["Cache-Control"] = "private, no-store"
    return response
