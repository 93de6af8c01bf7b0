"""Grant execution: awards, agreements and signatures, milestones, tranches and payments.

Alice (Aurora's owner) signs for the company and reports; Dora directs and signs second; Stella,
programme staff, accepts or returns milestones; Fiona and Frank are finance. Charlie (Borealis) has
no award and must see none of Aurora's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lodestar.core.models import AuditEvent
from lodestar.core.pdf import sha256
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.grants import actions, payments
from lodestar.grants import workflow as wf
from lodestar.grants.models import Award, PaymentOrder, Signature
from tests.conftest import complete_draft
from tests.pdfs import MINIMAL_PDF, PNG_BYTES

pytest_plugins = ["tests.grants_fixtures"]


def pdf(name="evidence.pdf"):
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


def test_the_director_makes_an_award_from_a_selected_application_through_its_workflow(award, dora):
    assert award.status == wf.AWARD_MADE
    assert award.amount == Decimal("100000.00") and award.currency == "EUR"
    event = AuditEvent.objects.get(action="award:made")
    assert (event.actor, event.from_state, event.to_state) == (dora, wf.AWARD_DRAFT, wf.AWARD_MADE)
    assert [p.budget for p in award.phases.all()] == [Decimal("100000.00")]
    assert award.milestones.count() == 3 and award.milestones.filter(is_final=True).count() == 1
    assert [t.amount for t in award.tranches.all()] == [Decimal("40000.00"), Decimal("60000.00")]
    assert award.reports.count() == 1


def test_only_a_selected_application_and_only_once(charlie, borealis, sensing, dora, award):
    with pytest.raises(ValidationError):
        actions.check_make_award(award.application, dora)
    draft = complete_draft(charlie, borealis, sensing)
    with pytest.raises(ValidationError):
        actions.check_make_award(draft, dora)


def test_staff_who_are_not_the_director_cannot_make_an_award(selected, stella):
    with pytest.raises(TransitionNotAllowed):
        actions.check_make_award(selected, stella)
    assert not Award.objects.exists()


def test_the_agreement_is_a_reproducible_pdf_in_private_storage(award):
    agreement = award.current_agreement()
    data = agreement.document.read()
    assert data.startswith(b"%PDF-") and sha256(data) == agreement.sha256
    from lodestar.grants.documents import agreement_pdf

    assert sha256(agreement_pdf(award, 1)) == agreement.sha256
    with pytest.raises(ValueError):
        agreement.document.url  # noqa: B018  # private files have no URL


def test_the_company_signs_first_then_the_director_and_each_signature_records_the_digest(award, alice, dora):
    agreement = award.current_agreement()
    with pytest.raises(TransitionNotAllowed):
        actions.check_sign_agreement(agreement, dora)  # the company has not signed yet
    actions.check_sign_agreement(agreement, alice, seen_sha256=agreement.sha256)
    agreement.refresh_from_db()
    actions.check_sign_agreement(agreement, dora, seen_sha256=agreement.sha256)
    agreement.refresh_from_db()
    award.refresh_from_db()
    assert agreement.status == wf.AGREEMENT_SIGNED and award.status == wf.AWARD_ACTIVE
    signatures = {s.party: s for s in agreement.signatures.all()}
    assert signatures[Signature.Party.COMPANY].signer == alice
    assert signatures[Signature.Party.DIRECTOR].signer == dora
    assert {s.document_sha256 for s in signatures.values()} == {agreement.sha256}
    assert all(s.signed_at for s in signatures.values())


def test_a_stranger_cannot_sign_for_the_company(award, charlie, stella):
    agreement = award.current_agreement()
    for person in (charlie, stella):
        with pytest.raises(TransitionNotAllowed):
            actions.check_sign_agreement(agreement, person)
    assert not agreement.signatures.exists()


def test_a_signer_who_saw_another_version_is_refused(award, alice):
    with pytest.raises(ValidationError):
        actions.check_sign_agreement(award.current_agreement(), alice, seen_sha256="0" * 64)


def test_the_company_may_upload_its_counter_signed_pdf_checked_like_attachments(award, alice):
    agreement = award.current_agreement()
    with pytest.raises(ValidationError):
        actions.check_sign_agreement(agreement, alice, upload=SimpleUploadedFile("s.pdf", PNG_BYTES))
    signature = actions.check_sign_agreement(agreement, alice, upload=pdf("signed.pdf"))
    assert signature.upload_sha256 == sha256(MINIMAL_PDF)
    assert signature.document_sha256 == agreement.sha256


def test_an_amendment_is_a_new_version_and_the_old_one_is_kept(signed_award, alice, dora):
    first = signed_award.current_agreement()
    second = actions.check_amend_agreement(signed_award, dora, "Six more weeks", amount=Decimal("110000"))
    first.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.status == wf.AGREEMENT_SIGNED and first.document.read().startswith(b"%PDF-")
    assert first.sha256 != second.sha256
    actions.check_sign_agreement(second, alice)
    second.refresh_from_db()
    actions.check_sign_agreement(second, dora)
    first.refresh_from_db()
    assert first.status == wf.AGREEMENT_SUPERSEDED
    assert signed_award.current_agreement() == second
    # The signature tranche was paid on version 1; signing again raises nothing new.
    assert signed_award.payments.count() == 1


def test_signature_raises_the_signature_tranche_requested_by_the_director(signed_award, dora):
    (order,) = signed_award.payments.all()
    assert order.amount == Decimal("40000.00") and order.status == wf.REQUESTED
    assert order.requested_by == dora


def test_a_milestone_needs_evidence_checked_like_attachments_and_a_signed_agreement(award, alice):
    milestone = award.milestones.first()
    actions.check_add_evidence(milestone, alice, pdf())
    with pytest.raises(ValidationError):
        actions.check_submit_milestone(milestone, alice)  # agreement not signed yet
    with pytest.raises(ValidationError):
        actions.check_add_evidence(milestone, alice, SimpleUploadedFile("x.pdf", PNG_BYTES))


def test_staff_return_with_a_note_then_accept_and_the_final_one_raises_its_payment(
    signed_award, alice, stella
):
    final = signed_award.milestones.get(is_final=True)
    actions.check_add_evidence(final, alice, pdf())
    actions.check_submit_milestone(final, alice)
    with pytest.raises(ValidationError):
        actions.check_decide_milestone(final, stella, accept=False)  # a return says why
    actions.check_decide_milestone(final, stella, accept=False, note="Add the test report")
    assert final.status == wf.RETURNED and final.decision_note == "Add the test report"
    actions.check_submit_milestone(final, alice)
    actions.check_decide_milestone(final, stella, accept=True)
    signed_award.refresh_from_db()
    assert signed_award.status == wf.AWARD_COMPLETED
    order = signed_award.payments.get(tranche__milestone=final)
    assert order.amount == Decimal("60000.00") and order.requested_by == stella


def test_the_company_cannot_accept_its_own_milestone(signed_award, alice):
    milestone = signed_award.milestones.first()
    actions.check_add_evidence(milestone, alice, pdf())
    actions.check_submit_milestone(milestone, alice)
    with pytest.raises(TransitionNotAllowed):
        actions.check_decide_milestone(milestone, alice, accept=True)


def test_finance_approves_but_never_a_payment_it_requested(signed_award, fiona, frank, stella):
    order = signed_award.payments.get()
    PaymentOrder.objects.filter(pk=order.pk).update(requested_by=fiona)
    order.refresh_from_db()
    with pytest.raises(PermissionDenied):
        payments.check_approve_payment(order, fiona)
    with pytest.raises(PermissionDenied):
        payments.check_approve_payment(order, stella)  # not finance
    payments.check_approve_payment(order, frank)
    order.refresh_from_db()
    assert order.status == wf.APPROVED and order.approved_by == frank


def test_the_workflow_guard_refuses_the_requester_too(signed_award, fiona):
    order = signed_award.payments.get()
    PaymentOrder.objects.filter(pk=order.pk).update(requested_by=fiona)
    order.refresh_from_db()
    assert not wf.may_approve_payment(fiona, order)


def test_payments_never_exceed_the_award(signed_award, fiona, dora):
    first = signed_award.payments.get()
    extra = PaymentOrder.objects.create(
        award=signed_award, amount=Decimal("60000.01"), reference="EXTRA", requested_by=dora
    )
    payments.check_approve_payment(first, fiona)
    with pytest.raises(ValidationError):
        payments.check_approve_payment(extra, fiona)
    extra.refresh_from_db()
    assert extra.status == wf.REQUESTED
    assert payments.committed_total(signed_award) == Decimal("40000.00")


def test_an_amendment_cannot_cut_the_award_below_what_is_approved(signed_award, fiona, dora):
    payments.check_approve_payment(signed_award.payments.get(), fiona)
    with pytest.raises(ValidationError):
        actions.check_amend_agreement(signed_award, dora, "Less", amount=Decimal("30000"))


def test_reports_are_submitted_by_the_company_and_accepted_by_staff(signed_award, alice, stella, charlie):
    report = signed_award.reports.get()
    with pytest.raises(ValidationError):
        actions.check_submit_report(report, alice, "  ")
    with pytest.raises(TransitionNotAllowed):
        actions.check_submit_report(report, charlie, "Not mine")
    actions.check_submit_report(report, alice, "Six months of progress")
    actions.check_decide_report(report, stella, accept=True)
    assert report.status == wf.ACCEPTED


def test_bank_details_are_validated_on_entry(aurora, alice, charlie):
    with pytest.raises(ValidationError):
        actions.check_save_bank_account(aurora, alice, holder="Aurora", iban="DE00 1234", bic="COBADEFFXXX")
    with pytest.raises(ValidationError):
        actions.check_save_bank_account(
            aurora, alice, holder="Aurora", iban="DE89 3704 0044 0532 0130 00", bic="BNPAFRPPXXX"
        )
    with pytest.raises(PermissionDenied):
        actions.check_save_bank_account(
            aurora, charlie, holder="Aurora", iban="DE89 3704 0044 0532 0130 00", bic="COBADEFFXXX"
        )
    account = actions.check_save_bank_account(
        aurora, alice, holder="Aurora SAS", iban="de89 3704 0044 0532 0130 00", bic="COBADEFFXXX"
    )
    assert account.iban == "DE89370400440532013000"


def test_a_company_sees_only_its_own_award(award, alice, charlie, fiona, stella):
    assert list(Award.objects.visible_to(alice)) == [award]
    assert not Award.objects.visible_to(charlie).exists()
    assert list(Award.objects.visible_to(fiona)) == [award]
    assert list(Award.objects.visible_to(stella)) == [award]


def test_the_director_terminates_with_a_reason_and_waiting_payments_are_cancelled(signed_award, dora, stella):
    with pytest.raises(ValidationError):
        actions.check_terminate_award(signed_award, dora, " ")
    with pytest.raises(TransitionNotAllowed):
        actions.check_terminate_award(signed_award, stella, "Not hers to end")
    actions.check_terminate_award(signed_award, dora, "The company was dissolved")
    signed_award.refresh_from_db()
    assert signed_award.status == wf.AWARD_TERMINATED
    assert list(signed_award.payments.values_list("status", flat=True)) == [wf.CANCELLED]
