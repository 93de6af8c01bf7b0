"""The fund's portfolio in the demo: twelve companies invested in from the board (seed to Series A, five
with follow-ons, one of them through a SAFE), four commitments to other deep-tech funds with their
drawdowns, one partial exit, and a valuation of every position at each quarter's end since it was made.
Deterministic for a seed; built through lodestar/fund/portfolio.py."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from lodestar.fund import portfolio
from lodestar.fund.models import Deal, Fund, Investment, Round, Valuation
from lodestar.fund.reports import quarter_of

FUNDS_OF_FUNDS = (
    ("Nordic Deep Tech Fund II", "FI", "30000000.00"),
    ("Baltic Dual-Use Ventures I", "EE", "15000000.00"),
    ("Fonds Souveraineté Technologique II", "BE", "25000000.00"),
    ("Iberian Space and Sensing Fund", "ES", "20000000.00"),
)
M = Decimal(1_000_000)


def _quarter_ends(start: date, end: date) -> list[date]:
    out = []
    day = quarter_of(start)[1]
    while day <= end:
        out.append(day)
        day = quarter_of(day + timedelta(days=1))[1]
    return out


def build(fund: Fund, team: Any, rng: random.Random, closing: list[Deal], today: date) -> dict[str, int]:
    """Invest in each deal at closing (up to twelve), spread over the investment period so far."""
    first_day, last_quarter = fund.first_close + timedelta(days=60), quarter_of(today)[0] - timedelta(days=1)
    span = (last_quarter - first_day).days
    made: list[Investment] = []
    for k, deal in enumerate(closing[:12]):
        on = first_day + timedelta(days=span * k // 14 + rng.randint(0, 20))
        amount = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8])) * M / (2 if deal.stage == "pre_seed" else 1)
        pre = amount * Decimal(rng.choice([4, 5, 6, 8]))
        first = portfolio.RoundData(
            on=on,
            label=deal.get_stage_display(),
            instrument=Round.Instrument.EQUITY,
            amount=amount,
            round_size=amount * Decimal(rng.choice(["1.5", "2", "2.5"])),
            pre_money=pre,
        )
        made.append(portfolio.check_invest(deal, first, team, reserve=amount))
    for k, inv in enumerate(made[:5]):  # follow-ons for the first five, a year or more later
        start = inv.rounds.get().on
        on = start + timedelta(days=380 + 30 * k)
        if on >= last_quarter:
            continue
        safe = k == 4
        amount = Decimal(rng.choice([2, 3, 4])) * M
        portfolio.check_add_round(
            inv,
            portfolio.RoundData(
                on=on,
                label="Bridge" if safe else "Series A",
                instrument=Round.Instrument.SAFE if safe else Round.Instrument.EQUITY,
                amount=amount,
                round_size=None if safe else amount * 3,
                pre_money=None if safe else amount * 8,
            ),
            team,
        )
    for k, (name, nation, commitment) in enumerate(FUNDS_OF_FUNDS):
        inv = portfolio.check_commit_to_fund(fund, name, nation, Decimal(commitment), team)
        on = first_day + timedelta(days=90 * k + 45)
        while on < last_quarter and inv.commitment and on < first_day + timedelta(days=90 * k + 800):
            portfolio.check_add_round(
                inv,
                portfolio.RoundData(
                    on,
                    "Drawdown",
                    Round.Instrument.FUND_INTEREST,
                    (inv.commitment / 8).quantize(Decimal("0.01")),
                ),
                team,
            )
            on += timedelta(days=182)
        made.append(inv)
    if made:
        exit_from = made[0]
        portfolio.check_record_proceeds(
            exit_from,
            last_quarter - timedelta(days=40),
            Decimal("1500000.00"),
            "Secondary sale of a fifth of the stake",
            team,
        )
    return {"investments": len(made), "valuations": _valuations(made, rng, last_quarter)}


def _valuations(made: list[Investment], rng: random.Random, last_quarter: date) -> int:
    """Each position valued at every quarter's end since its first money: a random walk on its cost
    (one written down), in bulk: the team records them in one sitting each quarter."""
    rows = []
    for k, inv in enumerate(made):
        rounds = list(inv.rounds.order_by("on"))
        if not rounds:
            continue
        multiple = Decimal(1)
        for end in _quarter_ends(rounds[0].on, last_quarter):
            cost = sum((r.amount for r in rounds if r.on <= end), Decimal(0))
            step = Decimal(str(rng.choice([-0.05, 0, 0, 0.04, 0.08, 0.12])))
            multiple = (
                max(Decimal("0.2"), multiple + step)
                if k != 3
                else max(Decimal("0.1"), multiple - Decimal("0.1"))
            )
            method = (
                Valuation.Method.MANAGER
                if inv.kind == Investment.Kind.FUND
                else Valuation.Method.WRITE_DOWN
                if k == 3
                else rng.choice([Valuation.Method.LAST_ROUND, Valuation.Method.COMPARABLES])
            )
            rows.append(
                Valuation(
                    investment=inv, on=end, value=(cost * multiple).quantize(Decimal("0.01")), method=method
                )
            )
    Valuation.objects.bulk_create(rows)
    return len(rows)
