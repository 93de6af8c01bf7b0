"""Expert pages: staff list, detail, invitation and CSV import; the invitation link; the expert's own
profile. An expert reaches only its own profile (looked up by the signed-in user, never by an id)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.models import EdtArea
from lodestar.core.nations import nation_name, sort_key
from lodestar.core.permissions import staff_only
from lodestar.core.workflow import history
from lodestar.experts import actions as actions
from lodestar.experts import importing as experts_import
from lodestar.experts.forms import (
    BaseDocumentFormSet,
    BaseEmploymentFormSet,
    DocumentFormSet,
    EmploymentFormSet,
    ExpertProfileForm,
    ImportForm,
    InviteForm,
    OrganisationDeclarationForm,
)
from lodestar.experts.models import MAX_DOCUMENTS, Expert
from lodestar.experts.panels import staff_expert

PAGE_SIZE = 50


# --- Staff list and detail ------------------------------------------------------------------------


def _filtered(params: Any) -> tuple[QuerySet[Expert], dict[str, str]]:
    filters = {key: params.get(key, "").strip() for key in ("pool", "nation", "available", "q")}
    qs = Expert.objects.all()
    if filters["pool"] in Expert.Pool.values:
        qs = qs.filter(pool=filters["pool"])
    if filters["nation"]:
        qs = qs.filter(nation=filters["nation"].upper()[:2])
    if filters["available"] in ("yes", "no"):
        qs = qs.filter(available=filters["available"] == "yes")
    if filters["q"]:
        term = filters["q"][:100]
        qs = qs.filter(
            Q(full_name__icontains=term)
            | Q(email__icontains=term)
            | Q(keywords__icontains=term)
            | Q(organisation_name__icontains=term)
        )
    qs = (
        qs.select_related("user")
        .prefetch_related("areas")
        .annotate(document_count=Count("documents", distinct=True))
        .order_by("full_name", "pk")
    )
    return qs, filters


@staff_only
def expert_list(request: HttpRequest) -> HttpResponse:
    qs, filters = _filtered(request.GET)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    nations = Expert.objects.values_list("nation", flat=True).distinct().order_by("nation")
    return render(
        request,
        "experts/list.html",
        {
            "page": page,
            "filters": filters,
            "pools": Expert.Pool.choices,
            "nations": sorted(((code, nation_name(code)) for code in nations), key=lambda n: sort_key(n[1])),
        },
    )


@staff_only
def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    expert = get_object_or_404(
        Expert.objects.select_related("user", "organisation").prefetch_related(
            "areas", "documents", "employment", "declarations"
        ),
        pk=pk,
    )
    return render(
        request,
        "experts/detail.html",
        {
            "expert": expert,
            "events": history(expert)[:30],
            # The review stages add the expert's conflicts: see experts/panels.py.
            "panels": staff_expert.panels(request, expert),
        },
    )


# --- Profile (the expert's own, or staff editing it) ----------------------------------------------


def _edit_profile(request: HttpRequest, expert: Expert, template: str, done_url: str) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    # Initial rows only to show the page: a posted row equal to its initial value would count as
    # "unchanged" and be dropped, so the posted rows alone say what the profile holds.
    employment_initial = (
        None
        if data is not None
        else [
            {"organisation_name": j.organisation_name, "start_year": j.start_year, "end_year": j.end_year}
            for j in expert.employment.all()
        ]
    )
    document_initial = (
        None
        if data is not None
        else [
            {"kind": d.kind, "title": d.title, "year": d.year, "authors": d.authors, "abstract": d.abstract}
            for d in expert.documents.all()
        ]
    )
    form = ExpertProfileForm(data, instance=expert)
    employment = cast(
        BaseEmploymentFormSet, EmploymentFormSet(data, prefix="employment", initial=employment_initial)
    )
    documents = cast(BaseDocumentFormSet, DocumentFormSet(data, prefix="documents", initial=document_initial))
    if data is not None and form.is_valid() and employment.is_valid() and documents.is_valid():
        try:
            actions.check_update_profile(
                expert,
                signed_in_user(request),
                form.profile_fields(),
                areas=form.cleaned_data["areas"],
                employment=employment.rows(),
                documents=documents.rows(),
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(done_url)
    return render(
        request,
        template,
        {
            "expert": expert,
            "form": form,
            "employment": employment,
            "documents": documents,
            "max_documents": MAX_DOCUMENTS,
            "declaration_form": OrganisationDeclarationForm(),
        },
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in expert's own profile; anyone without one gets 404."""
    expert = get_object_or_404(
        Expert.objects.prefetch_related("employment", "documents", "declarations"),
        user=signed_in_user(request),
    )
    return _edit_profile(request, expert, "experts/profile.html", reverse("experts:profile"))


