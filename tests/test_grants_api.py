"""The grants API does what the pages do, under the same rules. Alice owns Aurora (awarded and
signed); Charlie owns Borealis; Stella is staff; Fiona and Frank are finance."""

from __future__ import annotations

from decimal import Decimal

from lodestar.accounts.actions import do_create_api_token
from lodestar.grants import actions
from lodestar.grants import workflow as wf
from lodestar.grants.models import PaymentOrder
from tests.pdfs import MINIMAL_PDF

pytest_plugins = ["tests.grants_fixtures"]


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(user, 'tests')[1]}"}


def test_a_company_lists_its_own_award_only(client, signed_award, alice, charlie):
    mine = client.get("/api/awards", **auth(alice)).json()
    assert [a["id"] for a in mine["items"]] == [signed_award.pk]
    assert mine["items"][0]["agreement_status"] == wf.AGREEMENT_SIGNED
    assert client.get("/api/awards", **auth(charlie)).json()["count"] == 0
    assert client.get(f"/api/awards/{signed_award.pk}/payments", **auth(charlie)).status_code == 404


def test_staff_accept_a_milestone_and_its_payment_follows(client, signed_award, alice, stella):
    from django.core.files.uploadedfile import SimpleUploadedFile

    final = signed_award.milestones.get(is_final=True)
    actions.check_add_evidence(final, alice, SimpleUploadedFile("e.pdf", MINIMAL_PDF))
    actions.check_submit_milestone(final, alice)
    url = f"/api/awards/{signed_award.pk}/milestones/{final.number}/decision"
    assert (
        client.post(url, {"accept": False}, content_type="application/json", **auth(stella)).status_code
        == 400
    )
    response = client.post(url, {"accept": True}, content_type="application/json", **auth(stella))
    assert response.status_code == 200 and response.json()["status"] == wf.ACCEPTED
    amounts = [
        p["amount"] for p in client.get(f"/api/awards/{signed_award.pk}/payments", **auth(alice)).json()
    ]
    assert sorted(Decimal(a) for a in amounts) == [Decimal("40000.00"), Decimal("60000.00")]


def test_finance_approves_through_the_api_within_the_award(client, signed_award, fiona, frank, dora):
    order = signed_award.payments.get()
    over = PaymentOrder.objects.create(
        award=signed_award, amount=Decimal("60000.01"), reference="OVER", requested_by=fiona
    )
    response = client.post(f"/api/payments/{order.pk}/approval", **auth(fiona))
    assert response.status_code == 200 and response.json()["status"] == wf.APPROVED
    assert client.post(f"/api/payments/{over.pk}/approval", **auth(fiona)).status_code == 403  # her own
    assert client.post(f"/api/payments/{over.pk}/approval", **auth(frank)).status_code == 400  # too much
    listed = client.get("/api/payments?status=approved", **auth(frank)).json()
    assert [p["reference"] for p in listed["items"]] == [order.reference]
