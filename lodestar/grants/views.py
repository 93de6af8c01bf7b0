"""Pages of grant execution.

One page per award serves everyone who may see it: the company signs its agreement, reports its
milestones and reports and enters its bank details; programme staff accept or return; the director
makes awards, signs and amends; finance approves payments and exports them. Each view looks its
object up among those the user may see (404 otherwise), parses the input and calls an action.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications import workflow as application_wf
from lodestar.applications.models import Application
from lodestar.core.errors import error_text
from lodestar.core.models import Audience
from lodestar.core.permissions import director_only, may_act, role_required, staff_only
from lodestar.core.roles import ANYWHERE, DIRECTORS, FINANCE_TEAM, PROGRAMME_TEAM
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.grants import actions, exports, payments
from lodestar.grants import workflow as wf
from lodestar.grants.forms import NOTE_AUDIENCES, AmendForm, BankAccountForm
from lodestar.grants.models import Agreement, Award, BankAccount, Evidence, Milestone, PaymentOrder, Report
from lodestar.grants.queries import mark_notes
from lodestar.programmes.queries import team_call

REFUSED = (ValidationError, PermissionDenied, TransitionNotAllowed)
finance_or_staff = role_required(*PROGRAMME_TEAM, *FINANCE_TEAM)
finance_only = role_required(*FINANCE_TEAM)


def _award(request: HttpRequest, pk: int) -> Award:
    return get_object_or_404(
        Award.objects.visible_to(request.user).select_related(
            "application__organisation", "application__challenge__call__programme"
        ),
        pk=pk,
    )


def _private_pdf(file: Any, filename: str) -> FileResponse:
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _done(request: HttpRequest, award: Award, message: str, exc: Exception | None) -> HttpResponse:
    if exc is not None:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, message)
    return redirect("grants:award", pk=award.pk)


def _audience(request: HttpRequest) -> str:
    """Who reads a decision note: internal unless the form shares it (a client without the field
    keeps notes internal; an unknown value is refused by the action)."""
    return request.POST.get("audience", "") or Audience.INTERNAL


@login_required
def my_awards(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    awards = Award.objects.visible_to(user).select_related(
        "application__organisation", "application__challenge__call"
    )
    # Finance and staff reach the payment orders from here (the main menu names no role of theirs).
    orders = user.has_role(*PROGRAMME_TEAM, *FINANCE_TEAM, scope=ANYWHERE)
    return render(request, "grants/my_awards.html", {"awards": awards, "orders": orders})


@login_required
def award(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    award = _award(request, pk)
    agreement = award.current_agreement()
    member = award.is_member(user)
    team = wf.is_programme_team(user, award)
    # A decision note reaches the company only when its author shared it (grants/queries.py).
    milestones = mark_notes(
        award.milestones.prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
        ),
        team=team,
    )
    context = {
        "award": award,
        "agreement": agreement,
        "versions": award.agreements.prefetch_related("signatures__signer"),
        "milestones": milestones,
        "payments": award.payments.select_related("approved_by", "tranche"),
        "reports": mark_notes(award.reports.all(), team=team),
        "audiences": NOTE_AUDIENCES,
        "phases": award.phases.all(),
        "tranches": award.tranches.select_related("milestone"),
        "committed": payments.committed_total(award),
        "is_member": member,
        "is_team": team,
        "is_director": wf.is_director(user, award),
        "can_sign": agreement is not None
        and (
            (agreement.status == wf.AGREEMENT_DRAFT and member)
            or (agreement.status == wf.AGREEMENT_COMPANY_SIGNED and wf.is_director(user, award))
        ),
        "bank_account": BankAccount.objects.filter(organisation_id=award.application.organisation_id).first(),
        "amend_form": AmendForm(),
    }
    return render(request, "grants/award.html", context)


@login_required
def agreement_pdf(request: HttpRequest, pk: int, version: int) -> FileResponse:
    award = _award(request, pk)
    agreement = get_object_or_404(Agreement, award=award, version=version)
    return _private_pdf(agreement.document, f"agreement-{award.pk}-v{version}.pdf")


@login_required
def signed_copy(request: HttpRequest, pk: int, version: int) -> FileResponse:
    award = _award(request, pk)
    agreement = get_object_or_404(Agreement, award=award, version=version)
    signature = agreement.signatures.exclude(upload="").first()
    if signature is None:
        raise Http404
    return _private_pdf(signature.upload, f"agreement-{award.pk}-v{version}-signed.pdf")


@login_required
@require_POST
def sign(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    award = _award(request, pk)
    agreement = get_object_or_404(Agreement, award=award, version=version)
    try:
        actions.check_sign_agreement(
            agreement,
            signed_in_user(request),
            seen_sha256=request.POST.get("sha256", ""),
            upload=request.FILES.get("signed_copy"),
        )
    except REFUSED as exc:
        return _done(request, award, "", exc)
    return _done(request, award, _("The agreement is signed."), None)


@login_required
@require_POST
def amend(request: HttpRequest, pk: int) -> HttpResponse:
    award = _award(request, pk)
    if not wf.is_director(signed_in_user(request), award):
        raise PermissionDenied
    form = AmendForm(request.POST)
    if not form.is_valid():
        return _done(request, award, "", ValidationError(form.errors.as_text()))
    try:
        actions.check_amend_agreement(
            award,
            signed_in_user(request),
            form.cleaned_data["note"],
            amount=form.cleaned_data.get("amount"),
            ends_on=form.cleaned_data.get("ends_on"),
        )
    except REFUSED as exc:
        return _done(request, award, "", exc)
    return _done(request, award, _("A new version of the agreement is ready to sign."), None)


@login_required
@require_POST
def terminate(request: HttpRequest, pk: int) -> HttpResponse:
    award = _award(request, pk)
    user = signed_in_user(request)
    if not wf.is_director(user, award):
        raise PermissionDenied
    try:
        actions.check_terminate_award(award, user, request.POST.get("note", ""))
    except REFUSED as exc:
        return _done(request, award, "", exc)
    return _done(request, award, _("The award is terminated; payments still waiting are cancelled."), None)


@login_required
@require_POST
def milestone(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The moves of a milestone, named by the form's `do`: evidence, submit, accept, return."""
    award = _award(request, pk)
    item = get_object_or_404(Milestone, award=award, number=number)
    user = signed_in_user(request)
    step = request.POST.get("do", "")
    note = request.POST.get("note", "")
    try:
        if step == "evidence":
            upload = request.FILES.get("file")
            if upload is None:
                raise ValidationError(_("Choose a PDF file to upload."))
            actions.check_add_evidence(item, user, upload)
            done = _("The file is added.")
        elif step == "submit":
            actions.check_submit_milestone(item, user)
            done = _("The milestone is submitted for acceptance.")
        elif step in ("accept", "return"):
            actions.check_decide_milestone(
                item, user, accept=step == "accept", note=note, audience=_audience(request)
            )
            done = _("The milestone is accepted.") if step == "accept" else _("The milestone is returned.")
        else:
            raise ValidationError(_("Unknown request."))
    except REFUSED as exc:
        return _done(request, award, "", exc)
    return _done(request, award, done, None)


