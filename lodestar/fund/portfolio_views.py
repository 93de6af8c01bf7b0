"""Pages of the portfolio: the fund team's dashboard (positions, the fund's figures with their definitions,
the split by nation, EDT area and stage), one investment with its rounds, proceeds and valuations, and the
partner nations' dashboards (the team reads every nation's; a partner's representative its own only).
Each page parses its input and calls lodestar/fund/portfolio.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.permissions import role_required
from lodestar.core.roles import FUND_PARTNERS, FUND_TEAM
from lodestar.fund import portfolio
from lodestar.fund.forms import CommitForm, InvestForm, ProceedsForm, RoundForm, ValuationForm
from lodestar.fund.models import Investment, Notice
from lodestar.fund.performance import partner_figures_from, snapshot
from lodestar.fund.queries import readable_partners, team_deals, team_funds

fund_team_only = role_required(*FUND_TEAM)
fund_readers = role_required(*FUND_TEAM, *FUND_PARTNERS)


def _as_of(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else timezone.localdate()
    except ValueError:
        raise ValidationError(_("The date must be written YYYY-MM-DD.")) from None


def _bad_date() -> HttpResponse:
    return HttpResponse(_("The date must be written YYYY-MM-DD."), status=400)


def _invalid(form: Any) -> HttpResponse:
    text = " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
    )
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


def _round(data: dict[str, Any]) -> portfolio.RoundData:
    return portfolio.RoundData(
        on=data["on"],
        label=data["label"],
        instrument=data["instrument"],
        amount=data["amount"],
        round_size=data.get("round_size"),
        pre_money=data.get("pre_money"),
    )


@fund_team_only
def dashboard(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    fund = team_funds(user).first()
    if fund is None:
        raise Http404
    try:
        as_of = _as_of(request)
    except ValidationError:
        return _bad_date()
    snap = snapshot(fund, as_of)
    return render(
        request,
        "fund/portfolio.html",
        {"fund": fund, "snap": snap, "commit_form": CommitForm(), "as_of": as_of},
    )


@require_POST
@fund_team_only
def commit(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    fund = team_funds(user).first()
    form = CommitForm(request.POST)
    if fund is None:
        raise Http404
    if not form.is_valid():
        return _invalid(form)
    data = form.cleaned_data
    try:
        investment = portfolio.check_commit_to_fund(
            fund, data["name"], data["nation"], data["commitment"], user
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
        return redirect("fund:portfolio")
    return redirect("fund:investment", pk=investment.pk)


@require_POST
@fund_team_only
def invest(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    deal = get_object_or_404(team_deals(user), pk=pk)
    form = InvestForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    try:
        investment = portfolio.check_invest(
            deal, _round(form.cleaned_data), user, reserve=form.cleaned_data["reserve"] or Decimal(0)
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
        return redirect("fund:deal", pk=deal.pk)
    return redirect("fund:investment", pk=investment.pk)


def _investments(user: Any) -> Any:
    return Investment.objects.filter(fund__in=team_funds(user))


@fund_team_only
def investment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    investment = get_object_or_404(_investments(user).select_related("fund", "deal__organisation"), pk=pk)
    snap = snapshot(investment.fund, timezone.localdate())
    position = next((p for p in snap.positions if p.investment.pk == investment.pk), None)
    return render(
        request,
        "fund/investment.html",
        {
            "investment": investment,
            "position": position,
            "rounds": investment.rounds.all(),
            "realisations": investment.realisations.all(),
            "valuations": investment.valuations.all(),
            "round_form": RoundForm(),
            "proceeds_form": ProceedsForm(),
            "valuation_form": ValuationForm(),
        },
    )


def _investment_action(
    request: HttpRequest, pk: int, form_class: Any, act: Callable[..., object]
) -> HttpResponse:
    user = signed_in_user(request)
    investment = get_object_or_404(_investments(user), pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _invalid(form)
    try:
        act(investment, form.cleaned_data, user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    return redirect("fund:investment", pk=investment.pk)


@require_POST
@fund_team_only
def round_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _investment_action(
        request, pk, RoundForm, lambda inv, data, user: portfolio.check_add_round(inv, _round(data), user)
    )


@require_POST
@fund_team_only
def proceeds_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _investment_action(
        request,
        pk,
        ProceedsForm,
        lambda inv, d, user: portfolio.check_record_proceeds(
            inv, d["on"], d["amount"], d["description"], user
        ),
    )


@require_POST
@fund_team_only
def valuation_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _investment_action(
        request,
        pk,
        ValuationForm,
        lambda inv, d, user: portfolio.check_record_valuation(
            inv, d["on"], d["value"], d["method"], user, d["note"]
        ),
    )


@fund_readers
def partners(request: HttpRequest) -> HttpResponse:
    """Every partner nation's figures for the team; a partner's representative sees its own nation only."""
    user = signed_in_user(request)
    try:
        as_of = _as_of(request)
    except ValidationError:
        return _bad_date()
    readable = list(
        readable_partners(user)
        .select_related("fund")
        .prefetch_related(
            Prefetch("notices", queryset=Notice.objects.filter(event__on__lte=as_of).select_related("event"))
        )
    )
    snaps = {}
    rows = []
    for partner in readable:
        if partner.fund_id not in snaps:
            snaps[partner.fund_id] = snapshot(partner.fund, as_of)
        rows.append(partner_figures_from(partner, list(partner.notices.all()), snaps[partner.fund_id]))
    if len(rows) == 1 and not team_funds(user).exists():
        return redirect("fund:partner", nation=rows[0].partner.nation)
    return render(request, "fund/partners.html", {"rows": rows, "as_of": as_of})


@fund_readers
def partner_detail(request: HttpRequest, nation: str) -> HttpResponse:
    user = signed_in_user(request)
    partner = get_object_or_404(readable_partners(user).select_related("fund"), nation=nation.upper())
    try:
        as_of = _as_of(request)
    except ValidationError:
        return _bad_date()
    snap = snapshot(partner.fund, as_of)
    notices = list(
        partner.notices.filter(event__on__lte=as_of).select_related("event").order_by("-event__on")
    )
    figures = partner_figures_from(partner, notices, snap)
    share = figures.share
    splits = {
        key: [(label, (value * share).quantize(Decimal("0.01")), part) for label, value, part in rows]
        for key, rows in snap.splits.items()
    }
    return render(
        request,
        "fund/partner.html",
        {
            "partner": partner,
            "f": figures,
            "notices": notices,
            "splits": splits,
            "as_of": as_of,
            "snap": snap,
        },
    )
