"""The fund in the demo: EUR 1 billion over 15 years, the 24 partner nations of shared/FACTS.md, a
year of deal flow over the demo's companies, ownership chains with findings to clear, four capital
calls and a distribution with their notices, and logins for two partner nations (one in French).

Built through the fund's actions, as a person would, so the audit trail reads like a real year."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from lodestar.accounts.actions import do_grant_roles
from lodestar.accounts.models import User
from lodestar.core.roles import Role, Scope, ScopeKind
from lodestar.demo import fund_flow, fund_portfolio
from lodestar.fund import actions, committee
from lodestar.fund import workflow as wf
from lodestar.fund.engine_adapter import split_to_partners
from lodestar.fund.models import (
    CashEvent,
    Deal,
    Fund,
    Investment,
    LimitedPartner,
    ListedName,
    Notice,
    Shareholding,
)
from lodestar.fund.queries import committee_of
from lodestar.organisations.models import Organisation, Shareholder

FUND_NAME = "Alliance Deep-Tech Fund"
# The 24 limited partners (shared/FACTS.md); SE joined later. Weights are the demo's own guess.
PARTNERS = {
    "BE": 4,
    "BG": 1,
    "CZ": 2,
    "DK": 3,
    "EE": 1,
    "FI": 3,
    "DE": 16,
    "GR": 2,
    "HU": 2,
    "IS": 1,
    "IT": 10,
    "LV": 1,
    "LT": 1,
    "LU": 1,
    "NL": 7,
    "NO": 5,
    "PL": 6,
    "PT": 2,
    "RO": 2,
    "SK": 1,
    "ES": 8,
    "TR": 6,
    "GB": 12,
    "SE": 3,
}
FRENCH_READING = {"BE", "LU"}
# Germany's representative and the committee member are demo logins of build.py; Belgium's reads French.
PARTNER_LOGINS = (("partenaire.be@lodestar.example", "BE", "Luc Dubois", "fr"),)
# A second member of the fund team, reading French: owns tasks and checklist items beside Sarah.
TEAM_LOGINS = (("fonds@lodestar.example", "Claire Fontaine", "fr"),)
BOARD_SIZE = 300
LISTED = ("Dragon Harbour Capital", "Volkov Industrial Group", "Petr Ivanov", "Northern Star Trading FZE")


def build(team: User, make_user: Any, seed: int, today: date) -> dict[str, int]:
    """The fund, its partners, deals, screening and cash movements. `make_user(email, name,
    language)` is the demo's own way of making a login."""
    rng = random.Random(seed + 10)
    fund = Fund.objects.create(name=FUND_NAME, size=Decimal("1000000000.00"), first_close=date(2023, 7, 1))
    commitments = split_to_partners(
        Decimal("1000000000.00"), {i: Decimal(w) for i, w in enumerate(PARTNERS.values())}
    )
    LimitedPartner.objects.bulk_create(
        LimitedPartner(
            fund=fund,
            nation=nation,
            name=f"{nation} — Ministry of Defence",
            language="fr" if nation in FRENCH_READING else "en",
            commitment=commitments[i],
        )
        for i, nation in enumerate(PARTNERS)
    )
    for email, nation, name, language in PARTNER_LOGINS:
        user = make_user(email, name, language)
        do_grant_roles(user, Role.LIMITED_PARTNER, scope=Scope.of(ScopeKind.NATION, nation))
    for email, name, language in TEAM_LOGINS:
        do_grant_roles(make_user(email, name, language), Role.FUND_TEAM, scope=fund.role_scope)

    fund_flow.checklist(fund, team)
    deals, closing = _deal_flow(fund, team, rng, today)
    twice = fund_flow.typed_twice(fund, team, deals)
    findings = _screening(fund, team, rng, deals)
    in_diligence = [d for d in deals if d.status == wf.DealStatus.DUE_DILIGENCE]
    room = fund_flow.room(rng, in_diligence, team, today)
    notices = _cash(fund, team, rng, today)
    invested = fund_portfolio.build(fund, team, rng, closing, today)
    # The committee login sits at next week's meeting on the first deal before the committee.
    before = [d for d in deals if d.status == wf.DealStatus.COMMITTEE]
    members = committee_of(fund)
    if before and members:
        committee.check_schedule_meeting(before[0], today + timedelta(days=7), members, 1, team)
    return {
        "partners": len(PARTNERS),
        "deals": len(deals) + twice,
        "in_diligence": len(in_diligence),
        "findings": findings,
        "notices": notices,
        **room,
        **invested,
    }


