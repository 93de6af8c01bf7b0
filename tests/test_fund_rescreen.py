"""Screening again when shareholders change: a change to a holder of the deal's company, or of any
company up its chains, queues one re-screening job (never two waiting), the job screens each deal
for the changes waiting on it and forgets them in the same transaction (a run that stops leaves them
for the next), and the deal page shows the new verdict, its evidence and what changed.

The fund's partner nations are Germany, Poland and Belgium (tests/conftest.py). Orbital Forge is held
40 % by Anna (DE) and 60 % by Nimbus; Nimbus 20 % by Jan (PL) and 80 % by Apex; Apex 100 % by Piet
(BE): everything is held from inside, so the first screening is clear."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse

from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import Job
from lodestar.fund import actions, rescreen
from lodestar.fund import workflow as wf
from lodestar.fund.lists import RESCREEN_CHANGES
from lodestar.fund.models import Finding, Screening, ScreeningCause, Shareholding
from lodestar.organisations.actions import ShareholderData, check_update_organisation
from lodestar.organisations.models import Shareholder
from tests.conftest import make_organisation


@pytest.fixture
def chain(alice):
    orbital = make_organisation(
        alice, "Orbital Forge GmbH", "DE", shareholders=[ShareholderData("Anna", "DE", Decimal(40))]
    )
    nimbus = make_organisation(
        alice, "Nimbus Holdings", "PL", shareholders=[ShareholderData("Jan", "PL", Decimal(20))]
    )
    apex = make_organisation(
        alice, "Apex Group", "BE", shareholders=[ShareholderData("Piet", "BE", Decimal(100))]
    )
    Shareholding.objects.create(company=orbital, holder=nimbus, share=Decimal("0.6"))
    Shareholding.objects.create(company=nimbus, holder=apex, share=Decimal("0.8"))
    return orbital, nimbus, apex


@pytest.fixture
def deal(fund, fred, chain):
    deal = actions.check_add_deal(fund, chain[0], fred)
    deal = actions.check_move_deal(deal, wf.DealStatus.SCREENING, fred)
    assert actions.do_screen_deal(deal, fred) == []  # clear: the baseline
    return deal


def edit_shareholders(organisation, alice, *holders):
    check_update_organisation(
        organisation,
        alice,
        fields={},
        areas=organisation.areas.all(),
        shareholders=[ShareholderData(name, nation, Decimal(pct)) for name, nation, pct in holders],
    )


def jobs():
    return Job.objects.filter(kind=RESCREEN_CHANGES)


def test_a_change_two_levels_up_screens_the_deal_again_once_and_the_page_shows_what_changed(
    client, deal, chain, alice, fred, django_capture_on_commit_callbacks
):
    apex = chain[2]
    with django_capture_on_commit_callbacks(execute=True):
        edit_shareholders(apex, alice, ("Piet", "BE", 10), ("Dragon Capital", "CN", 90))
    # two changes (Piet's share, Dragon added), one job, which took both
    assert jobs().count() == 1 and jobs().get().status == Job.Status.DONE
    assert jobs().get().result == {"deals": 1, "screened": 1, "refused": 0, "none": 0}
    assert not ScreeningCause.objects.exists()
    # 60 % x 80 % x 90 % = 43.2 % held from China, through two companies
    [finding] = Finding.objects.filter(deal=deal, status=wf.FindingStatus.OPEN)
    assert finding.explanation == (
        "43.20% held from outside the participating nations (limit 25.00%): CN 43.20%"
    )
    run = Screening.objects.filter(deal=deal).first()
    assert [c["change"] for c in run.causes] == ["changed", "added"]
    assert run.opened == [finding.explanation] and run.outside == pytest.approx(0.432)
    assert run.ownership == pytest.approx({"DE": 0.4, "PL": 0.12, "BE": 0.048, "CN": 0.432})

    client.force_login(fred)
    page = client.get(reverse("fund:deal", args=[deal.pk])).content.decode()
    assert "1 open finding to clear." in page
    assert "Dragon Capital (China) now holds 90.00 % of Apex Group." in page
    assert "Piet (Belgium) holds 10.00 % of Apex Group, instead of 100.00 %." in page
    assert "Belgium: 48.00 % → 4.80 %" in page and "China: 0.00 % → 43.20 %" in page
    french = client.get(f"/fr/fund/deals/{deal.pk}/").content.decode()
    assert "Dragon Capital (Chine) détient désormais 90,00 % de Apex Group." in french


def test_a_waiting_job_is_not_queued_twice_and_takes_every_change(
    deal, chain, alice, django_capture_on_commit_callbacks
):
    waiting = create_job(RESCREEN_CHANGES, "waiting", {"fund": deal.fund_id})  # queued, not yet run
    with django_capture_on_commit_callbacks(execute=True):
        edit_shareholders(chain[1], alice, ("Jan", "PL", 15), ("Zhu Wei", "CN", 5))
    with django_capture_on_commit_callbacks(execute=True):
        Shareholder.objects.filter(name="Anna").get().delete()
    assert jobs().count() == 1  # no second job while one waits
    assert ScreeningCause.objects.filter(deal=deal).count() == 3
    execute_job(waiting.pk)
    assert not ScreeningCause.objects.exists()
    run = Screening.objects.filter(deal=deal).first()
    assert [(c["holder"], c["change"]) for c in run.causes] == [
        ("Jan", "changed"),
        ("Zhu Wei", "added"),
        ("Anna", "removed"),
    ]
    # Anna's 40 % is undisclosed now: held from outside as far as the fund can tell
    assert run.outside == pytest.approx(0.4 + 0.6 * 0.05)


def test_a_run_that_stops_loses_nothing_and_running_it_again_screens_once(deal, chain):
    Shareholding.objects.filter(company=chain[1]).update(share=Decimal("0.8"))  # no signal: not a change
    assert not ScreeningCause.objects.exists()
    Shareholder.objects.filter(name="Piet").update(nation="CN")
    Shareholder.objects.get(name="Piet").save()  # the save is seen... but nothing changed since the read
    assert not ScreeningCause.objects.exists()
    holder = Shareholder.objects.get(name="Jan")
    holder.nation = "CN"
    holder.save()
    [cause] = ScreeningCause.objects.filter(deal=deal)
    runs = Screening.objects.filter(deal=deal).count()

    with pytest.raises(RuntimeError), transaction.atomic():  # the worker dies after screening
        assert rescreen.do_rescreen_deal(deal.pk) == "screened"
        raise RuntimeError
    assert list(ScreeningCause.objects.filter(deal=deal)) == [cause]
    assert Screening.objects.filter(deal=deal).count() == runs

    assert rescreen.do_rescreen_deal(deal.pk) == "screened"
    assert rescreen.do_rescreen_deal(deal.pk) == "none"  # again: nothing left to do
    assert Screening.objects.filter(deal=deal).count() == runs + 1
    assert Finding.objects.filter(deal=deal, status=wf.FindingStatus.OPEN).count() == 1  # 12 % + 48 % CN


def test_a_change_rolled_back_leaves_no_cause_and_unrelated_or_passed_deals_none(
    fund, fred, deal, chain, alice
):
    with pytest.raises(RuntimeError), transaction.atomic():
        Shareholder.objects.create(organisation=chain[2], name="Dragon", nation="CN", percentage=1)
        assert ScreeningCause.objects.count() == 1
        raise RuntimeError
    assert not ScreeningCause.objects.exists()
    other = make_organisation(alice, "Unrelated SA", "BE")
    Shareholder.objects.create(organisation=other, name="Dragon", nation="CN", percentage=50)
    assert not ScreeningCause.objects.exists()  # not on the board
    passed = actions.check_add_deal(fund, other, fred)
    actions.check_move_deal(passed, wf.DealStatus.PASSED, fred)
    Shareholder.objects.filter(organisation=other).get().delete()
    assert not ScreeningCause.objects.exists()  # passed deals are not screened
    # the directory's edit with the same holders changes no row
    kept = list(chain[2].shareholders.values_list("pk", flat=True))
    edit_shareholders(chain[2], alice, ("Piet", "BE", 100))
    assert list(chain[2].shareholders.values_list("pk", flat=True)) == kept
    assert not ScreeningCause.objects.exists()


def test_holdings_that_cannot_all_be_true_are_the_verdict_until_corrected(
    client, fred, deal, chain, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Shareholding.objects.create(company=chain[0], holder=chain[2], share=Decimal("0.5"))
    run = Screening.objects.filter(deal=deal).first()
    assert run.refusal.startswith("The declared holdings cannot be screened")
    assert run.causes[0]["holder"] == "Apex Group" and run.causes[0]["share"] == "50.00"
    assert not ScreeningCause.objects.exists()
    client.force_login(fred)
    assert (
        "the holdings could not be screened."
        in client.get(reverse("fund:deal", args=[deal.pk])).content.decode()
    )


def test_screening_by_hand_takes_the_changes_still_waiting(deal, fred):
    piet = Shareholder.objects.get(name="Piet")
    piet.percentage = Decimal(50)
    piet.save()
    assert ScreeningCause.objects.filter(deal=deal).count() == 1
    actions.do_screen_deal(deal, fred)
    run = Screening.objects.filter(deal=deal).first()
    assert run.causes == [
        {
            "change": "changed",
            "company": "Apex Group",
            "holder": "Piet",
            "nation": "BE",
            "share": "50.00",
            "before": "100.00",
        }
    ]
    assert not ScreeningCause.objects.exists() and run.screened_by == fred
    # half of Apex is undisclosed now: 60 % x 80 % x 50 % = 24 %, under the 25 % limit
    assert run.outside == pytest.approx(0.24) and run.opened == []