@staff_only
def expert_edit(request: HttpRequest, pk: int) -> HttpResponse:
    expert = get_object_or_404(Expert.objects.prefetch_related("employment", "documents"), pk=pk)
    return _edit_profile(
        request,
        expert,
        "experts/profile.html",
        reverse("experts:expert_detail", args=[expert.pk]),
    )


# --- Invitation -----------------------------------------------------------------------------------


@staff_only
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            expert = actions.check_invite_expert(
                signed_in_user(request),
                email=d["email"],
                full_name=d["full_name"],
                nation=d["nation"],
                pool=d["pool"],
                language=d["language"],
                message=d["message"],
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request, _("The invitation is on its way to %(email)s.") % {"email": expert.email}
            )
            return redirect("experts:expert_detail", pk=expert.pk)
    return render(request, "experts/invite.html", {"form": form})


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link of an invitation letter: sign in or sign up, come back, accept."""
    try:
        expert = actions.read_invitation(token)
    except ValidationError as exc:
        linked = request.user.is_authenticated and Expert.objects.filter(user=request.user).exists()
        return render(
            request,
            "experts/invitation.html",
            {"error": error_text(exc), "linked": linked},
            status=410 if exc.code in ("expired", "used") else 400,
        )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            actions.check_accept_invitation(token, signed_in_user(request))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request, _("Welcome! You are now an expert reviewer. Please complete your profile.")
            )
            return redirect("experts:profile")
    next_query = urlencode({"next": request.path})
    return render(
        request,
        "experts/invitation.html",
        {
            "expert": expert,
            "login_url": f"{reverse('account_login')}?{next_query}",
            "signup_url": f"{reverse('account_signup')}?{next_query}",
        },
    )


# --- Import ---------------------------------------------------------------------------------------


@staff_only
def import_experts(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "columns": experts_import.COLUMNS, "pools": Expert.Pool.choices}
    context["areas"] = EdtArea.objects.all()
    if request.method == "POST" and form.is_valid():
        parsed = experts_import.parse_experts_csv(
            form.cleaned_data["file"].read(), area_codes=[a.code for a in context["areas"]]
        )
        if parsed.errors:
            context["errors"] = [str(e) for e in parsed.errors]
        else:
            try:
                summary = actions.check_import_experts(parsed.rows, signed_in_user(request))
            except (ValidationError, PermissionDenied) as exc:
                context["errors"] = [error_text(exc)]
            else:
                context["summary"] = summary
                messages.success(
                    request,
                    _("Import done: %(created)s new experts, %(updated)s updated.")
                    % {"created": len(summary.created), "updated": len(summary.updated)},
                )
    status = 400 if context.get("errors") else 200
    return render(request, "experts/import.html", context, status=status)


# --- Declarations from the profile ---------------------------------------------------------------


@login_required
def declare_organisation(request: HttpRequest) -> HttpResponse:
    expert = get_object_or_404(Expert, user=signed_in_user(request))
    if request.method != "POST":
        return redirect("experts:profile")
    form = OrganisationDeclarationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the organisation's name."))
        return redirect("experts:profile")
    try:
        actions.check_declare_organisation(
            expert, signed_in_user(request), form.cleaned_data["name"], form.cleaned_data["reason"]
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Declared. You will not be asked to review applications of %(name)s.")
            % {"name": form.cleaned_data["name"]},
        )
    return redirect(f"{reverse('experts:profile')}#declarations")
