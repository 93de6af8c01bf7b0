"""Grant execution: making an award, agreement versions and their signatures, milestones and their
evidence, reports, bank details. Actions never see the request; every state change is atomic and
goes through core.workflow.transition(). Payments are in payments.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.applications import workflow as application_wf
from lodestar.applications.files import check_pdf
from lodestar.applications.models import Application
from lodestar.core.models import Audience
from lodestar.core.pdf import sha256
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.grants import workflow as wf
from lodestar.grants.documents import agreement_pdf
from lodestar.grants.models import (
    Agreement,
    Award,
    BankAccount,
    Evidence,
    Milestone,
    Phase,
    Report,
    Signature,
    Tranche,
)
from lodestar.grants.payments import committed_total, do_raise_orders
from lodestar.organisations.models import Organisation, is_member

ACTION_LABELS["grants:evidence_added"] = gettext_lazy("Milestone evidence added")
ACTION_LABELS["grants:bank_account"] = gettext_lazy("Bank details changed")

# Phase 1 of the accelerator (shared/FACTS.md): EUR 100,000 a company over six months.
DEFAULT_AMOUNT = Decimal("100000.00")
DEFAULT_MONTHS = 6
MAX_EVIDENCE = 10


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class MilestonePlan:
    title_en: str
    title_fr: str
    deliverables: str
    month: int  # due this many months after the start


# The default plan of a Phase 1 award: three milestones, 40 % on signature, 60 % on the final one.
DEFAULT_PLAN = (
    MilestonePlan(
        "Project plan and test plan",
        "Plan de projet et plan d'essais",
        "Project plan; test plan agreed with a test centre",
        1,
    ),
    MilestonePlan("Prototype tested", "Prototype testé", "Test report from a test centre", 4),
    MilestonePlan("Proof of value", "Preuve de valeur", "Final report; demonstration to end users", 6),
)
SIGNATURE_SHARE = Decimal("40")


def check_make_award(
    application: Application,
    actor: Any,
    *,
    amount: Decimal = DEFAULT_AMOUNT,
    currency: str = "EUR",
    starts_on: dt.date | None = None,
    months: int = DEFAULT_MONTHS,
    plan: Sequence[MilestonePlan] = DEFAULT_PLAN,
    phase_name: tuple[str, str] = ("Phase 1", "Phase 1"),
) -> Award:
    """The director makes an award to a selected application: one phase with the whole budget, the
    milestones of `plan` (by default the accelerator's), tranches of 40 % on signature and the rest on
    the final milestone, a report every six months, and version 1 of the agreement, waiting for the
    company's signature. Other programmes (partner grants) pass their own plan and phase name."""
    if not plan:
        raise ValidationError(_("An award needs at least one milestone."))
    if application.status != application_wf.SELECTED:
        raise ValidationError(_("Only a selected application can receive an award."))
    if Award.objects.filter(application=application).exists():
        raise ValidationError(_("This application already has an award."))
    if amount <= 0:
        raise ValidationError(_("The amount must be positive."))
    starts_on = starts_on or timezone.localdate()
    ends_on = add_months(starts_on, months)
    with transaction.atomic():
        award = Award.objects.create(
            application=application,
            amount=amount,
            currency=currency,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=actor,
        )
        # Checked and audited like any move: the guard refuses anyone but the director.
        transition(award, wf.AWARD_MADE, actor)
        phase = Phase.objects.create(
            award=award,
            number=1,
            name_en=phase_name[0],
            name_fr=phase_name[1],
            budget=amount,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        # Made together (one INSERT each kind): the rows the pages' one-by-one creation would make.
        milestones = Milestone.objects.bulk_create(
            Milestone(
                award=award,
                phase=phase,
                number=i,
                title_en=step.title_en,
                title_fr=step.title_fr,
                deliverables=step.deliverables,
                due_on=add_months(starts_on, min(step.month, months)),
                is_final=i == len(plan),
            )
            for i, step in enumerate(plan, start=1)
        )
        Tranche.objects.bulk_create(
            [
                Tranche(award=award, number=1, percent=SIGNATURE_SHARE, trigger=Tranche.Trigger.SIGNATURE),
                Tranche(
                    award=award,
                    number=2,
                    percent=100 - SIGNATURE_SHARE,
                    trigger=Tranche.Trigger.MILESTONE,
                    milestone=milestones[-1],
                ),
            ]
        )
        Report.objects.bulk_create(
            Report(award=award, number=n, due_on=add_months(starts_on, 6 * n))
            for n in range(1, max(1, months // 6) + 1)
        )
        do_generate_agreement(award, actor)
    return award


def do_generate_agreement(award: Award, actor: Any, note: str = "") -> Agreement:
    """A new version of the agreement from the award as it stands; earlier unsigned versions are
    superseded at once (a signed one stays in force until its successor is signed). Never overwrites."""
    with transaction.atomic():
        Award.objects.select_for_update().filter(pk=award.pk).get()
        last = award.agreements.order_by("-version").first()
        version = last.version + 1 if last else 1
        for older in award.agreements.filter(status__in=wf.AGREEMENT_UNSIGNED):
            transition(
                older,
                wf.AGREEMENT_SUPERSEDED,
                actor,
                note=_("Version %(n)d replaces it.") % {"n": version},
                system=True,
            )
        data = agreement_pdf(award, version, note)
        agreement = Agreement(award=award, version=version, note=note, sha256=sha256(data), created_by=actor)
        agreement.document.save(f"agreement-{award.pk}-v{version}.pdf", ContentFile(data), save=False)
        agreement.save()
    return agreement


def check_amend_agreement(
    award: Award, actor: Any, note: str, *, amount: Decimal | None = None, ends_on: dt.date | None = None
) -> Agreement:
    """The director amends an award: a new agreement version, to be signed again by both parties."""
    if not wf.is_director(actor, award):
        raise PermissionDenied(_("Only the programme director may amend an agreement."))
    if award.status not in wf.AWARD_RUNNING:
        raise ValidationError(_("Only a running award can be amended."))
    if not note.strip():
        raise ValidationError(_("Say what the amendment changes."))
    with transaction.atomic():
        award = Award.objects.select_for_update().get(pk=award.pk)
        if amount is not None:
            if amount < committed_total(award):
                raise ValidationError(_("The amount cannot fall below what is already approved."))
            award.amount = amount
        if ends_on is not None:
            if ends_on <= award.starts_on:
                raise ValidationError(_("The end must come after the start."))
            award.ends_on = ends_on
        award.save(update_fields=["amount", "ends_on"])
        return do_generate_agreement(award, actor, note.strip())


def check_sign_agreement(
    agreement: Agreement, actor: Any, *, seen_sha256: str = "", upload: Any = None
) -> Signature:
    """Sign the agreement for the party the actor stands for: the company's member first, then the
    director. The signature records the signer, the time and the SHA-256 of the generated document;
    `seen_sha256` (what the signer's page showed) must match it, so nobody signs a version they did
    not see. The company may upload its counter-signed PDF instead of signing on the page."""
    award = agreement.award
    if seen_sha256 and seen_sha256 != agreement.sha256:
        raise ValidationError(_("This agreement has changed since you opened it; read it again."))
    party = Signature.Party.COMPANY if agreement.status == wf.AGREEMENT_DRAFT else Signature.Party.DIRECTOR
    target = wf.AGREEMENT_COMPANY_SIGNED if party == Signature.Party.COMPANY else wf.AGREEMENT_SIGNED
    with transaction.atomic():
        signature = Signature(
            agreement=agreement, party=party, signer=actor, document_sha256=agreement.sha256
        )
        if upload is not None:
            if party != Signature.Party.COMPANY:
                raise ValidationError(_("Only the company uploads a counter-signed copy."))
            signature.upload_sha256 = check_pdf(upload)
        transition(agreement, target, actor, note=agreement.sha256)
        if upload is not None:
            signature.upload.save(f"agreement-{award.pk}-v{agreement.version}-signed.pdf", upload, save=False)
        signature.save()
        if target == wf.AGREEMENT_SIGNED:
            _in_force(agreement, actor)
    return signature


def _in_force(agreement: Agreement, actor: Any) -> None:
    award = agreement.award
    for older in award.agreements.filter(status=wf.AGREEMENT_SIGNED, version__lt=agreement.version):
        transition(
            older,
            wf.AGREEMENT_SUPERSEDED,
            actor,
            note=_("Replaced by version %(n)d.") % {"n": agreement.version},
            system=True,
        )
    award.refresh_from_db()
    if award.status == wf.AWARD_MADE:
        transition(award, wf.AWARD_ACTIVE, actor, system=True)
    do_raise_orders(award, award.tranches.filter(trigger=Tranche.Trigger.SIGNATURE), actor)


def _require_company(award: Award, actor: Any) -> None:
    if not award.is_member(actor):
        raise PermissionDenied(_("Only the company's members may do this."))


def check_add_evidence(milestone: Milestone, actor: Any, upload: Any) -> Evidence:
    _require_company(milestone.award, actor)
    if milestone.status not in wf.SUBMITTABLE:
        raise ValidationError(_("Evidence can be added only before the milestone is submitted."))
    if milestone.evidence.count() >= MAX_EVIDENCE:
        raise ValidationError(_("A milestone may have at most %(n)s files.") % {"n": MAX_EVIDENCE})
    digest = check_pdf(upload)
    evidence = Evidence(
        milestone=milestone,
        original_name=upload.name[-200:],
        size=upload.size,
        sha256=digest,
        uploaded_by=actor,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    record(milestone, action="grants:evidence_added", actor=actor, note=evidence.original_name)
    return evidence


def check_submit_milestone(milestone: Milestone, actor: Any) -> Milestone:
    # Read from the database, not from a cached award: the signature may have moved it a moment ago.
    if not Award.objects.filter(pk=milestone.award_id, status=wf.AWARD_ACTIVE).exists():
        raise ValidationError(_("Milestones are submitted once the agreement is signed."))
    if not milestone.evidence.exists():
        raise ValidationError(_("Add at least one file of evidence first."))
    milestone.submitted_at = timezone.now()
    transition(milestone, wf.SUBMITTED, actor, also_save=["submitted_at"])
    return milestone


def _check_audience(audience: str) -> None:
    if audience not in Audience.values:
        raise ValidationError(_("Choose who reads the note."))


def check_decide_milestone(
    milestone: Milestone, actor: Any, *, accept: bool, note: str = "", audience: str = Audience.INTERNAL
) -> Milestone:
    """Staff accept a submitted milestone, or return it with a note saying what to change. Accepting
    raises the payment orders of its tranches; accepting the final one completes the award. The note
    is internal unless `audience` shares it with the company."""
    if not accept and not note.strip():
        raise ValidationError(_("Say what the company should change."))
    _check_audience(audience)
    with transaction.atomic():
        milestone.decided_by = actor
        milestone.decided_at = timezone.now()
        milestone.decision_note = note.strip()
        transition(
            milestone,
            wf.ACCEPTED if accept else wf.RETURNED,
            actor,
            note=note.strip(),
            also_save=["decided_by", "decided_at", "decision_note"],
            audience=audience,
        )
        if accept:
            award = Award.objects.get(pk=milestone.award_id)
            do_raise_orders(award, milestone.tranches.all(), actor)
            if milestone.is_final and award.status == wf.AWARD_ACTIVE:
                transition(award, wf.AWARD_COMPLETED, actor, system=True)
    return milestone


def check_submit_report(report: Report, actor: Any, text: str) -> Report:
    if not text.strip():
        raise ValidationError(_("The report is empty."))
    report.text = text.strip()
    report.submitted_at = timezone.now()
    transition(report, wf.SUBMITTED, actor, also_save=["text", "submitted_at"])
    return report


def check_decide_report(
    report: Report, actor: Any, *, accept: bool, note: str = "", audience: str = Audience.INTERNAL
) -> Report:
    """Staff accept a report or return it; the note is internal unless `audience` shares it."""
    if not accept and not note.strip():
        raise ValidationError(_("Say what the company should change."))
    _check_audience(audience)
    report.decision_note = note.strip()
    transition(
        report,
        wf.ACCEPTED if accept else wf.RETURNED,
        actor,
        note=note.strip(),
        also_save=["decision_note"],
        audience=audience,
    )
    return report


def check_save_bank_account(
    organisation: Organisation, actor: Any, *, holder: str, iban: str, bic: str
) -> BankAccount:
    """A member of the organisation enters its bank details (finance reads them, never types them:
    a payment goes where the company said); IBAN and BIC are checked."""
    if not is_member(organisation.pk, actor):
        raise PermissionDenied(_("Only the organisation's members may change its bank details."))
    if not holder.strip():
        raise ValidationError({"holder": _("Name the account holder.")})
    account = BankAccount.objects.filter(organisation=organisation).first() or BankAccount(
        organisation=organisation
    )
    account.holder, account.iban, account.bic, account.updated_by = holder.strip(), iban, bic, actor
    account.full_clean(exclude=["organisation", "updated_by"])
    account.save()
    record(organisation, action="grants:bank_account", actor=actor, note=account.iban[-4:])
    return account


def check_terminate_award(award: Award, actor: Any, note: str) -> Award:
    """The director ends a running award early, saying why. Orders still waiting for finance are
    cancelled with it; what was approved or paid stays as it was."""
    if not note.strip():
        raise ValidationError(_("Say why the award is terminated."))
    with transaction.atomic():
        transition(award, wf.AWARD_TERMINATED, actor, note=note.strip())
        for order in award.payments.filter(status=wf.REQUESTED):
            transition(order, wf.CANCELLED, actor, note=note.strip(), system=True)
    return award
