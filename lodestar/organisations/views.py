from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.roles import PROGRAMME_TEAM, ScopeKind, for_role
from lodestar.organisations import actions
from lodestar.organisations import workflow as wf
from lodestar.organisations.forms import (
    AddMemberForm,
    BaseShareholderFormSet,
    OrganisationForm,
    ShareholderFormSet,
)
from lodestar.organisations.models import Invitation, Organisation

FORM_FIELDS = [
    "legal_name",
    "headquarters_nation",
    "kind",
    "year_founded",
    "employees",
    "website",
    "description",
]


def _visible(request: HttpRequest) -> QuerySet[Organisation]:
    """Members see their organisations; the programme team every organisation (a team of some
    programmes, those that applied to them)."""
    user = signed_in_user(request)
    if user.has_role(*PROGRAMME_TEAM):
        return Organisation.objects.all()
    mine = Q(memberships__user=user)
    if user.is_programme_team:
        applied = for_role(
            Organisation.objects.all(),
            user,
            PROGRAMME_TEAM,
            kind=ScopeKind.PROGRAMME,
            via="applications__challenge__call__programme",
        )
        mine |= Q(pk__in=applied.values("pk"))
    return Organisation.objects.filter(mine).distinct()


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(memberships__user=signed_in_user(request)).prefetch_related(
        "areas"
    )
    return render(
        request,
        "organisations/list.html",
        {"organisations": organisations, "invitations": actions.invitations_for(signed_in_user(request))},
    )


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    formset = cast(BaseShareholderFormSet, ShareholderFormSet(request.POST or None, prefix="shares"))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            organisation = actions.check_create_organisation(
                request.user,
                fields={name: form.cleaned_data[name] for name in FORM_FIELDS},
                areas=form.cleaned_data["areas"],
                shareholders=formset.shareholders(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": organisation.legal_name})
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(
                next_url, {request.get_host()}, require_https=request.is_secure()
            ):
                return redirect(next_url)
            return redirect("organisations:detail", pk=organisation.pk)
    return render(request, "organisations/form.html", {"form": form, "formset": formset, "creating": True})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(_visible(request).prefetch_related("areas", "shareholders"), pk=pk)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "members": organisation.memberships.select_related("user"),
            "is_member": actions.can_manage(organisation, request.user),
            "member_form": AddMemberForm(initial={"language": request.LANGUAGE_CODE}),
            # Open invitations: for members only (an address is personal data of the invitee).
            "invitations": organisation.invitations.filter(status__in=wf.OPEN).select_related("invited_by")
            if actions.can_manage(organisation, request.user)
            else [],
        },
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.filter(memberships__user=signed_in_user(request)), pk=pk
    )
    initial_shares = [
        {"name": s.name, "nation": s.nation, "percentage": s.percentage}
        for s in organisation.shareholders.all()
    ]
    form = OrganisationForm(request.POST or None, instance=organisation)
    formset = cast(
        BaseShareholderFormSet,
        ShareholderFormSet(request.POST or None, prefix="shares", initial=initial_shares),
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            actions.check_update_organisation(
                organisation,
                request.user,
                fields={name: form.cleaned_data[name] for name in FORM_FIELDS},
                areas=form.cleaned_data["areas"],
                shareholders=formset.shareholders(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request, "organisations/form.html", {"form": form, "formset": formset, "organisation": organisation}
    )


@login_required
@require_POST
def organisation_add_member(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite a person by e-mail address: they become a member only once they accept."""
    organisation = get_object_or_404(
        Organisation.objects.filter(memberships__user=signed_in_user(request)), pk=pk
    )
    form = AddMemberForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("organisations:detail", pk=organisation.pk)
    try:
        invitation = actions.check_invite_member(
            organisation,
            form.cleaned_data["email"],
            signed_in_user(request),
            form.cleaned_data["language"] or request.LANGUAGE_CODE,
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("An invitation has been sent to %(email)s; they become a member once they accept it.")
            % {"email": invitation.email},
        )
    return redirect("organisations:detail", pk=organisation.pk)


@login_required
@require_POST
def answer_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """The invited person accepts or declines; an invitation sent to another address does not exist
    for them (404)."""
    invitation = get_object_or_404(actions.invitations_for(signed_in_user(request)), pk=pk)
    accept = request.POST.get("answer") == "accept"
    try:
        actions.check_answer_invitation(invitation, signed_in_user(request), accept=accept)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
        return redirect("organisations:list")
    if accept:
        messages.success(
            request, _("You are now a member of %(name)s.") % {"name": invitation.organisation.legal_name}
        )
        return redirect("organisations:detail", pk=invitation.organisation_id)
    messages.success(request, _("The invitation is declined."))
    return redirect("organisations:list")


@login_required
@require_POST
def revoke_invitation(request: HttpRequest, pk: int, invitation_id: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.filter(memberships__user=signed_in_user(request)), pk=pk
    )
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation"), pk=invitation_id, organisation=organisation
    )
    try:
        actions.check_revoke_invitation(invitation, signed_in_user(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
        )
    return redirect("organisations:detail", pk=organisation.pk)
