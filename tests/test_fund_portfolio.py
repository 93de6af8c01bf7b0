"""Investments, rounds and ownership, commitments to other funds, proceeds and valuations; the figures
of a position, of the fund and of each partner, on the pages and in the quarterly statement.

Fred is on the fund team. Lena represents Germany (a limited partner): she reads Germany's dashboard
and statement only. Alice is an applicant: nothing of the fund is hers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lodestar.fund import actions, portfolio
from lodestar.fund import workflow as wf
from lodestar.fund.models import CashEvent, Investment, Round
from lodestar.fund.performance import partner_figures, snapshot
from lodestar.fund.reports import XLSX_COLUMNS, statement, statement_xlsx
from tests.conftest import make_organisation
from tests.test_pdf import drawn, page_text


def at_closing(fund, fred, alice, name="Orbital Forge GmbH"):
    deal = actions.check_add_deal(fund, make_organisation(alice, name, "DE"), fred)
    for to in wf.PIPELINE[1:6]:
        deal = actions.check_move_deal(deal, to, fred)
    assert deal.status == wf.DealStatus.CLOSING
    return deal


def seed(amount="2000000.00", on=date(2024, 1, 1), **kw):
    fields = {"label": "Seed", "instrument": Round.Instrument.EQUITY, "amount": Decimal(amount), "on": on}
    return portfolio.RoundData(**(fields | kw))


def bisect_irr(flows):
    """An independent IRR: bisection on the NPV (actual/365) between -99 % and +1000 %."""
    start = min(d for d, _ in flows)

    def npv(r):
        return sum(a / (1 + r) ** ((d - start).days / 365) for d, a in flows)

    lo, hi = -0.99, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if (npv(lo) > 0) == (npv(mid) > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def test_investing_moves_the_deal_to_the_portfolio_and_tracks_ownership_through_rounds(fund, fred, alice):
    deal = at_closing(fund, fred, alice)
    inv = portfolio.check_invest(
        deal,
        seed(round_size=Decimal("5000000"), pre_money=Decimal("10000000")),
        fred,
        reserve=Decimal("3000000"),
    )
    deal.refresh_from_db()
    assert deal.status == wf.DealStatus.PORTFOLIO
    assert inv.rounds.get().ownership_after == Decimal("0.13333333")  # 2 of a 15 million post-money
    follow = portfolio.check_add_round(
        inv,
        seed(
            "1000000.00",
            date(2025, 1, 1),
            label="Series A",
            round_size=Decimal("10000000"),
            pre_money=Decimal("40000000"),
        ),
        fred,
    )
    # 0.13333333 (as stored) diluted by 40/50 is 0.106666664, plus 1 of 50: 0.126666664
    assert follow.follow_on and follow.ownership_after == Decimal("0.12666666")
    safe = portfolio.check_add_round(
        inv, seed("500000.00", date(2025, 6, 1), label="Bridge", instrument=Round.Instrument.SAFE), fred
    )
    assert safe.ownership_after == follow.ownership_after  # a SAFE converts later
    inv.refresh_from_db()
    assert inv.reserve == Decimal("1500000.00")  # follow-ons drew on the reserve
    with pytest.raises(ValidationError, match="before the last one"):
        portfolio.check_add_round(inv, seed("1.00", date(2024, 6, 1)), fred)


def test_the_funds_rules_limit_the_first_cheque_and_the_concentration(fund, fred, alice):
    deal = at_closing(fund, fred, alice)
    with pytest.raises(ValidationError, match="first cheque may be at most"):
        portfolio.check_invest(deal, seed("15000000.01"), fred)
    inv = portfolio.check_invest(deal, seed("15000000.00"), fred)
    portfolio.check_add_round(
        inv, seed("85000000.00", date(2025, 1, 1), label="B"), fred
    )  # 10 % of 1 billion
    with pytest.raises(ValidationError, match="concentration limit"):
        portfolio.check_add_round(inv, seed("0.01", date(2025, 2, 1), label="C"), fred)
    with pytest.raises(ValidationError, match="at closing"):
        portfolio.check_invest(
            at_closing(fund, fred, alice, "Nimbus").__class__.objects.get(pk=deal.pk), seed(), fred
        )


def test_a_commitment_to_another_fund_is_drawn_down_within_it(fund, fred):
    inv = portfolio.check_commit_to_fund(fund, "Nordic Deep Tech Fund II", "FI", Decimal("20000000.00"), fred)
    drawdown = seed("15000000.00", label="Drawdown 1", instrument=Round.Instrument.FUND_INTEREST)
    portfolio.check_add_round(inv, drawdown, fred)
    with pytest.raises(ValidationError, match="exceed the commitment"):
        portfolio.check_add_round(inv, seed("5000000.01", date(2024, 2, 1), label="Drawdown 2"), fred)
    assert Investment.objects.get(pk=inv.pk).kind == Investment.Kind.FUND


def test_a_positions_figures_equal_an_independent_computation(fund, fred, alice):
    inv = portfolio.check_invest(at_closing(fund, fred, alice), seed("1000000.00"), fred)
    portfolio.check_add_round(inv, seed("500000.00", date(2024, 7, 1), label="A"), fred)
    portfolio.check_record_proceeds(inv, date(2025, 3, 1), Decimal("400000.00"), "Secondary sale", fred)
    portfolio.check_record_valuation(inv, date(2025, 12, 31), Decimal("1000000.00"), "last_round", fred)
    portfolio.check_record_valuation(
        inv, date(2025, 12, 31), Decimal("1800000.00"), "comparables", fred
    )  # replaces
    [p] = snapshot(fund, date(2026, 1, 15)).positions
    assert (p.figures.invested, p.figures.realised, p.figures.value) == (
        Decimal("1500000.00"),
        Decimal("400000.00"),
        Decimal("1800000.00"),
    )
    assert p.figures.moic == Decimal("1.466667")
    expected = bisect_irr(
        [
            (date(2024, 1, 1), -1e6),
            (date(2024, 7, 1), -5e5),
            (date(2025, 3, 1), 4e5),
            (date(2025, 12, 31), 1.8e6),
        ]
    )
    assert p.figures.irr == pytest.approx(expected, abs=1e-9)


def test_a_position_not_valued_yet_is_held_at_cost(fund, fred, alice):
    portfolio.check_invest(at_closing(fund, fred, alice), seed("1000000.00"), fred)
    [p] = snapshot(fund, date(2024, 6, 30)).positions
    assert p.valued_on is None and p.figures.value == Decimal("1000000.00") and p.figures.moic == 1


def test_each_partner_gets_its_share_of_the_nav_and_its_own_figures(fund, fred, alice):
    event = actions.check_issue_cash_event(
        fund, CashEvent.Kind.CALL, Decimal("6000000.00"), date(2024, 1, 1), date(2024, 1, 31), "Seed", fred
    )
    for notice in event.notices.all():
        actions.check_record_payment(notice, notice.amount, fred)
    inv = portfolio.check_invest(at_closing(fund, fred, alice), seed("3000000.00", date(2024, 2, 1)), fred)
    portfolio.check_record_valuation(inv, date(2025, 12, 31), Decimal("6000000.00"), "last_round", fred)
    snap = snapshot(fund, date(2025, 12, 31))
    assert snap.cash == Decimal("3000000.00") and snap.nav == Decimal("9000000.00")
    de = partner_figures(fund.partners.get(nation="DE"), snap)  # 300 of 600 million committed
    assert de.nav == Decimal("4500000.00") and de.paid_in == Decimal("3000000.00")
    assert de.figures.multiples.tvpi == Decimal("1.5")
    assert de.figures.irr.rate == pytest.approx(
        bisect_irr([(date(2024, 1, 1), -3e6), (date(2025, 12, 31), 4.5e6)]), abs=1e-9
    )
    s = statement(fund.partners.get(nation="BE"), date(2025, 12, 31), snap)
    assert s.nav == Decimal("1500000.00")
    assert s.splits is not None and [label for label, *_ in s.splits["nation"]] == ["DE"]
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(statement_xlsx(s))).active
    header = [c.value for c in sheet[1]]
    assert header == list(XLSX_COLUMNS) and sheet[2][header.index("Ending NAV")].value == 1500000


def test_the_statement_pdf_shows_the_performance_in_the_partners_language(client, fund, fred, bruno, alice):
    event = actions.check_issue_cash_event(
        fund, CashEvent.Kind.CALL, Decimal("600000.00"), date(2024, 1, 1), date(2024, 1, 31), "Seed", fred
    )
    for notice in event.notices.all():
        actions.check_record_payment(notice, notice.amount, fred)
    client.force_login(bruno)
    pdf = client.get(reverse("fund:statement", args=["BE", "pdf"]) + "?end=2025-12-31").content
    text = page_text(pdf)
    assert (
        drawn("Valeur totale sur capital versé") in text
        and drawn("Part du portefeuille par nation") not in text
    )


def test_dashboards_reach_the_team_and_each_nation_its_own(client, fund, fred, lena, alice):
    inv = portfolio.check_invest(at_closing(fund, fred, alice), seed("1000000.00"), fred)
    client.force_login(fred)
    html = client.get(reverse("fund:portfolio")).content.decode()
    assert "Orbital Forge GmbH" in html and "Total value to paid-in" in html
    assert client.get(reverse("fund:investment", args=[inv.pk])).status_code == 200
    assert client.get(reverse("fund:portfolio") + "?as_of=soon").status_code == 400
    assert client.get(reverse("fund:partners")).status_code == 200
    client.force_login(lena)
    assert client.get(reverse("fund:partners")).url == reverse("fund:partner", args=["DE"])
    assert client.get(reverse("fund:partner", args=["DE"])).status_code == 200
    assert client.get(reverse("fund:partner", args=["BE"])).status_code == 404
    assert client.get(reverse("fund:portfolio")).status_code == 403
    assert client.get(reverse("fund:investment", args=[inv.pk])).status_code == 403
    client.force_login(alice)
    assert client.get(reverse("fund:partner", args=["DE"])).status_code == 403


def test_bad_input_on_the_investment_pages_is_a_400_with_a_message(client, fund, fred, alice):
    deal = at_closing(fund, fred, alice)
    client.force_login(fred)
    response = client.post(reverse("fund:invest", args=[deal.pk]), {"label": "Seed", "amount": "-5"})
    assert response.status_code == 400 and "Amount invested" in response.content.decode()
    response = client.post(
        reverse("fund:invest", args=[deal.pk]),
        {"label": "Seed", "amount": "20000000", "instrument": "equity", "on": "2024-01-01"},
    )
    assert response.status_code == 302 and not Investment.objects.exists()
