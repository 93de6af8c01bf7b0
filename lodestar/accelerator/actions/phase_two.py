"""Phase 2: a call of the cohort's programme open to the cohort's companies only, with its own
criteria (end-user relevance and investment readiness beside the Phase 1 ones). It is a call like
any other: screened, reviewed, ranked and selected by the existing stages, never a copy of them.
Once its selection is confirmed, the director applies it: each chosen company moves to Phase 2 and
its award gains a Phase 2 with its budget, through an amendment of the agreement (signed again).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.models import Cohort, CohortCompany
from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.grants.actions import add_months, check_amend_agreement
from lodestar.grants.models import Award, Phase
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Call, Challenge, EligibilityRule
from lodestar.reviews.actions.rubric import Criterion, check_update_review_rules
from lodestar.reviews.models.rules import DEFAULT_CRITERIA
from lodestar.selection.models import Selection

ACTION_LABELS["cohort:phase_two_opened"] = gettext_lazy("Phase 2 call opened")
ACTION_LABELS["cohort:phase_two_applied"] = gettext_lazy("Phase 2 selection applied")

# Up to EUR 300,000 more for a subset of the cohort (shared/FACTS.md), over six more months.
PHASE_TWO_MAX = Decimal(300_000)
PHASE_TWO_MONTHS = 6
PHASE_TWO_CRITERIA = (
    *(Criterion(c["code"], c["en"], c["fr"], c["weight"]) for c in DEFAULT_CRITERIA),
    Criterion("end_user_relevance", "End-user relevance", "Pertinence pour les utilisateurs finaux", 1.0),
    Criterion("investment_readiness", "Investment readiness", "Maturité pour l'investissement", 1.0),
)


def check_open_phase_two(
    cohort: Cohort, actor: Any, *, opens_at: datetime, closes_at: datetime, max_grant: Decimal = PHASE_TWO_MAX
) -> Call:
    """The programme team opens the cohort's Phase 2 call: the cohort's challenges, its companies
    invited (an "invited" eligibility rule refuses everyone else) and the Phase 2 rubric."""
    if not may_act(actor, PROGRAMME_TEAM, cohort.call):
        raise PermissionDenied(_("Only the programme's team opens a Phase 2 call."))
    if closes_at <= opens_at:
        raise ValidationError(_("The call must close after it opens."))
    if not Decimal(0) < max_grant <= Decimal(10_000_000):
        raise ValidationError(_("Give a maximum grant above zero."))
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().select_related("call__programme").get(pk=cohort.pk)
        if cohort.status != wf.CohortStatus.RUNNING:
            raise ValidationError(_("This cohort is not running."))
        if cohort.phase_two_call_id:
            raise ValidationError(_("This cohort has its Phase 2 call already."))
        first = cohort.call
        call = do_create_call(
            actor,
            programme=first.programme,
            slug=f"{first.slug}-phase-2"[:50],
            title_en=f"Phase 2 · {cohort.name_en}"[:200],
            title_fr=f"Phase 2 · {cohort.name_fr}"[:200],
            description_en="Open to the companies of the cohort only: up to the maximum grant more for "
            "those whose Phase 1 shows end-user relevance and investment readiness.",
            description_fr="Réservé aux entreprises de la cohorte : jusqu'à la subvention maximale en plus "
            "pour celles dont la phase 1 montre une pertinence pour les utilisateurs finaux et une "
            "maturité pour l'investissement.",
            opens_at=opens_at,
            closes_at=closes_at,
            max_grant=max_grant,
            eligible_nations=first.eligible_nations,
            eligible_org_types=first.eligible_org_types,
        )
        challenges = Challenge.objects.filter(applications__cohort_place__cohort=cohort).distinct()
        for position, challenge in enumerate(challenges.order_by("position"), start=1):
            Challenge.objects.create(
                call=call,
                slug=challenge.slug,
                position=position,
                title_en=challenge.title_en,
                title_fr=challenge.title_fr,
                summary_en=challenge.summary_en,
                summary_fr=challenge.summary_fr,
                description_en=challenge.description_en,
                description_fr=challenge.description_fr,
            )
        call.invited_organisations.set(cohort.companies.values_list("organisation_id", flat=True))
        EligibilityRule.objects.create(
            call=call,
            code=EligibilityRule.Code.INVITED,
            when_failed=EligibilityRule.Outcome.REFUSE,
            message_en="Phase 2 is open to the companies of the cohort only.",
            message_fr="La phase 2 est réservée aux entreprises de la cohorte.",
            position=0,
        )
        check_update_review_rules(call, actor, {}, criteria=list(PHASE_TWO_CRITERIA))
        Cohort.objects.filter(pk=cohort.pk).update(phase_two_call=call)
        record(cohort, action="cohort:phase_two_opened", actor=actor, note=call.slug)
    return call


def check_apply_phase_two(cohort: Cohort, actor: Any) -> int:
    """The director applies the confirmed Phase 2 selection: each selected company of the cohort
    moves to Phase 2, and its award gains a Phase 2 with the amount it asked for (at most the
    call's maximum) through an amendment, to be signed again. Returns how many moved."""
    cohort = Cohort.objects.select_related("phase_two_call").get(pk=cohort.pk)
    call = cohort.phase_two_call
    if call is None:
        raise ValidationError(_("This cohort has no Phase 2 call."))
    if not may_act(actor, DIRECTORS, call):
        raise PermissionDenied(_("Only the programme director applies the Phase 2 selection."))
    if not Selection.objects.filter(call=call, status=Selection.Status.CONFIRMED).exists():
        raise ValidationError(_("The Phase 2 selection is not confirmed yet."))
    chosen = Application.objects.filter(challenge__call=call, status=app_wf.SELECTED).select_related(
        "organisation"
    )
    moved = 0
    with transaction.atomic():
        for application in chosen:
            place = (
                CohortCompany.objects.select_for_update()
                .filter(cohort=cohort, organisation=application.organisation)
                .first()
            )
            if place is None or place.phase == CohortCompany.Phase.TWO:
                continue
            award = Award.objects.filter(application=place.application).first()
            if award is not None:
                amount = min(application.requested_amount or call.max_grant, call.max_grant)
                starts_on = max(award.ends_on, cohort.ends_on)
                ends_on = add_months(starts_on, PHASE_TWO_MONTHS)
                Phase.objects.create(
                    award=award,
                    number=award.phases.count() + 1,
                    name_en="Phase 2",
                    name_fr="Phase 2",
                    budget=amount,
                    starts_on=starts_on,
                    ends_on=ends_on,
                )
                check_amend_agreement(
                    award,
                    actor,
                    _("Phase 2 added: %(amount)s more, until %(date)s.")
                    % {"amount": f"{amount:,.2f} {award.currency}", "date": ends_on.isoformat()},
                    amount=award.amount + amount,
                    ends_on=ends_on,
                )
            CohortCompany.objects.filter(pk=place.pk).update(phase=CohortCompany.Phase.TWO)
            moved += 1
        record(cohort, action="cohort:phase_two_applied", actor=actor, note=str(moved))
    return moved


__all__ = ["PHASE_TWO_CRITERIA", "check_apply_phase_two", "check_open_phase_two"]
