"""The fund's deal flow in `lodestar simulate`: the simulated call's companies on the fund's board.

A simulated fund (its partners the call's eligible nations, the demo's due-diligence checklist) puts a
tenth of the call's applicants on its board, the selected ones first, and takes them along it with
the board's own action (`check_move_deal`, every move a transition): some passed, some screened, the
deals in due diligence screened for ownership (`do_screen_deal`), their findings cleared and their
required checklist done before the investment committee, a few on to the term sheet and closing.
Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from lodestar.applications import workflow as awf
from lodestar.applications.models import Application
from lodestar.demo import fund_flow
from lodestar.fund import actions
from lodestar.fund import workflow as wf
from lodestar.fund.engine_adapter import split_to_partners
from lodestar.fund.models import Deal, Fund, LimitedPartner
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Call

# Where the board's deals end, as shares of the board (the rest stay in sourcing); the demo's fund
# has about the same proportions.
TARGETS = (
    (wf.DealStatus.CLOSING, 0.04),
    (wf.DealStatus.TERM_SHEET, 0.02),
    (wf.DealStatus.COMMITTEE, 0.03),
    (wf.DealStatus.DUE_DILIGENCE, 0.12),
    (wf.DealStatus.SCREENING, 0.17),
    (wf.DealStatus.PASSED, 0.25),
)


def make_fund(call: Call, seed: int, first_close: date) -> Fund:
    """A fund of EUR 1 billion whose partners are the call's eligible nations (whose ownership the
    screening counts as inside the alliance), with the demo's checklist added by `team` later."""
    fund = Fund.objects.create(
        name=f"Simulated fund {seed}", size=Decimal("1000000000.00"), first_close=first_close
    )
    nations = sorted(call.eligible_nations)
    shares = split_to_partners(fund.size, {i: Decimal(1) for i in range(len(nations))})
    LimitedPartner.objects.bulk_create(
        LimitedPartner(fund=fund, nation=n, name=f"{n} — Ministry of Defence", commitment=shares[i])
        for i, n in enumerate(nations)
    )
    return fund


def simulate_deal_flow(call: Call, fund: Fund, team: Any, seed: int, today: date) -> str:
    rng = random.Random(seed + 30)
    fund_flow.checklist(fund, team)
    applicants = list(
        Application.objects.filter(challenge__call=call, organisation__kind__in=["startup", "sme"])
        .order_by("-status", "pk")  # "selected" sorts first
        .values_list("organisation_id", "status")
    )
    selected = [o for o, s in applicants if s == awf.SELECTED]
    others = [o for o, s in applicants if s != awf.SELECTED]
    rng.shuffle(others)
    board = list(dict.fromkeys([*selected, *others]))[: max(10, len(applicants) // 10)]
    targets = [status for status, share in TARGETS for _ in range(max(1, round(share * len(board))))]
    targets += [wf.DealStatus.SOURCING] * max(0, len(board) - len(targets))
    organisations = Organisation.objects.in_bulk(board)
    reached: Counter[str] = Counter()
    findings = cleared = 0
    for organisation_id, target in zip(board, targets, strict=False):
        deal = actions.check_add_deal(
            fund, organisations[organisation_id], team, stage=rng.choice(["pre_seed", "seed", "series_a"])
        )
        if target == wf.DealStatus.PASSED:
            deal = actions.check_move_deal(deal, wf.DealStatus.SCREENING, team)
            deal = actions.check_move_deal(deal, wf.DealStatus.PASSED, team, "Outside the fund's focus.")
        else:
            for step in wf.PIPELINE[1 : wf.PIPELINE.index(target) + 1]:
                if step == wf.DealStatus.COMMITTEE:
                    found = actions.do_screen_deal(deal, team)
                    findings += len(found)
                    for finding in deal.findings.filter(status=wf.FindingStatus.OPEN):
                        actions.check_clear_finding(finding, "Ownership explained by the company.", team)
                        cleared += 1
                    fund_flow.complete_checklist(deal, team, today - timedelta(days=rng.randint(5, 60)))
                deal = actions.check_move_deal(deal, step, team)
            if target == wf.DealStatus.DUE_DILIGENCE:
                findings += len(actions.do_screen_deal(deal, team))
        reached[deal.status] += 1
    on_board = Deal.objects.filter(fund=fund).count()
    stages = ", ".join(f"{reached[s]} {s}" for s in (*wf.PIPELINE[:-1], wf.DealStatus.PASSED) if reached[s])
    return f"{on_board} deals ({stages}); {findings} ownership findings raised, {cleared} cleared"


__all__ = ["make_fund", "simulate_deal_flow"]
