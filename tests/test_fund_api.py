"""The fund's API for the committee, investments and reports, and the committee pack, under the same
permissions as the pages.

Fred is on the fund team. Cora sits on the committee; Carl sits too but is recused. Lena represents
Germany: she reads Germany's report only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from lodestar.accounts.actions import do_create_api_token
from lodestar.core.roles import Role
from lodestar.fund import actions, committee, dealroom, portfolio
from lodestar.fund import workflow as wf
from lodestar.fund.models import Round
from tests.conftest import make_organisation, make_user
from tests.test_pdf import drawn, page_text


@pytest.fixture
def carl(db):
    """Carl sits on the committee; he declares a conflict and is recused."""
    return make_user("carl@committee.example", Role.COMMITTEE_MEMBER, name="Carl Conflicted")


def api(client, user, method, url, data=None):
    token = do_create_api_token(user, "test")[1]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if method == "get":
        return client.get(url, **headers)
    return client.post(url, data or {}, content_type="application/json", **headers)


@pytest.fixture
def meeting(fund, fred, cora, carl, alice):
    deal = actions.check_add_deal(fund, make_organisation(alice, "Orbital Forge GmbH", "DE"), fred)
    for to in wf.PIPELINE[1:3]:
        deal = actions.check_move_deal(deal, to, fred)
    dealroom.check_add_note(deal, "Private note of the team", fred)
    dealroom.check_add_template(fund, "legal", "Cap table verified", fred)
    actions.do_open_checklist(deal, fred)
    dealroom.check_complete_item(deal.diligence.get(), "Register extract of March", fred)
    deal = actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    m = committee.check_schedule_meeting(deal, date(2026, 3, 2), [cora, carl], 1, fred)
    committee.check_declare_conflict(m, carl, "Former adviser of the company", carl)
    return m


def test_a_member_votes_through_the_api_and_a_recused_member_cannot(client, meeting, cora, carl, fred):
    response = api(client, cora, "post", f"/api/fund/meetings/{meeting.pk}/vote", {"vote": "for"})
    assert response.status_code == 200 and response.json()["vote"] == "for"
    assert (
        api(client, carl, "post", f"/api/fund/meetings/{meeting.pk}/vote", {"vote": "for"}).status_code == 403
    )
    assert (
        api(client, cora, "post", f"/api/fund/meetings/{meeting.pk}/vote", {"vote": "maybe"}).status_code
        == 400
    )
    seats = {
        s["member"]: s for s in api(client, fred, "get", f"/api/fund/meetings/{meeting.pk}").json()["seats"]
    }
    assert seats["Carl Conflicted"]["recused"] and seats["Cora Committee"]["vote"] == "for"


def test_the_committee_pack_shows_the_evidence_and_the_recusal_but_not_the_teams_notes(
    client, meeting, cora, lena
):
    client.force_login(cora)
    response = client.get(reverse("fund:meeting_pack", args=[meeting.pk]))
    assert response.status_code == 200
    text = page_text(response.content)
    assert drawn("Register extract of March") in text and drawn("Former adviser of the company") in text
    assert drawn("Private note of the team") not in text
    client.force_login(lena)
    assert client.get(reverse("fund:meeting_pack", args=[meeting.pk])).status_code == 403


def test_investments_and_reports_through_the_api(client, fund, fred, lena, alice):
    deal = actions.check_add_deal(fund, make_organisation(alice, "Orbital Forge GmbH", "DE"), fred)
    for to in wf.PIPELINE[1:6]:
        deal = actions.check_move_deal(deal, to, fred)
    first = portfolio.RoundData(date(2024, 1, 1), "Seed", Round.Instrument.EQUITY, Decimal("1000000.00"))
    inv = portfolio.check_invest(deal, first, fred)
    portfolio.check_record_valuation(inv, date(2025, 12, 31), Decimal("2000000.00"), "last_round", fred)
    [row] = api(client, fred, "get", "/api/fund/investments?as_of=2026-01-15").json()
    assert row["name"] == "Orbital Forge GmbH" and Decimal(row["moic"]) == 2
    assert api(client, lena, "get", "/api/fund/investments").status_code == 403
    report = api(client, lena, "get", "/api/fund/reports/DE?end=2025-12-31").json()
    assert report["period_start"] == "2025-10-01" and Decimal(report["commitment"]) == 300_000_000
    assert api(client, lena, "get", "/api/fund/reports/BE").status_code == 404
