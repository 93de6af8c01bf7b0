"""From a radar signal to the directory, the challenges and the fund's deal flow.

Fred is on the fund team: on an organisation's signal he adds a company of the directory to the fund's
deal flow through the fund's own action (never typing it twice); pressing again links the deal there.
Rita, an analyst, reads the same page but cannot add. Races run on PostgreSQL with two real threads.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse

from lodestar.fund.models import Deal, Fund
from lodestar.radar import actions, dealflow
from lodestar.radar.engine_adapter import Extracted
from tests.conftest import make_organisation, make_user


def _read(text: str) -> None:
    actions.do_add_document(
        Extracted(title="News", text=f"News\n{text}", published=dt.date(2024, 3, 1), source="", kind="text")
    )


@pytest.fixture
def nordic(alice):
    company = make_organisation(alice, "Nordic Quantum Labs")
    _read("Nordic Quantum Labs tests quantum sensing with Thales for the navy.")
    return company


def test_the_fund_team_adds_a_company_read_in_the_news_to_the_deal_flow_once(client, fred, fund, nordic):
    client.force_login(fred)
    url = reverse("radar:signal", args=["organisation", "Nordic Quantum Labs"])
    page = client.get(url).content.decode()
    assert "In the directory:" in page and "Add to the deal flow of Deep-tech fund" in page
    add = reverse("radar:add_to_deal_flow", args=[nordic.pk])
    response = client.post(add, {"fund": fund.pk}, follow=True)
    deal = Deal.objects.get()
    assert deal.organisation == nordic and deal.fund == fund and deal.owner == fred
    assert "is on the deal flow of Deep-tech fund" in response.content.decode()
    again = client.post(add, {"fund": fund.pk}, follow=True)  # a second press links, never doubles
    assert Deal.objects.count() == 1
    assert "was already on the deal flow" in again.content.decode()
    page = client.get(url).content.decode()
    assert reverse("fund:deal", args=[deal.pk]) in page and "Add to the deal flow" not in page


def test_others_read_the_link_but_cannot_add(client, rita, fund, nordic):
    client.force_login(rita)
    page = client.get(reverse("radar:signal", args=["organisation", "Nordic Quantum Labs"])).content.decode()
    assert "Add to the deal flow" not in page and "The fund team can put this company" in page
    response = client.post(reverse("radar:add_to_deal_flow", args=[nordic.pk]), {"fund": fund.pk})
    assert response.status_code == 403 and not Deal.objects.exists()


def test_a_fund_team_member_of_another_fund_cannot_add_to_this_one(client, fund, nordic):
    from lodestar.accounts.actions import do_grant_roles
    from lodestar.core.roles import Role, Scope, ScopeKind

    other = Fund.objects.create(name="Other fund", size=1, first_close=dt.date(2024, 1, 1))
    olaf = make_user("olaf@other.example", name="Olaf Other")
    do_grant_roles(olaf, Role.FUND_TEAM, scope=Scope.of(ScopeKind.FUND, str(other.pk)))
    client.force_login(olaf)
    response = client.post(reverse("radar:add_to_deal_flow", args=[nordic.pk]), {"fund": fund.pk})
    assert response.status_code == 403 and not Deal.objects.exists()
    assert [link.fund for link in dealflow.deal_links(nordic, olaf)] == [other]


def test_an_organisation_the_radar_never_read_cannot_be_added_through_it(client, fred, fund, alice):
    elsewhere = make_organisation(alice, "Quiet Robotics")
    client.force_login(fred)
    response = client.post(reverse("radar:add_to_deal_flow", args=[elsewhere.pk]), {"fund": fund.pk})
    assert response.status_code == 404 and not Deal.objects.exists()


def test_a_name_not_in_the_directory_says_so_and_offers_no_deal(client, fred, fund, nordic):
    client.force_login(fred)
    page = client.get(reverse("radar:signal", args=["organisation", "Thales"])).content.decode()
    assert "Not in the directory" in page and "Add to the deal flow" not in page


def test_an_area_links_to_the_organisations_named_with_it_and_its_challenges(client, fred, nordic, call):
    client.force_login(fred)
    page = client.get(reverse("radar:signal", args=["area", "quantum"])).content.decode()
    assert "Organisations named with it" in page
    assert reverse("radar:signal", args=["organisation", "Nordic Quantum Labs"]) in page
    assert "In the directory" in page


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL")
def test_two_team_members_adding_at_once_make_one_deal(fund, nordic, fred):
    from tests.test_workflow_races import race

    frida = make_user("frida@lodestar.example", name="Frida Fund")
    from lodestar.accounts.actions import do_grant_roles
    from lodestar.core.roles import Role

    do_grant_roles(frida, Role.FUND_TEAM)
    first, second, _waited = race(
        lambda: dealflow.check_add_to_deal_flow(nordic, fund, fred),
        lambda: dealflow.check_add_to_deal_flow(nordic, fund, frida),
    )
    assert first[1] is True and second == (first[0], False)
    assert Deal.objects.count() == 1
