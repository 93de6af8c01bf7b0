"""Partner proposals: starting one (with its application, co-directors and end users), editing it,
submitting the short and the full proposal, staff screening and invitation, and withdrawal. The
committee of nations and the grant are in committee.py; a funded workshop's event in events.py.
Actions never see the request; every state change goes through transition().
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lodestar.applications import actions as application_actions
from lodestar.applications import workflow as application_wf
from lodestar.applications.actions import TeamMemberData
from lodestar.applications.models import Application
from lodestar.core.mail import send_letter
from lodestar.core.permissions import may_act
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.workflow import record, transition
from lodestar.organisations.models import Organisation, is_member
from lodestar.partnerships import eligibility
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import (
    CoDirector,
    EndUser,
    Mechanism,
    PartnerCall,
    PartnerRule,
    Proposal,
)
from lodestar.partnerships.sending import from_proposal
from lodestar.programmes.eligibility import Verdict
from lodestar.programmes.models import Challenge

# The technology readiness a research proposal states by default: applied research (TRL 3).
RESEARCH_TRL = 3
MAX_END_USERS = 5


@dataclass(frozen=True)
class CoDirectorData:
    full_name: str
    email: str
    nationality: str
    residence: str
    employer: str
    employer_kind: str
    employer_nation: str


@dataclass(frozen=True)
class EndUserData:
    organisation: str
    nation: str
    contact: str = ""


@dataclass(frozen=True)
class ProposalData:
    """What the co-directors write. `description` is the full proposal (read at the full stage)."""

    title: str
    summary: str
    outline: str
    requested_amount: Decimal | None
    member: CoDirectorData
    partner: CoDirectorData
    end_users: tuple[EndUserData, ...] = ()
    description: str = ""
    months: int | None = None
    days: int | None = None
    starts_on: date | None = None
    venue: str = ""
    trl: int = RESEARCH_TRL
    areas: tuple[Any, ...] = field(default_factory=tuple)


def do_setup_partner_call(
    partner_call: PartnerCall, partner_nations: Iterable[Any], mechanisms: Iterable[Mechanism], actor: Any
) -> PartnerCall:
    """Give a new partner call its nations, mechanisms and the default rules (each may be reworded)."""
    with transaction.atomic():
        partner_call.partner_nations.set(list(partner_nations))
        partner_call.mechanisms.set(list(mechanisms))
        PartnerRule.objects.bulk_create(
            PartnerRule(partner_call=partner_call, code=code, message_en=en, message_fr=fr, position=i)
            for i, (code, en, fr) in enumerate(eligibility.DEFAULT_RULES, start=1)
        )
        # The call's own rule on organisation types is the partner call's list of eligible bodies.
        call = partner_call.call
        call.eligible_org_types = list(partner_call.eligible_body_kinds)
        call.save(update_fields=["eligible_org_types"])
        record(call, action="partner_proposal:call_setup", actor=actor)
    return partner_call


def _team(data: ProposalData) -> list[TeamMemberData]:
    return [
        TeamMemberData(name=c.full_name, role=str(role), nation=c.nationality, expertise=c.employer)
        for c, role in (
            (data.member, _("Co-director (member nation)")),
            (data.partner, _("Co-director (partner nation)")),
        )
    ]


def _application_fields(data: ProposalData) -> dict[str, Any]:
    return {
        "title": data.title.strip(),
        "summary": data.summary.strip(),
        "description": data.description.strip(),
        "trl": data.trl,
        "requested_amount": data.requested_amount,
    }


def _check_shape(mechanism: Mechanism, data: ProposalData) -> None:
    """What the form cannot leave out, whatever the rules say: the duration in the mechanism's unit."""
    if len(data.end_users) > MAX_END_USERS:
        raise ValidationError(_("Name at most %(n)d end users.") % {"n": MAX_END_USERS})
    if data.requested_amount is not None and data.requested_amount <= 0:
        raise ValidationError({"requested_amount": _("The requested amount must be greater than zero.")})
    if mechanism.is_project and data.days:
        raise ValidationError({"days": _("A project's duration is given in months.")})
    if not mechanism.is_project and data.months:
        raise ValidationError({"months": _("An event's duration is given in working days.")})


