"""The board, the portfolio and the partners' page read the same number of queries whatever their
size (an N+1 would fail here), and at most 20 (bench/fund_pages.py measures them at 2,000 deals).

Fred is on the fund team."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lodestar.fund import actions, portfolio
from lodestar.fund import workflow as wf
from lodestar.fund.models import Deal, Round
from lodestar.organisations.models import Organisation


def grow(fund, fred, start, count):
    """`count` more companies on the board, one in three invested in (with a valuation)."""
    for n in range(start, start + count):
        org = Organisation.objects.create(
            legal_name=f"Company {n:03d}",
            headquarters_nation="DE",
            kind="startup",
            employees=5,
            year_founded=2020,
        )
        deal = Deal.objects.create(
            fund=fund, organisation=org, status=wf.DealStatus.CLOSING if n % 3 == 0 else "sourcing"
        )
        if n % 3 == 0:
            inv = portfolio.check_invest(
                deal,
                portfolio.RoundData(date(2024, 1, 1), "Seed", Round.Instrument.EQUITY, Decimal("1000.00")),
                fred,
            )
            portfolio.check_record_valuation(inv, date(2024, 3, 31), Decimal("1500.00"), "last_round", fred)
    actions.check_issue_cash_event(
        fund, "call", Decimal("6000.00"), date(2024, 1, 1), date(2024, 2, 1), "Seed", fred
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_fund_pages_read_a_fixed_number_of_queries_whatever_their_size(client, fund, fred):
    client.force_login(fred)
    pages = [reverse("fund:board"), reverse("fund:portfolio"), reverse("fund:partners")]
    grow(fund, fred, 0, 3)
    small = [queries(client, url) for url in pages]
    grow(fund, fred, 3, 30)
    large = [queries(client, url) for url in pages]
    assert large == small
    assert all(n <= 20 for n in large[:2]), large
