"""From a radar signal to the fund's deal flow, through the fund app's public actions and queries.

An organisation the radar reads in the news and knows in the directory can go onto a fund's board in one
step ("add to deal flow"): the deal is made by ``fund.actions.check_add_deal`` for the directory's row,
so the company is never typed twice; when it is already on that fund's board the signal links to that
deal instead. Only the fund team of that fund may do it (``fund.actions`` checks). The fund app is
another team's: this module only calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lodestar.fund import actions as fund_actions
from lodestar.fund.models import Deal, Fund
from lodestar.fund.queries import team_funds
from lodestar.organisations.models import Organisation


@dataclass(frozen=True)
class DealLink:
    """A fund the reader works on, and the deal the organisation has there (None: not on its board)."""

    fund: Fund
    deal: Deal | None


def funds_of(user: Any) -> QuerySet[Fund]:
    """The funds whose team ``user`` is on (nothing for anyone else)."""
    return team_funds(user).order_by("name", "pk")


def deal_links(organisation: Organisation, user: Any) -> list[DealLink]:
    """For each fund of the reader's team: the organisation's deal there, if any."""
    funds = list(funds_of(user))
    deals = {d.fund_id: d for d in Deal.objects.filter(organisation=organisation, fund__in=funds)}
    return [DealLink(fund, deals.get(fund.pk)) for fund in funds]


def check_add_to_deal_flow(organisation: Organisation, fund: Fund, actor: Any) -> tuple[Deal, bool]:
    """Put the organisation on the fund's board, or find the deal it already has there: (deal, made).

    The fund's own action checks the team and refuses a second deal for the same company; two analysts
    pressing the button at once meet the fund's unique constraint, and the second gets the first's deal.
    """
    if not funds_of(actor).filter(pk=fund.pk).exists():
        raise PermissionDenied(_("Only the fund team may add a company to the fund's deal flow."))
    existing = Deal.objects.filter(fund=fund, organisation=organisation).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return fund_actions.check_add_deal(fund, organisation, actor), True
    except (IntegrityError, ValidationError):
        existing = Deal.objects.filter(fund=fund, organisation=organisation).first()
        if existing is None:
            raise
        return existing, False