def _deal_flow(fund: Fund, team: User, rng: random.Random, today: date) -> tuple[list[Any], list[Any]]:
    """About 300 deals over a year: the challenge's companies and others met at industry days. Exact
    counts per stage (40 in due diligence, 12 reaching closing to be invested in), the rest in sourcing,
    screening or passed. Deals going past due diligence have their required checklist done first."""
    companies = list(
        Organisation.objects.filter(
            kind__in=["startup", "sme"], headquarters_nation__in=list(PARTNERS)
        ).order_by("pk")
    )
    companies += fund_flow.extra_companies(rng, sorted(PARTNERS), max(0, BOARD_SIZE - 3 - len(companies)))
    rng.shuffle(companies)
    n = len(companies)
    counts = [
        (wf.DealStatus.DUE_DILIGENCE, 40),
        (wf.DealStatus.COMMITTEE, 6),
        (wf.DealStatus.TERM_SHEET, 5),
        (wf.DealStatus.CLOSING, 15),  # twelve of them are then invested in: the portfolio
        (wf.DealStatus.SCREENING, n // 6),
        (wf.DealStatus.PASSED, n // 4),
    ]
    targets = [s for s, k in counts for _ in range(k)]
    targets += [wf.DealStatus.SOURCING] * max(0, n - len(targets))
    deals: list[Deal] = []
    closing: list[Deal] = []
    for company, target in zip(companies, targets, strict=False):
        stage = rng.choice(["pre_seed", "seed", "seed", "series_a"])
        source = (
            Deal.Source.ACCELERATOR
            if company.website.endswith(".example") and rng.random() < 0.3
            else Deal.Source.DIRECTORY
        )
        deal = actions.check_add_deal(fund, company, team, stage=stage, source=source)
        if target == wf.DealStatus.PASSED:
            deal = actions.check_move_deal(deal, wf.DealStatus.SCREENING, team)
            deal = actions.check_move_deal(deal, wf.DealStatus.PASSED, team, "Outside the fund's focus.")
        else:
            for step in wf.PIPELINE[1 : wf.PIPELINE.index(target) + 1]:
                if step == wf.DealStatus.COMMITTEE:
                    fund_flow.complete_checklist(deal, team, today - timedelta(days=rng.randint(10, 80)))
                deal = actions.check_move_deal(deal, step, team)
        if target == wf.DealStatus.CLOSING and len(closing) < 12:
            closing.append(deal)
        deals.append(deal)
    return deals, closing


def _screening(fund: Fund, team: User, rng: random.Random, deals: list[Any]) -> int:
    """Holding companies between some companies and their owners; a short screening list; the deals in
    due diligence screened, so the team finds findings to clear."""
    ListedName.objects.bulk_create(
        ListedName(list_name="EU consolidated list", entry_id=f"EU-{i + 1:04d}", name=name)
        for i, name in enumerate(LISTED)
    )
    in_diligence = [d for d in deals if d.status == wf.DealStatus.DUE_DILIGENCE]
    others = [d.organisation for d in deals if d.status == wf.DealStatus.PASSED]
    for k, deal in enumerate(in_diligence[:12]):
        if not others:
            break
        holding = others[k % len(others)]
        room = 100 - _declared(holding)
        if room > 0 and not holding.shareholders.filter(name=LISTED[k % len(LISTED)]).exists():
            Shareholder.objects.create(
                organisation=holding,
                name=LISTED[k % len(LISTED)],
                nation="CN" if k % 2 else "AE",
                percentage=min(Decimal(60), room),
            )
        share = min(Decimal(rng.choice(["0.3", "0.45", "0.5"])), (100 - _declared(deal.organisation)) / 100)
        if share > 0:
            Shareholding.objects.get_or_create(
                company=deal.organisation, holder=holding, defaults={"share": share}
            )
    found = 0
    for deal in in_diligence:
        found += len(actions.do_screen_deal(deal, team))
    return found


def _declared(organisation: Organisation) -> Decimal:
    """Percent of the organisation already held by named shareholders and holding companies."""
    named = sum((s.percentage for s in organisation.shareholders.all()), Decimal(0))
    chained = sum((h.share for h in Shareholding.objects.filter(company=organisation)), Decimal(0))
    return named + 100 * chained


def _cash(fund: Fund, team: User, rng: random.Random, today: date) -> int:
    """A capital call each quarter since the first close (management fees included), paid by the
    partners, the last one partly; and one distribution a month ago."""
    on, n = fund.first_close + timedelta(days=14), 0
    while on < today - timedelta(days=30):
        last = on + timedelta(days=91) >= today - timedelta(days=30)
        event = actions.check_issue_cash_event(
            fund,
            CashEvent.Kind.CALL,
            Decimal(rng.choice([25, 30, 35, 40])) * 1_000_000,
            on,
            on + timedelta(days=30),
            "First investments and set-up costs" if n == 0 else "Investments and management fees",
            team,
            management_fee=Decimal("5000000.00"),
        )
        for notice in Notice.objects.filter(event=event).order_by("partner__nation"):
            if not last or rng.random() < 0.6:
                actions.check_record_payment(notice, notice.amount, team)
            elif rng.random() < 0.5:
                actions.check_record_payment(notice, (notice.amount / 2).quantize(Decimal("0.01")), team)
        on += timedelta(days=91)
        n += 1
    actions.check_issue_cash_event(
        fund,
        CashEvent.Kind.DISTRIBUTION,
        Decimal("12000000.00"),
        today - timedelta(days=30),
        today - timedelta(days=30),
        "Proceeds of a secondary sale",
        team,
    )
    return Notice.objects.filter(event__fund=fund).count()


def reset() -> int:
    """Delete the demo fund (its deals first: they protect the organisations the demo deletes)."""
    funds = Fund.objects.filter(name=FUND_NAME)
    deleted = 0
    for fund in funds:
        # The companies typed twice (referrals) exist only for the fund's demo: deleted with it.
        twins = list(
            Organisation.objects.filter(
                fund_deals__fund=fund, fund_deals__source=Deal.Source.REFERRAL, members=None
            ).values_list("pk", flat=True)
        )
        Notice.objects.filter(event__fund=fund).delete()
        Investment.objects.filter(fund=fund).delete()
        fund.deals.exclude(merged_into=None).delete()
        fund.deals.all().delete()
        ListedName.objects.filter(name__in=LISTED).delete()
        fund.delete()
        Organisation.objects.filter(pk__in=twins).delete()
        deleted += 1
    Organisation.objects.filter(website__regex=fund_flow.SOURCING_SITE).delete()
    User.objects.filter(email__in=[e for e, *_ in PARTNER_LOGINS + TEAM_LOGINS]).delete()
    return deleted
