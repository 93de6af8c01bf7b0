"""After the selection: awards for a confirmed cohort, through the same actions as the pages.

Used by `lodestar simulate` (a timed stage) and by the demo (last year's cohort). Each selected
company gets its award; most agreements are signed by a member and then the director, a few wait;
milestones are spread over every state (to deliver, submitted, returned, accepted); bank details are
entered, and finance approves the payment orders the rules raised, some then marked as paid.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.grants import actions, payments
from lodestar.grants import workflow as wf
from lodestar.grants.models import Agreement, Award, Evidence, PaymentOrder, Tranche
from lodestar.programmes.models import Call

# The smallest PDF a reader opens: evidence of a milestone in the demo.
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n"
)
# Valid test IBANs with the BIC of their bank, one per country the demo's companies often come from.
DEMO_ACCOUNTS = (
    ("DE89370400440532013000", "COBADEFFXXX"),
    ("FR1420041010050500013M02606", "PSSTFRPPLIL"),
    ("BE68539007547034", "BBRUBEBB"),
    ("NL91ABNA0417164300", "ABNANL2A"),
)


def _evidence(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, EVIDENCE_PDF, content_type="application/pdf")


def award_cohort(
    call: Call, director: Any, staff: Any, finance: Any, *, seed: int, starts_on: dt.date
) -> str:
    """Award every selected application of `call` and take each award some way along. Returns a
    one-line summary of what was made."""
    rng = random.Random(seed)
    selected = list(
        Application.objects.filter(challenge__call=call, status=app_wf.SELECTED)
        # The agreement names the call and its programme: read with the application, not per award.
        .select_related("organisation", "challenge__call__programme")
        .prefetch_related("organisation__memberships__user")
        .order_by("pk")
    )
    signed = accepted = approved = 0
    # One transaction for the cohort: each action keeps its own (a savepoint in this one), and the
    # database commits once, not after every action (on SQLite each commit waits for the disk).
    with transaction.atomic():
        for i, application in enumerate(selected):
            award = actions.check_make_award(application, director, starts_on=starts_on)
            members = [m.user for m in application.organisation.memberships.all()]
            # The last award (and one in ten) still has its agreement to sign.
            if not members or i % 10 == 9 or (i == len(selected) - 1 and i >= 2):
                continue
            member = members[0]
            iban, bic = DEMO_ACCOUNTS[i % len(DEMO_ACCOUNTS)]
            actions.check_save_bank_account(
                application.organisation,
                member,
                holder=application.organisation.legal_name[:70],
                iban=iban,
                bic=bic,
            )
            agreement = award.current_agreement()
            assert agreement is not None
            actions.check_sign_agreement(agreement, member, seen_sha256=agreement.sha256)
            agreement.refresh_from_db()
            actions.check_sign_agreement(agreement, director, seen_sha256=agreement.sha256)
            signed += 1
            award.refresh_from_db()
            accepted += _milestones(award, member, staff, rng)
            for order in award.payments.filter(status=wf.REQUESTED):
                payments.check_approve_payment(order, finance)
                approved += 1
                if rng.random() < 0.5:
                    payments.check_mark_paid(order, finance)
    return (
        f"{len(selected)} awards, {signed} agreements signed, {accepted} milestones accepted, "
        f"{approved} payments approved"
    )


def _milestones(award: Award, member: Any, staff: Any, rng: random.Random) -> int:
    """Take the milestones in order as far as a draw says: each submitted one is accepted, or (one in
    five) returned with a note; the last one reached may stay submitted. Returns how many accepted."""
    reach = rng.choice((0, 1, 1, 2, 2, 3))
    accepted = 0
    for milestone in award.milestones.order_by("number")[:reach]:
        actions.check_add_evidence(milestone, member, _evidence(f"milestone-{milestone.number}.pdf"))
        actions.check_submit_milestone(milestone, member)
        roll = rng.random()
        if roll < 0.2:
            actions.check_decide_milestone(
                milestone, staff, accept=False, note="Please add the test centre's signed report."
            )
            return accepted
        if roll < 0.35:
            return accepted  # waiting for staff
        actions.check_decide_milestone(milestone, staff, accept=True)
        accepted += 1
    return accepted


def forget_awards(applications: Any) -> int:
    """Delete the awards of `applications` with their files, payments first (an order protects its
    award, a tranche its milestone): for the demo's reset. Returns how many awards went."""
    awards = Award.objects.filter(application__in=applications)
    for agreement in Agreement.objects.filter(award__in=awards):
        agreement.document.delete(save=False)
        for signature in agreement.signatures.exclude(upload=""):
            signature.upload.delete(save=False)
    for evidence in Evidence.objects.filter(milestone__award__in=awards):
        evidence.file.delete(save=False)
    PaymentOrder.objects.filter(award__in=awards).delete()
    Tranche.objects.filter(award__in=awards).delete()
    return awards.delete()[1].get("grants.Award", 0)
