"""Two members of the fund team acting on the same money at the same moment, in two threads with two
database connections, on PostgreSQL (see tests/test_workflow_races.py for why not on SQLite).

The first thread holds its transaction open until the second is waiting on the fund's row lock: two
follow-ons that each fit the concentration limit but not both give one round and one refusal, and two
calls that each fit the commitments but not both give one call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lodestar.fund import actions, portfolio
from lodestar.fund import workflow as wf
from lodestar.fund.models import CashEvent, Round
from tests.conftest import make_organisation
from tests.test_workflow_races import HOLD, race

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_two_follow_ons_that_fit_the_concentration_limit_only_one_at_a_time(fund, fred, alice):
    deal = actions.check_add_deal(fund, make_organisation(alice, "Orbital Forge GmbH", "DE"), fred)
    for to in wf.PIPELINE[1:6]:
        deal = actions.check_move_deal(deal, to, fred)
    first = portfolio.RoundData(date(2024, 1, 1), "Seed", "equity", Decimal("10000000.00"))
    inv = portfolio.check_invest(deal, first, fred)
    follow = portfolio.RoundData(date(2025, 1, 1), "Series B", "equity", Decimal("60000000.00"))
    one, two, waited = race(
        lambda: portfolio.check_add_round(inv, follow, fred),
        lambda: portfolio.check_add_round(inv, follow, fred),
    )
    assert isinstance(one, Round), one
    assert isinstance(two, ValidationError) and "concentration limit" in str(two), two
    assert waited >= HOLD * 0.8
    assert Round.objects.filter(investment=inv).count() == 2


def test_two_calls_that_fit_the_commitments_only_one_at_a_time(fund, fred):
    def call():
        return actions.check_issue_cash_event(
            fund,
            CashEvent.Kind.CALL,
            Decimal("400000000.00"),
            date(2026, 1, 1),
            date(2026, 2, 1),
            "Fees",
            fred,
        )

    one, two, _waited = race(call, call)
    assert isinstance(one, CashEvent), one
    assert isinstance(two, ValidationError) and "exceed the commitments" in str(two), two
    assert CashEvent.objects.count() == 1