def _save_people(proposal: Proposal, data: ProposalData) -> None:
    proposal.co_directors.all().delete()
    proposal.end_users.all().delete()
    for side, person in ((CoDirector.Side.MEMBER, data.member), (CoDirector.Side.PARTNER, data.partner)):
        CoDirector.objects.create(proposal=proposal, side=side, **person.__dict__)
    EndUser.objects.bulk_create(
        EndUser(proposal=proposal, organisation=u.organisation.strip(), nation=u.nation, contact=u.contact)
        for u in data.end_users
        if u.organisation.strip()
    )


def _set_fields(proposal: Proposal, data: ProposalData) -> None:
    proposal.outline = data.outline.strip()
    proposal.months, proposal.days = data.months, data.days
    proposal.starts_on, proposal.venue = data.starts_on, data.venue.strip()


def check_create_proposal(
    actor: Any,
    partner_call: PartnerCall,
    organisation: Organisation,
    challenge: Challenge,
    mechanism: Mechanism,
    data: ProposalData,
    now: datetime | None = None,
) -> Proposal:
    """Start a proposal of `organisation` (the member co-director's body) to a topic of the call:
    its application draft (the vehicle of the full stage), the proposal, co-directors and end users."""
    if not is_member(organisation.pk, actor):
        raise PermissionDenied(_("Only members of the proposing organisation may do this."))
    if challenge.call_id != partner_call.call_id:
        raise ValidationError({"challenge": _("Choose a topic of this call.")})
    if not partner_call.mechanisms.filter(pk=mechanism.pk).exists():
        raise ValidationError({"mechanism": _("This call does not fund this mechanism.")})
    if mechanism.two_stage and not partner_call.short_is_open(now):
        raise ValidationError(_("Short proposals to this call are closed."))
    _check_shape(mechanism, data)
    with transaction.atomic():
        application = application_actions.check_create_draft(
            actor, organisation, challenge, _application_fields(data), data.areas, _team(data), now
        )
        proposal = Proposal(
            partner_call=partner_call,
            mechanism=mechanism,
            organisation=organisation,
            application=application,
            created_by=actor,
        )
        _set_fields(proposal, data)
        proposal.full_clean(exclude=["application", "partner_call", "mechanism", "organisation"])
        proposal.save()
        _save_people(proposal, data)
        record(proposal, action="partner_proposal:created", actor=actor)
    return proposal


def _require_member(proposal: Proposal, actor: Any) -> None:
    if not proposal.is_member(actor):
        raise PermissionDenied(_("Only members of the proposing organisation may do this."))


def check_update_proposal(proposal: Proposal, actor: Any, data: ProposalData) -> Proposal:
    """Edit a draft, or an invited proposal while its full version is written."""
    _require_member(proposal, actor)
    _check_shape(proposal.mechanism, data)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status not in wf.EDITABLE:
            raise ValidationError(_("This proposal has been sent and can no longer be edited."))
        with from_proposal(proposal.application_id):
            application_actions.check_update_draft(
                proposal.application, actor, _application_fields(data), data.areas or None, _team(data)
            )
        _set_fields(proposal, data)
        proposal.full_clean(exclude=["application", "partner_call", "mechanism", "organisation"])
        proposal.save(update_fields=["outline", "months", "days", "starts_on", "venue"])
        _save_people(proposal, data)
    return proposal


