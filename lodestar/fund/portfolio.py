"""The portfolio's actions: an investment made from a deal at closing (its first round, within the fund's
rules: the maximum first cheque and the concentration limit), follow-on rounds and the fund's ownership
after each, commitments to other funds and their drawdowns, proceeds received, and quarterly valuations.
The fund row is locked while the limits are checked, so two cheques written at once cannot both pass a
limit that only one fits. Actions never see the request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.money import format_money
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.fund import workflow as wf
from lodestar.fund.actions import require_fund_team
from lodestar.fund.models import Deal, Fund, Investment, Realisation, Round, Valuation

ACTION_LABELS["fund:invested"] = gettext_lazy("Investment made")
ACTION_LABELS["fund:round_added"] = gettext_lazy("Round recorded")
ACTION_LABELS["fund:fund_committed"] = gettext_lazy("Commitment to another fund")
ACTION_LABELS["fund:proceeds"] = gettext_lazy("Proceeds received")
ACTION_LABELS["fund:valued"] = gettext_lazy("Valuation recorded")

CENT = Decimal("0.01")


@dataclass(frozen=True)
class RoundData:
    on: date
    label: str
    instrument: str
    amount: Decimal
    round_size: Decimal | None = None
    pre_money: Decimal | None = None


def _positive_cents(amount: Decimal | None, what: str) -> None:
    if amount is None or amount <= 0 or amount != amount.quantize(CENT):
        raise ValidationError(_("%(what)s must be positive, in whole cents.") % {"what": what})


def _check_round(data: RoundData) -> None:
    _positive_cents(data.amount, _("The amount invested"))
    if data.instrument not in Round.Instrument.values:
        raise ValidationError(_("Unknown instrument."))
    if not data.label.strip():
        raise ValidationError(_("Name the round."))
    if data.round_size is not None and data.round_size < data.amount:
        raise ValidationError(_("The round cannot be smaller than the fund's part of it."))
    if data.pre_money is not None and data.pre_money <= 0:
        raise ValidationError(_("The pre-money valuation must be positive."))


def _invested_in(investment_ids: Any) -> Decimal:
    return Round.objects.filter(investment__in=investment_ids).aggregate(s=Sum("amount"))["s"] or Decimal(0)


def _check_limits(fund: Fund, investment: Investment | None, amount: Decimal, first: bool) -> None:
    """The fund's rules, read from its data: the first cheque into a company, and how much of the fund
    one company may hold (the concentration limit, on the fund's size)."""
    rules = fund.rules
    if first:
        cap = Decimal(str(rules.get("max_first_cheque", "0")))
        if cap and amount > cap:
            raise ValidationError(
                _("A first cheque may be at most %(cap)s.") % {"cap": format_money(cap, fund.currency)}
            )
    limit = Decimal(str(rules.get("concentration_limit", "0")))
    if limit:
        so_far = _invested_in([investment.pk]) if investment is not None and investment.pk else Decimal(0)
        ceiling = (fund.size * limit).quantize(CENT)
        if so_far + amount > ceiling:
            raise ValidationError(
                _("This would put %(total)s in one company, above the concentration limit of %(ceiling)s.")
                % {
                    "total": format_money(so_far + amount, fund.currency),
                    "ceiling": format_money(ceiling, fund.currency),
                }
            )


def _ownership_after(previous: Decimal | None, data: RoundData) -> Decimal | None:
    """The fund's share after an equity round priced by its pre-money valuation: what it held is diluted
    by pre / post, and what it bought is amount / post. A note or a SAFE converts later: unchanged."""
    if data.instrument != Round.Instrument.EQUITY or data.pre_money is None:
        return previous
    post = data.pre_money + (data.round_size or data.amount)
    held = (previous or Decimal(0)) * data.pre_money / post
    return (held + data.amount / post).quantize(Decimal("0.00000001"))


def check_invest(deal: Deal, first: RoundData, actor: Any, reserve: Decimal = Decimal(0)) -> Investment:
    """The fund invests in the deal's company: the investment and its first round. The deal must be at
    closing (it moves to the portfolio) and not invested in yet."""
    require_fund_team(actor, deal)
    _check_round(first)
    if reserve < 0:
        raise ValidationError(_("The reserve cannot be negative."))
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=deal.fund_id)
        deal = Deal.objects.select_for_update().select_related("organisation").get(pk=deal.pk)
        if deal.status != wf.DealStatus.CLOSING:
            raise ValidationError(_("Only a deal at closing can be invested in."))
        if Investment.objects.filter(deal=deal).exists():
            raise ValidationError(_("This deal has its investment already."))
        _check_limits(fund, None, first.amount, first=True)
        investment = Investment.objects.create(
            fund=fund,
            kind=Investment.Kind.DIRECT,
            deal=deal,
            name=deal.organisation.legal_name,
            nation=deal.organisation.headquarters_nation,
            reserve=reserve,
            created_by=actor,
        )
        Round.objects.create(
            investment=investment, ownership_after=_ownership_after(None, first), **first.__dict__
        )
        transition(deal, wf.DealStatus.PORTFOLIO, actor, note=format_money(first.amount, fund.currency))
        record(investment, action="fund:invested", actor=actor, note=f"{first.label}: {first.amount}")
    return investment


