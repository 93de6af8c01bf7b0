"""The grant pages, in both languages: the company signs and reports, staff accept, the director
signs and makes awards, finance approves and exports. Alice owns Aurora (awarded); Charlie owns
Borealis (no award); Stella is staff, Dora the director, Fiona and Frank finance."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from lodestar.accounts.actions import do_create_api_token
from lodestar.grants import actions, payments
from lodestar.grants import workflow as wf
from lodestar.grants.models import Award, PaymentOrder
from tests.pdfs import MINIMAL_PDF

pytest_plugins = ["tests.grants_fixtures"]


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_company_reads_its_award_page_in_its_language(client, award, alice, language):
    login(client, alice)
    response = client.get(f"/{language}/grants/{award.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert ("Sign for the company" if language == "en" else "Signer pour l") in text
    # The amount as the reader writes it (core/money.py, Babel): the euro sign before or after.
    assert ("€100,000" if language == "en" else "100\u202f000\u00a0€") in text
    assert "EUR" not in text.split("<main")[-1]


def test_another_company_gets_404_for_the_award_and_its_files(client, award, charlie):
    login(client, charlie)
    for url in (
        reverse("grants:award", args=[award.pk]),
        reverse("grants:agreement_pdf", args=[award.pk, 1]),
        reverse("grants:bank_account", args=[award.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_the_company_signs_on_the_page_and_the_director_second(client, award, alice, dora):
    agreement = award.current_agreement()
    login(client, alice)
    response = client.post(reverse("grants:sign", args=[award.pk, 1]), {"sha256": agreement.sha256})
    assert response.status_code == 302
    login(client, dora)
    client.post(reverse("grants:sign", args=[award.pk, 1]), {"sha256": agreement.sha256})
    award.refresh_from_db()
    assert award.status == wf.AWARD_ACTIVE


def test_the_agreement_pdf_is_served_privately(client, award, alice):
    login(client, alice)
    response = client.get(reverse("grants:agreement_pdf", args=[award.pk, 1]))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_milestone_evidence_submit_and_return_through_the_pages(client, signed_award, alice, stella):
    url = reverse("grants:milestone", args=[signed_award.pk, 1])
    login(client, alice)
    client.post(url, {"do": "evidence", "file": SimpleUploadedFile("plan.pdf", MINIMAL_PDF)})
    client.post(url, {"do": "submit"})
    login(client, stella)
    client.post(url, {"do": "return", "note": "Add the dates"})
    milestone = signed_award.milestones.get(number=1)
    assert milestone.status == wf.RETURNED and milestone.decision_note == "Add the dates"
    evidence = milestone.evidence.get()
    login(client, alice)
    response = client.get(reverse("grants:evidence", args=[signed_award.pk, 1, evidence.pk]))
    assert response.status_code == 200


def test_internal_decision_notes_never_reach_the_company(client, signed_award, alice, stella):
    """A decision note is internal unless staff share it: the company's page and the API show the
    shared ones only; staff see every note, each marked with its audience."""
    first = reverse("grants:milestone", args=[signed_award.pk, 1])
    login(client, alice)
    client.post(first, {"do": "evidence", "file": SimpleUploadedFile("plan.pdf", MINIMAL_PDF)})
    client.post(first, {"do": "submit"})
    report = signed_award.reports.order_by("number").first()
    actions.check_submit_report(report, alice, "Six months of work.")
    login(client, stella)
    client.post(first, {"do": "return", "note": "Doubts about the supplier's solvency"})  # internal
    client.post(
        reverse("grants:report", args=[signed_award.pk, report.number]),
        {"do": "return", "note": "Add the test dates", "audience": "shared"},
    )
    assert signed_award.milestones.get(number=1).status == wf.RETURNED
    staff_page = client.get(reverse("grants:award", args=[signed_award.pk])).content.decode()
    assert "solvency" in staff_page and "Add the test dates" in staff_page
    assert "shared with the company" in staff_page and ">internal<" in staff_page
    login(client, alice)
    page = client.get(reverse("grants:award", args=[signed_award.pk])).content.decode()
    assert "Add the test dates" in page
    assert "solvency" not in page
    token = do_create_api_token(alice, "tests")[1]
    rows = client.get(
        f"/api/awards/{signed_award.pk}/milestones", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).json()
    assert rows[0]["status"] == wf.RETURNED and rows[0]["decision_note"] == ""
    assert rows[0]["note_audience"] is None and "solvency" not in str(rows)
    staff_token = do_create_api_token(stella, "tests")[1]
    rows = client.get(
        f"/api/awards/{signed_award.pk}/milestones", HTTP_AUTHORIZATION=f"Bearer {staff_token}"
    ).json()
    assert (rows[0]["decision_note"], rows[0]["note_audience"]) == (
        "Doubts about the supplier's solvency",
        "internal",
    )


def test_a_note_for_an_unknown_audience_is_refused(signed_award, stella):
    milestone = signed_award.milestones.get(number=1)
    with pytest.raises(ValidationError, match="who reads"):
        actions.check_decide_milestone(milestone, stella, accept=False, note="x", audience="everyone")
    assert signed_award.milestones.get(number=1).status == milestone.status


def test_bad_bank_details_answer_400_with_the_field_named(client, award, alice):
    login(client, alice)
    url = reverse("grants:bank_account", args=[award.pk])
    response = client.post(url, {"holder": "Aurora", "iban": "FR00 0000", "bic": "BNPAFRPPXXX"})
    assert response.status_code == 400 and "IBAN" in response.content.decode()
    response = client.post(
        url, {"holder": "Aurora SAS", "iban": "FR14 2004 1010 0505 0001 3M02 606", "bic": "PSSTFRPPLIL"}
    )
    assert response.status_code == 302


def test_the_director_makes_an_award_from_the_call_page(client, selected, dora, stella, call):
    login(client, stella)
    page = client.get(reverse("grants:call_awards", args=[call.slug]))
    assert page.status_code == 200 and "Make the award" not in page.content.decode()
    assert client.post(reverse("grants:make_award", args=[call.slug, selected.pk])).status_code == 403
    login(client, dora)
    client.post(reverse("grants:make_award", args=[call.slug, selected.pk]))
    assert Award.objects.get().status == wf.AWARD_MADE


def test_finance_approves_on_the_page_but_not_its_own_request(client, signed_award, fiona, frank):
    order = signed_award.payments.get()
    PaymentOrder.objects.filter(pk=order.pk).update(requested_by=fiona)
    login(client, fiona)
    page = client.get(reverse("grants:payments"))
    assert "You requested it" in page.content.decode()
    client.post(reverse("grants:payment_move", args=[order.pk, "approve"]))
    order.refresh_from_db()
    assert order.status == wf.REQUESTED
    login(client, frank)
    client.post(reverse("grants:payment_move", args=[order.pk, "approve"]))
    order.refresh_from_db()
    assert order.status == wf.APPROVED


@pytest.fixture
def approved(signed_award, aurora, alice, fiona):
    actions.check_save_bank_account(
        aurora, alice, holder='=HYPERLINK("x")', iban="FR14 2004 1010 0505 0001 3M02 606", bic="PSSTFRPPLIL"
    )
    order = signed_award.payments.get()
    payments.check_approve_payment(order, fiona)
    return order


def test_exports_of_approved_orders_defuse_formulas(client, approved, fiona):
    login(client, fiona)
    body = client.get(reverse("grants:export", args=["csv"])).content.decode()
    row = list(csv.reader(io.StringIO(body)))[1]
    assert row[0] == approved.reference and row[4].startswith("'=")
    data = client.get(reverse("grants:export", args=["xlsx"])).content
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.cell(2, 5).value.startswith("'=") and Decimal(str(sheet.cell(2, 3).value)) == approved.amount


def test_sepa_export_is_a_valid_credit_transfer(client, approved, fiona):
    login(client, fiona)
    response = client.get(reverse("grants:export", args=["xml"]), {"date": "2026-12-01"})
    assert response.status_code == 200
    xml = response.content.decode()
    assert "pain.001.001.03" in xml and "FR1420041010050500013M02606" in xml
    assert '<InstdAmt Ccy="EUR">40000.00</InstdAmt>' in xml
    assert client.get(reverse("grants:export", args=["xml"]), {"date": "soon"}).status_code == 400


def test_sepa_export_without_bank_details_is_a_clear_400(client, signed_award, fiona):
    payments.check_approve_payment(signed_award.payments.get(), fiona)
    login(client, fiona)
    response = client.get(reverse("grants:export", args=["xml"]))
    assert response.status_code == 400 and "bank details" in response.content.decode()


def test_the_company_and_staff_cannot_reach_the_finance_pages(client, approved, alice, stella):
    login(client, alice)
    assert client.get(reverse("grants:payments")).status_code == 403
    login(client, stella)
    assert client.get(reverse("grants:export", args=["csv"])).status_code == 403
    assert client.post(reverse("grants:payment_move", args=[approved.pk, "paid"])).status_code == 403


def _signed(award, member, director):
    agreement = award.current_agreement()
    actions.check_sign_agreement(agreement, member)
    agreement.refresh_from_db()
    actions.check_sign_agreement(agreement, director)


def test_the_staff_lists_take_the_same_queries_for_one_award_or_two(
    client, signed_award, charlie, borealis, sensing, stella, dora, fiona, call
):
    """An N+1 on the awards of a call or on the payment orders would show as one more query per award."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.grants_helpers import selected_application

    def count(user, url):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    pages = [(stella, reverse("grants:call_awards", args=[call.slug])), (fiona, reverse("grants:payments"))]
    before = [count(user, url) for user, url in pages]
    other = actions.check_make_award(selected_application(charlie, borealis, sensing, stella, dora), dora)
    _signed(other, charlie, dora)
    assert PaymentOrder.objects.count() == 2
    assert [count(user, url) for user, url in pages] == before
