"""Conflict pages: the staff queue of a call (run detection, confirm, dismiss with a note), an
expert's declaration about an assigned application, an applicant's list of reviewers to avoid.

Experts and applicants reach objects only through querysets filtered by the signed-in user: an
application not assigned to you, or not your organisation's, is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications.models import Application
from lodestar.core.errors import error_text, parse_id
from lodestar.core.job_views import run_stage_job
from lodestar.core.permissions import staff_only
from lodestar.experts.forms import ApplicantDeclarationForm, AssignmentDeclarationForm, DismissForm
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.programmes.models import Call
from lodestar.programmes.queries import team_call
from lodestar.reviews.actions import conflicts as actions
from lodestar.reviews.models import Assignment, Conflict
from lodestar.reviews.models.rules import conflict_rules

PAGE_SIZE = 50
FILTERS = ("state", "kind", "q")


def _filtered(call: Call, params: Any) -> tuple[QuerySet[Conflict], dict[str, str]]:
    filters = {key: params.get(key, "").strip() for key in FILTERS}
    qs = Conflict.objects.filter(application__challenge__call=call)
    if filters["state"] in Conflict.State.values:
        qs = qs.filter(state=filters["state"])
    if filters["kind"] in Conflict.Kind.values:
        qs = qs.filter(kind=filters["kind"])
    if filters["q"]:
        term = filters["q"][:100]
        qs = qs.filter(
            Q(expert__full_name__icontains=term)
            | Q(application__title__icontains=term)
            | Q(application__organisation__legal_name__icontains=term)
        )
    qs = qs.select_related("application__organisation", "expert", "decided_by").order_by(
        "state", "application_id", "expert__full_name", "kind"
    )
    return qs, filters


def _query(params: Any) -> str:
    """Only the queue's own filters, so that a posted value cannot redirect anywhere else."""
    query = QueryDict(mutable=True)
    for key in (*FILTERS, "page"):
        if params.get(key):
            query[key] = params.get(key)[:100]
    return query.urlencode()


def _back(call: Call, request: HttpRequest) -> HttpResponse:
    query = _query(QueryDict(request.POST.get("query", "")))
    url = reverse("reviews:conflicts", args=[call.slug])
    return redirect(f"{url}?{query}" if query else url)


@staff_only
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    qs, filters = _filtered(call, request.GET)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for conflict in page:
        conflict.description = actions.describe_conflict(conflict)  # type: ignore[attr-defined]
    counts = dict(
        Conflict.objects.filter(application__challenge__call=call)
        .values_list("state")
        .annotate(n=Count("id"))
        .order_by()
    )
    return render(
        request,
        "reviews/conflicts/queue.html",
        {
            "call": call,
            "page": page,
            "filters": filters,
            "return_query": _query(request.GET),
            "states": Conflict.State.choices,
            "kinds": Conflict.Kind.choices,
            "counts": [(value, label, counts.get(value, 0)) for value, label in Conflict.State.choices],
            "job": actions.latest_job(call),
            "conflict_rules": conflict_rules(call),
            "dismiss_form": DismissForm(),
        },
    )


@staff_only
@require_POST
def run(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    return run_stage_job(
        request,
        lambda actor: actions.check_run_detection(call, actor),
        actions.latest_job(call),
        reverse("reviews:conflicts", args=[call.slug]),
        _("Conflict detection is running; this page shows its progress."),
    )


@staff_only
@require_POST
def confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirm one conflict or every selected one (the queue's checkboxes)."""
    call = team_call(signed_in_user(request), slug)
    ids = [pk for v in request.POST.getlist("ids") if (pk := parse_id(v)) is not None]
    conflicts = list(Conflict.objects.filter(application__challenge__call=call, pk__in=ids))
    if not conflicts:
        messages.error(request, _("Select at least one conflict."))
        return _back(call, request)
    try:
        done = actions.check_confirm_many(conflicts, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, ngettext("%(n)d conflict confirmed.", "%(n)d conflicts confirmed.", done) % {"n": done}
        )
    return _back(call, request)


@staff_only
def dismiss(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Dismiss with a note. The queue posts here; without a note the page asks for one."""
    call = team_call(signed_in_user(request), slug)
    conflict = get_object_or_404(
        Conflict.objects.filter(application__challenge__call=call).select_related(
            "application__organisation", "expert"
        ),
        pk=pk,
    )
    form = DismissForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.check_dismiss(conflict, signed_in_user(request), form.cleaned_data["note"])
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, _("The conflict is dismissed; the note is on record."))
            return _back(call, request)
        form.errors.clear()
        form.add_error("note", _("Dismissing a conflict needs a note saying why it is not one."))
    return render(
        request,
        "reviews/conflicts/dismiss.html",
        {
            "call": call,
            "conflict": conflict,
            "description": actions.describe_conflict(conflict),
            "form": form,
            "return_query": _query(QueryDict(request.POST.get("query", "")))
            if request.method == "POST"
            else "",
        },
        status=400 if request.method == "POST" else 200,
    )


# --- Declarations ---------------------------------------------------------------------------------


@login_required
def declare_assignment(request: HttpRequest, pk: int) -> HttpResponse:
    """An expert declares a conflict with an application actively assigned to it."""
    expert = get_object_or_404(Expert, user=signed_in_user(request))
    application = get_object_or_404(
        Application.objects.filter(
            assignments__expert=expert, assignments__status=Assignment.Status.ACTIVE
        ).select_related("challenge__call"),
        pk=pk,
    )
    form = AssignmentDeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_declare_application(
                expert, application, signed_in_user(request), form.cleaned_data["reason"]
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request,
                _("Thank you. The conflict is recorded and this application will go to another expert."),
            )
            return redirect("experts:profile")
    already = Conflict.objects.filter(
        application=application, expert=expert, kind=Conflict.Kind.DECLARED_BY_EXPERT
    ).exists()
    return render(
        request,
        "reviews/conflicts/declare_assignment.html",
        {"application": application, "form": form, "already": already},
    )


def _own_applications(request: HttpRequest) -> QuerySet[Application]:
    return Application.objects.filter(organisation__memberships__user=signed_in_user(request))


@login_required
def applicant_declarations(request: HttpRequest, pk: int) -> HttpResponse:
    """An applicant names people or organisations that should not review its application."""
    application = get_object_or_404(
        _own_applications(request).select_related("challenge__call", "organisation"), pk=pk
    )
    form = ApplicantDeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_applicant_declare(
                application, signed_in_user(request), form.cleaned_data["names"], form.cleaned_data["reason"]
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("Noted. Programme staff will check these names against the experts."))
            return redirect("reviews:applicant_declarations", pk=application.pk)
    return render(
        request,
        "reviews/conflicts/applicant_declarations.html",
        {
            "application": application,
            "declarations": application.conflict_declarations.select_related("declared_by"),
            "form": form,
            "can_declare": application.status in actions.DECLARABLE,
        },
    )


@login_required
@require_POST
def remove_applicant_declaration(request: HttpRequest, pk: int, declaration_id: int) -> HttpResponse:
    declaration = get_object_or_404(
        ConflictDeclaration.objects.filter(application__in=_own_applications(request)).select_related(
            "application"
        ),
        pk=declaration_id,
        application_id=pk,
    )
    try:
        actions.check_remove_applicant_declaration(declaration, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The name is removed."))
    return redirect("reviews:applicant_declarations", pk=pk)