def check_add_round(investment: Investment, data: RoundData, actor: Any) -> Round:
    """A follow-on round in a company, or a drawdown of a fund committed to (within its commitment).
    A follow-on draws on the investment's reserve first."""
    require_fund_team(actor, investment)
    _check_round(data)
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=investment.fund_id)
        investment = Investment.objects.select_for_update().get(pk=investment.pk)
        last = investment.rounds.order_by("-on", "-pk").first()
        if last is not None and data.on < last.on:
            raise ValidationError(_("A round cannot be dated before the last one."))
        if investment.kind == Investment.Kind.FUND:
            drawn = _invested_in([investment.pk])
            if investment.commitment is not None and drawn + data.amount > investment.commitment:
                raise ValidationError(
                    _("This drawdown would exceed the commitment: %(left)s is left.")
                    % {"left": format_money(investment.commitment - drawn, fund.currency)}
                )
        else:
            _check_limits(fund, investment, data.amount, first=False)
        created = Round.objects.create(
            investment=investment,
            follow_on=investment.kind == Investment.Kind.DIRECT,
            ownership_after=_ownership_after(last.ownership_after if last else None, data),
            **data.__dict__,
        )
        if investment.kind == Investment.Kind.DIRECT and investment.reserve:
            investment.reserve = max(Decimal(0), investment.reserve - data.amount)
            investment.save(update_fields=["reserve"])
        record(investment, action="fund:round_added", actor=actor, note=f"{data.label}: {data.amount}")
    return created


def check_commit_to_fund(fund: Fund, name: str, nation: str, commitment: Decimal, actor: Any) -> Investment:
    """A commitment to another deep-tech fund (fund of funds); its drawdowns are recorded as rounds."""
    require_fund_team(actor, fund)
    _positive_cents(commitment, _("The commitment"))
    if not name.strip():
        raise ValidationError(_("Name the fund committed to."))
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=fund.pk)
        investment = Investment.objects.create(
            fund=fund,
            kind=Investment.Kind.FUND,
            name=name.strip(),
            nation=nation,
            commitment=commitment,
            created_by=actor,
        )
        record(investment, action="fund:fund_committed", actor=actor, note=str(commitment))
    return investment


def check_record_proceeds(
    investment: Investment, on: date, amount: Decimal, description: str, actor: Any
) -> Realisation:
    require_fund_team(actor, investment)
    _positive_cents(amount, _("The amount received"))
    if not description.strip():
        raise ValidationError(_("Say where the money came from."))
    with transaction.atomic():
        investment = Investment.objects.select_for_update().get(pk=investment.pk)
        first = investment.rounds.order_by("on").first()
        if first is None or on < first.on:
            raise ValidationError(_("Proceeds cannot come before the first money invested."))
        realisation = Realisation.objects.create(
            investment=investment, on=on, amount=amount, description=description.strip()
        )
        record(investment, action="fund:proceeds", actor=actor, note=f"{on.isoformat()}: {amount}")
    return realisation


def check_record_valuation(
    investment: Investment, on: date, value: Decimal, method: str, actor: Any, note: str = ""
) -> Valuation:
    """The position's value at a quarter's end; a second valuation of the same quarter replaces the
    first (the audit trail keeps both)."""
    require_fund_team(actor, investment)
    if value < 0 or value != value.quantize(CENT):
        raise ValidationError(_("The value must be zero or positive, in whole cents."))
    if method not in Valuation.Method.values:
        raise ValidationError(_("Unknown valuation method."))
    with transaction.atomic():
        investment = Investment.objects.select_for_update().get(pk=investment.pk)
        valuation, _created = Valuation.objects.update_or_create(
            investment=investment,
            on=on,
            defaults={"value": value, "method": method, "note": note.strip()[:300]},
        )
        record(investment, action="fund:valued", actor=actor, note=f"{on.isoformat()}: {value} ({method})")
    return valuation