@login_required
def evidence(request: HttpRequest, pk: int, number: int, evidence_id: int) -> FileResponse:
    award = _award(request, pk)
    item = get_object_or_404(Evidence, pk=evidence_id, milestone__award=award, milestone__number=number)
    # Named by the application, milestone and position, never by the uploader's file name.
    position = list(item.milestone.evidence.values_list("pk", flat=True)).index(item.pk) + 1
    name = f"{award.application.reference}-milestone-{number}-evidence-{position}.pdf"
    return _private_pdf(item.file, name)


@login_required
@require_POST
def report(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    award = _award(request, pk)
    item = get_object_or_404(Report, award=award, number=number)
    user = signed_in_user(request)
    step = request.POST.get("do", "")
    try:
        if step == "submit":
            actions.check_submit_report(item, user, request.POST.get("text", ""))
            done = _("The report is sent.")
        elif step in ("accept", "return"):
            actions.check_decide_report(
                item,
                user,
                accept=step == "accept",
                note=request.POST.get("note", ""),
                audience=_audience(request),
            )
            done = _("The report is accepted.") if step == "accept" else _("The report is returned.")
        else:
            raise ValidationError(_("Unknown request."))
    except REFUSED as exc:
        return _done(request, award, "", exc)
    return _done(request, award, done, None)


@login_required
def bank_account(request: HttpRequest, pk: int) -> HttpResponse:
    award = _award(request, pk)
    user = signed_in_user(request)
    organisation = award.application.organisation
    if not award.is_member(user):
        raise PermissionDenied
    current = BankAccount.objects.filter(organisation=organisation).first()
    form = BankAccountForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_save_bank_account(organisation, user, **form.cleaned_data)
        except REFUSED as exc:
            if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The bank details are saved."))
            return redirect("grants:award", pk=award.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "grants/bank_account.html", {"award": award, "form": form}, status=status)


# --- Staff ---------------------------------------------------------------------------------------


@staff_only
def call_awards(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    selected = (
        call_applications(call)
        .filter(status=application_wf.SELECTED)
        .select_related("organisation", "award")
        .order_by("organisation__legal_name")
    )
    return render(
        request,
        "grants/call_awards.html",
        {"call": call, "selected": selected, "is_director": may_act(user, DIRECTORS, call)},
    )


def call_applications(call: Any) -> Any:
    return Application.objects.filter(challenge__call=call)


@director_only
@require_POST
def make_award(request: HttpRequest, slug: str, application_id: int) -> HttpResponse:
    user = signed_in_user(request)
    call = team_call(user, slug)
    application = get_object_or_404(call_applications(call), pk=application_id)
    try:
        award = actions.check_make_award(application, user)
    except REFUSED as exc:
        messages.error(request, error_text(exc))
        return redirect("grants:call_awards", slug=call.slug)
    messages.success(request, _("The award is made; the agreement waits for the company's signature."))
    return redirect("grants:award", pk=award.pk)


def _orders(request: HttpRequest) -> Any:
    return PaymentOrder.objects.visible_to(request.user).select_related(
        "award__application__organisation__bank_account",
        "award__application__challenge__call",  # the award's programme, for scoped finance's checks
        "approved_by",
        "requested_by",
    )


@finance_or_staff
def payment_orders(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    status = request.GET.get("status", wf.REQUESTED)
    if status not in wf.PAYMENT_STATES:
        status = wf.REQUESTED
    orders = list(_orders(request).filter(status=status).order_by("requested_at", "pk"))
    for order in orders:
        order.may_approve = wf.may_approve_payment(user, order)
    return render(
        request,
        "grants/payments.html",
        {
            "orders": orders,
            "status": status,
            "states": wf.PAYMENT_STATES,
            "is_finance": user.has_role(*FINANCE_TEAM, scope=ANYWHERE),
        },
    )


@finance_only
@require_POST
def payment_move(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    user = signed_in_user(request)
    order = get_object_or_404(_orders(request), pk=pk)
    try:
        if move == "approve":
            payments.check_approve_payment(order, user)
        elif move == "paid":
            payments.check_mark_paid(order, user)
        elif move == "cancel":
            payments.check_cancel_payment(order, user, request.POST.get("note", ""))
        else:
            raise Http404
    except REFUSED as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The payment order is updated."))
    return redirect(f"{reverse('grants:payments')}?status={order.status}")


@finance_only
def export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    orders = _orders(request).filter(status=wf.APPROVED).order_by("approved_at", "pk")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        data, kind = exports.as_csv(orders), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        data, kind = (
            exports.as_xlsx(orders),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "xml":
        try:
            execution = (
                dt.date.fromisoformat(request.GET.get("date", "")) if request.GET.get("date") else None
            )
        except ValueError:
            return HttpResponse(_("The date must read YYYY-MM-DD."), status=400)
        try:
            data = exports.as_sepa(orders, execution or timezone.localdate() + dt.timedelta(days=1))
        except ValidationError as exc:
            return HttpResponse(error_text(exc), status=400, content_type="text/plain; charset=utf-8")
        kind = "application/xml"
    else:
        raise Http404
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="payments-{stamp}.{fmt}"'
    return response
