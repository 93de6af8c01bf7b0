"""The fund: calls and distributions split to the partners, payments, notices in the partner's
language, the deal board, ownership screening with findings a person clears, and who sees what.

Fred is on the fund team. Lena represents Germany and Bruno Belgium (limited partners): each reads
their own nation's notices only. Alice is an applicant: nothing of the fund is hers to see."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lodestar.core.workflow import TransitionNotAllowed
from lodestar.fund import actions, portfolio
from lodestar.fund import workflow as wf
from lodestar.fund.models import CashEvent, Deal, Finding, ListedName, Notice, Shareholding
from lodestar.organisations.actions import ShareholderData
from tests.conftest import make_organisation
from tests.test_pdf import drawn, page_text

ON, DUE = date(2026, 1, 15), date(2026, 2, 15)


def call(fund, fred, amount="100000.00", kind=CashEvent.Kind.CALL):
    return actions.check_issue_cash_event(fund, kind, Decimal(amount), ON, DUE, "First investments", fred)


def test_a_call_is_split_pro_rata_to_the_cent_and_adds_up_exactly(fund, fred):
    event = call(fund, fred, "1000000.01")
    parts = {n.partner.nation: n.amount for n in event.notices.select_related("partner")}
    # commitments 300 : 200 : 100 of 100,000,001 cents: 50,000,000.5 / 33,333,333.67 / 16,666,666.83;
    # rounded down, two cents are left: they go to the largest fractions cut off (BE .83, PL .67)
    assert parts == {"DE": Decimal("500000.00"), "PL": Decimal("333333.34"), "BE": Decimal("166666.67")}
    assert sum(parts.values()) == event.amount
    assert all(n.status == wf.NoticeStatus.DUE for n in event.notices.all())


def test_calls_are_numbered_and_cannot_exceed_the_commitments(fund, fred):
    assert call(fund, fred, "599999999.99").number == 1
    assert call(fund, fred, "0.01").number == 2
    with pytest.raises(ValidationError, match="exceed the commitments"):
        call(fund, fred, "0.01")
    assert CashEvent.objects.count() == 2


def test_a_distribution_is_numbered_on_its_own_and_its_notices_are_paid(fund, fred):
    event = call(fund, fred, "600.00", kind=CashEvent.Kind.DISTRIBUTION)
    assert event.number == 1
    assert {n.status for n in event.notices.all()} == {wf.NoticeStatus.PAID}


def test_only_the_fund_team_issues_calls(fund, lena, alice):
    for person in (lena, alice):
        with pytest.raises(PermissionDenied):
            call(fund, person)


def test_payments_move_a_notice_to_partly_paid_then_paid_and_refuse_overpayment(fund, fred):
    notice = call(fund, fred).notices.get(partner__nation="BE")
    assert notice.amount == Decimal("16666.67")
    actions.check_record_payment(notice, Decimal("10000.00"), fred)
    notice.refresh_from_db()
    assert (notice.status, notice.paid) == (wf.NoticeStatus.PARTLY_PAID, Decimal("10000.00"))
    with pytest.raises(ValidationError, match="outstanding"):
        actions.check_record_payment(notice, Decimal("6666.68"), fred)
    actions.check_record_payment(notice, Decimal("6666.67"), fred)
    notice.refresh_from_db()
    assert notice.status == wf.NoticeStatus.PAID and notice.outstanding == 0
    with pytest.raises(ValidationError, match="already paid"):
        actions.check_record_payment(notice, Decimal("1.00"), fred)


def test_a_partner_reads_its_own_notices_only_and_its_pdf_is_in_its_language(client, fund, fred, lena, bruno):
    event = call(fund, fred)
    de, be = event.notices.get(partner__nation="DE"), event.notices.get(partner__nation="BE")
    client.force_login(lena)
    page = client.get(reverse("fund:notices"))
    assert page.status_code == 200
    assert list(page.context["notices"]) == [de]
    assert client.get(reverse("fund:notice_pdf", args=[de.pk])).status_code == 200
    assert client.get(reverse("fund:notice_pdf", args=[be.pk])).status_code == 404
    assert client.post(reverse("fund:notice_pay", args=[de.pk]), {"amount": "1"}).status_code == 403
    client.force_login(bruno)
    pdf = client.get(reverse("fund:notice_pdf", args=[be.pk])).content
    text = page_text(pdf)
    # core.money writes it as French does (Babel), the euro sign after the figure; the PDF draws the
    # narrow space that groups the digits as a space (WinAnsi has no narrow one).
    assert drawn("Appel de fonds") in text and drawn("16 666,67 €") in text


def test_the_team_issues_a_call_and_records_a_payment_from_the_page(client, fund, fred):
    client.force_login(fred)
    response = client.post(
        reverse("fund:issue"),
        {"kind": "call", "amount": "600.00", "on": "2026-01-15", "due": "2026-02-15", "purpose": "Fees"},
    )
    assert response.status_code == 302
    notice = Notice.objects.get(partner__nation="DE")
    client.post(reverse("fund:notice_pay", args=[notice.pk]), {"amount": "300.00"})
    notice.refresh_from_db()
    assert notice.status == wf.NoticeStatus.PAID
    assert client.post(reverse("fund:issue"), {"kind": "call"}).status_code == 400


@pytest.fixture
def orbital(alice):
    """A start-up held 60 % by a German founder and 40 % by a holding company."""
    return make_organisation(
        alice, "Orbital Forge GmbH", "DE", shareholders=[ShareholderData("Anna Schmidt", "DE", Decimal("60"))]
    )


@pytest.fixture
def holding(alice, orbital):
    """The holding company is itself held 80 % from China and 20 % by 'Petr Ivanov' (on a list)."""
    company = make_organisation(
        alice,
        "Nimbus Holdings Ltd",
        "GB",
        shareholders=[
            ShareholderData("Dragon Capital", "CN", Decimal("80")),
            ShareholderData("Petr Ivanov", "CY", Decimal("20")),
        ],
    )
    Shareholding.objects.create(company=orbital, holder=company, share=Decimal("0.4"))
    return company


def test_screening_finds_outside_ownership_through_a_chain_and_a_listed_holder(fund, fred, orbital, holding):
    ListedName.objects.create(list_name="EU consolidated", entry_id="eu-42", name="IVANOV, Petr")
    deal = actions.check_add_deal(fund, orbital, fred)
    found = actions.do_screen_deal(deal, fred)
    by_kind = {f.kind: f.explanation for f in found}
    # 40 % x (80 % CN + 20 % CY) = 40 % held from outside the partner nations
    assert by_kind["outside"] == (
        "40.00% held from outside the participating nations (limit 25.00%): CN 32.00%, CY 8.00%"
    )
    assert by_kind["listed"] == (
        "'Petr Ivanov' resembles 'IVANOV, Petr' on the list 'EU consolidated' (entry eu-42): 100.0 % similar"
    )


def test_a_deal_with_an_open_finding_waits_for_a_person_to_clear_it(fund, fred, orbital, holding):
    deal = actions.check_add_deal(fund, orbital, fred)
    for to in (wf.DealStatus.SCREENING, wf.DealStatus.DUE_DILIGENCE):
        actions.check_move_deal(deal, to, fred)
    [finding] = actions.do_screen_deal(deal, fred)
    with pytest.raises(ValidationError, match="ownership finding is open"):
        actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    with pytest.raises(ValidationError, match="Say why"):
        actions.check_clear_finding(finding, "  ", fred)
    actions.check_clear_finding(finding, "Holding sells its stake at closing (signed letter).", fred)
    actions.check_move_deal(deal, wf.DealStatus.COMMITTEE, fred)
    # screening again does not raise what a person cleared
    assert actions.do_screen_deal(deal, fred) == []
    assert Finding.objects.get(pk=finding.pk).status == wf.FindingStatus.CLEARED


def test_a_deal_moves_one_stage_at_a_time_to_the_portfolio_and_can_pass(fund, fred, orbital):
    deal = actions.check_add_deal(fund, orbital, fred)
    with pytest.raises(TransitionNotAllowed):
        actions.check_move_deal(deal, wf.DealStatus.TERM_SHEET, fred)
    for to in wf.PIPELINE[1:-1]:
        deal = actions.check_move_deal(deal, to, fred)
    with pytest.raises(ValidationError, match="when its investment is recorded"):
        actions.check_move_deal(deal, wf.DealStatus.PORTFOLIO, fred)
    first = portfolio.RoundData(date(2026, 1, 5), "Seed", "equity", Decimal("1000000.00"))
    portfolio.check_invest(deal, first, fred)
    deal.refresh_from_db()
    assert deal.status == wf.DealStatus.PORTFOLIO
    with pytest.raises(TransitionNotAllowed):
        actions.check_move_deal(deal, wf.DealStatus.PASSED, fred)
    with pytest.raises(ValidationError, match="already on the board"):
        actions.check_add_deal(fund, orbital, fred)


def test_the_board_and_deals_are_the_fund_teams_only(client, fund, fred, lena, alice, orbital):
    deal = actions.check_add_deal(fund, orbital, fred)
    client.force_login(fred)
    page = client.get(reverse("fund:board"))
    assert page.status_code == 200 and "Orbital Forge GmbH" in page.content.decode()
    response = client.post(reverse("fund:deal_move", args=[deal.pk]), {"to": "screening"})
    assert response.status_code == 302
    assert Deal.objects.get(pk=deal.pk).status == wf.DealStatus.SCREENING
    for person in (lena, alice):
        client.force_login(person)
        assert client.get(reverse("fund:board")).status_code == 403
        assert client.get(reverse("fund:deal", args=[deal.pk])).status_code == 403
    assert client.get(reverse("fund:notices")).status_code == 403


def test_the_pages_read_in_french(client, fund, fred, orbital):
    actions.check_add_deal(fund, orbital, fred)
    client.force_login(fred)
    page = client.get("/fr/fund/deals/").content.decode()
    assert "Tableau des opérations" in page


def test_the_api_moves_a_deal_and_lists_a_partners_own_notices(client, fund, fred, lena, orbital):
    from lodestar.accounts.actions import do_create_api_token

    deal = actions.check_add_deal(fund, orbital, fred)
    call(fund, fred)
    team = {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(fred, 't')[1]}"}
    partner = {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(lena, 't')[1]}"}
    moved = client.post(
        f"/api/fund/deals/{deal.pk}/move", {"to": "screening"}, content_type="application/json", **team
    )
    assert moved.status_code == 200 and moved.json()["status"] == "screening"
    skipped = client.post(
        f"/api/fund/deals/{deal.pk}/move", {"to": "closing"}, content_type="application/json", **team
    )
    assert skipped.status_code == 409
    assert client.get("/api/fund/deals", **partner).status_code == 403
    assert [n["nation"] for n in client.get("/api/fund/notices", **partner).json()] == ["DE"]
    assert len(client.get("/api/fund/notices", **team).json()) == 3


def test_a_partners_quarterly_statement_adds_up_its_capital_account(client, fund, fred, bruno, lena):
    from io import BytesIO

    from openpyxl import load_workbook

    from lodestar.fund.reports import XLSX_COLUMNS, quarter_of

    assert quarter_of(date(2026, 2, 10)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_of(date(2026, 12, 31)) == (date(2026, 10, 1), date(2026, 12, 31))
    event = actions.check_issue_cash_event(
        fund, "call", Decimal("600000.00"), ON, DUE, "Fees", fred, management_fee=Decimal("60000.00")
    )
    actions.check_record_payment(event.notices.get(partner__nation="BE"), Decimal("40000.00"), fred)
    actions.check_issue_cash_event(
        fund, "distribution", Decimal("6000.00"), date(2026, 3, 1), date(2026, 3, 1), "Sale", fred
    )
    client.force_login(bruno)
    sheet = load_workbook(
        BytesIO(client.get(reverse("fund:statement", args=["BE", "xlsx"]) + "?end=2026-03-31").content)
    ).active
    header, row = ([c.value for c in r] for r in sheet.iter_rows(max_row=2))
    assert tuple(header) == XLSX_COLUMNS
    values = dict(zip(header, row, strict=True))
    # Belgium committed 100 of 600: its share of the call is 100,000, of the fees 10,000, of the
    # distribution 1,000; it paid 40,000 so far
    assert values["Contributions (period)"] == 40000
    assert values["Management fees (period)"] == 10000
    assert values["Distributions (period)"] == 1000
    assert values["Called, unpaid"] == 60000
    assert values["Unfunded commitment"] == 100_000_000 - 100_000
    pdf = client.get(reverse("fund:statement", args=["BE", "pdf"]) + "?end=2026-03-31")
    assert drawn("Relevé trimestriel") in page_text(pdf.content)
    assert client.get(reverse("fund:statement", args=["DE", "pdf"])).status_code == 404
    assert client.get(reverse("fund:statement", args=["BE", "pdf"]) + "?end=soon").status_code == 400
