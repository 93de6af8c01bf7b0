"""Helpers of the partner-grants tests: a valid proposal's data, a committee seat, and taking a
proposal through its stages (fixtures in tests/partnerships_fixtures.py)."""

from __future__ import annotations

from decimal import Decimal

from lodestar.accounts.actions import do_grant_roles
from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as app_wf
from lodestar.applications.models import Application
from lodestar.core.roles import Role, Scope, ScopeKind
from lodestar.partnerships import actions, committee
from lodestar.partnerships.actions import CoDirectorData, EndUserData, ProposalData
from lodestar.reviews.models import Assignment, Review
from tests.conftest import make_user

FULL_TEXT = (
    "Objectives: shared detection of intrusions in the industrial control systems of ports, built by the "
    "two laboratories with the French and Japanese cyber commands as end users. Work plan: year one data "
    "sets and threat models; year two detection models tested on a port testbed; year three transfer. "
)


def project_data(**overrides) -> ProposalData:
    fields = {
        "title": "Federated intrusion detection for port control systems",
        "summary": "Two laboratories detect intrusions in port control systems together.",
        "outline": "Ports of both nations run the same industrial control systems; we share detection.",
        "requested_amount": Decimal("250000.00"),
        "months": 36,
        "member": CoDirectorData(
            "Ulrich Moreau",
            "ulrich@univ-lille.example",
            "FR",
            "FR",
            "Université de Lille",
            "university",
            "FR",
        ),
        "partner": CoDirectorData(
            "Haruka Sato", "sato@keio.example", "JP", "JP", "Keio University", "university", "JP"
        ),
        "end_users": (EndUserData("Commandement de la cyberdéfense", "FR"),),
    }
    return ProposalData(**(fields | overrides))


def seat(email: str, nation: str, name: str):
    user = make_user(email, name=name)
    do_grant_roles(user, Role.COMMITTEE_MEMBER, scope=Scope(ScopeKind.NATION, nation))
    return user


def take_to_full(proposal, ulrich, stella):
    """Short proposal sent and invited, full proposal written and sent."""
    actions.check_submit_proposal(proposal, ulrich)
    actions.check_screen_proposal(proposal, stella, "invite")
    actions.check_update_proposal(proposal, ulrich, project_data(description=FULL_TEXT))
    actions.check_submit_proposal(proposal, ulrich)
    return proposal


def take_to_committee(proposal, ulrich, stella, reviewer):
    """... screened eligible, reviewed by the expert it was assigned to, before the committee."""
    take_to_full(proposal, ulrich, stella)
    application = proposal.application
    application.refresh_from_db()
    app_actions.check_screen(application, stella, "eligible", "Partner rules met; checked by hand.")
    Application.objects.filter(pk=application.pk).update(status=app_wf.UNDER_REVIEW)
    assignment = Assignment.objects.create(
        application=application, expert=reviewer.expert, status=Assignment.Status.ACTIVE
    )
    Review.objects.create(assignment=assignment, status=Review.Status.SUBMITTED, recommendation="yes")
    committee.check_put_before_committee(proposal, stella)
    proposal.refresh_from_db()
    return proposal


def partner_world(alice, stella, dora, cora, reviewer):
    """For the permission matrix: Alice also belongs to Université de Lille, whose proposal to a
    partner call (in a programme of its own) is before the committee; Cora sits for France on it;
    Erin reviewed it."""
    from datetime import timedelta

    from django.utils import timezone

    from lodestar.partnerships.mechanisms import Topic, do_create_partner_call
    from lodestar.partnerships.models import PartnerNation
    from lodestar.programmes.models import Programme
    from tests.conftest import make_organisation

    now = timezone.now()
    japan = PartnerNation.objects.create(code="JP")
    programme = Programme.objects.create(slug="science", name_en="Science", name_fr="Science")
    pc = do_create_partner_call(
        stella,
        programme,
        slug="cyber-japan",
        titles=("Cyber defence with Japan", "Cyberdéfense avec le Japon"),
        descriptions=("", ""),
        opens_at=now - timedelta(days=10),
        short_closes_at=now + timedelta(days=20),
        closes_at=now + timedelta(days=60),
        partners=[japan],
        topics=[Topic("cyber", "Cyber defence", "Cyberdéfense", "Networks.", "Réseaux.")],
        quorum=2,
    )
    lille = make_organisation(alice, "Université de Lille", nation="FR", kind="university")
    proposal = actions.check_create_proposal(
        alice,
        pc,
        lille,
        pc.call.challenges.get(),
        pc.mechanisms.get(code="multi-year-project"),
        project_data(),
    )
    do_grant_roles(cora, Role.COMMITTEE_MEMBER, scope=Scope(ScopeKind.NATION, "FR"))
    take_to_committee(proposal, alice, stella, reviewer)
    return {"call": pc, "proposal": proposal}