def check_submit_proposal(proposal: Proposal, actor: Any, now: datetime | None = None) -> Proposal:
    """Send the short proposal (two-stage mechanisms, while short proposals are open) or the full one
    (after an invitation, or at once for one-stage mechanisms: it sends the application too, before
    the call's deadline). The eligibility report is saved with it for staff and co-directors."""
    _require_member(proposal, actor)
    now = now or timezone.now()
    full = proposal.full_stage
    if proposal.status not in wf.EDITABLE:
        raise ValidationError(
            _("This proposal cannot be sent: it is “%(status)s”.") % {"status": proposal.status_label}
        )
    missing = [
        label
        for label, value in (
            (_("a title"), proposal.application.title),
            (_("a summary"), proposal.application.summary),
            (_("a short proposal"), proposal.outline),
        )
        if not value.strip()
    ]
    if missing:
        raise ValidationError(_("Before sending, please add: %(missing)s.") % {"missing": ", ".join(missing)})
    report = eligibility.evaluate(proposal)
    with transaction.atomic():
        proposal.eligibility_report = report.as_json()
        if full:
            with from_proposal(proposal.application_id):
                application = application_actions.check_submit(proposal.application, actor, now)
            _merge_report(application, report)
            proposal.full_submitted_at = now
            transition(
                proposal, wf.FULL_SUBMITTED, actor, also_save=["eligibility_report", "full_submitted_at"]
            )
        else:
            if not proposal.partner_call.short_is_open(now):
                raise ValidationError(_("Short proposals to this call are closed; your draft is kept."))
            proposal.short_submitted_at = now
            transition(
                proposal, wf.SHORT_SUBMITTED, actor, also_save=["eligibility_report", "short_submitted_at"]
            )
    return proposal


def _merge_report(application: Application, report: eligibility.Report) -> None:
    """The partner rules join the call's own in the application's report, so the full proposal's
    screening page (applications) shows both, and a failed partner rule makes it not eligible."""
    outcomes = [{**o, "outcome": "pass" if o["met"] else "refuse"} for o in report.as_json()]
    verdict = application.eligibility_verdict
    if not report.eligible:
        verdict = Verdict.INELIGIBLE
    Application.objects.filter(pk=application.pk).update(
        eligibility_verdict=verdict, eligibility_report=[*application.eligibility_report, *outcomes]
    )


class Screening:
    INVITE = "invite"
    NOT_INVITED = "not_invited"
    INELIGIBLE = "ineligible"
    TARGETS = {INVITE: wf.INVITED, NOT_INVITED: wf.NOT_INVITED, INELIGIBLE: wf.INELIGIBLE}


def do_tell_co_directors(proposal: Proposal, note: str = "") -> None:
    """A letter to each member of the proposing body, in their language, once the change commits."""
    members = [m.user for m in proposal.organisation.memberships.select_related("user")]

    def send() -> None:
        for user in members:
            send_letter(user, "partner_proposal_status", {"proposal": proposal, "note": note})

    transaction.on_commit(send)


def check_screen_proposal(proposal: Proposal, actor: Any, decision: str, note: str = "") -> Proposal:
    """Staff screen a short proposal: invite a full proposal, do not invite it, or find it not
    eligible. The co-directors read the note; it is required unless an eligible proposal is invited,
    and inviting one the rules find not eligible needs a note saying why."""
    if not may_act(actor, PROGRAMME_TEAM, proposal):
        raise PermissionDenied(_("Only programme staff may screen proposals."))
    if decision not in Screening.TARGETS:
        raise ValidationError(_("Unknown screening decision."))
    eligible = all(o.get("met") for o in proposal.eligibility_report)
    if not note.strip() and (decision != Screening.INVITE or not eligible):
        raise ValidationError({"note": _("Write a note for the co-directors saying why.")})
    proposal.screening_note = note.strip()
    with transaction.atomic():
        transition(
            proposal, Screening.TARGETS[decision], actor, note=note.strip(), also_save=["screening_note"]
        )
        do_tell_co_directors(proposal, proposal.screening_note)
    return proposal


def check_withdraw_proposal(proposal: Proposal, actor: Any, note: str = "") -> Proposal:
    """The co-directors withdraw; a full proposal already sent is withdrawn from the call with it."""
    _require_member(proposal, actor)
    with transaction.atomic():
        transition(proposal, wf.WITHDRAWN, actor, note=note.strip())
        application = proposal.application
        application.refresh_from_db()
        if application.status in application_wf.WITHDRAWABLE:
            application_actions.check_withdraw(application, actor, note.strip())
    return proposal
