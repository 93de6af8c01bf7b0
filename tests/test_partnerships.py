"""Partner science grants: the rules as data, the two stages, screening, the committee of nations and
the grant that follows (people in tests/partnerships_fixtures.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lodestar.applications import workflow as app_wf
from lodestar.grants import actions as grant_actions
from lodestar.grants import workflow as grant_wf
from lodestar.partnerships import actions, committee
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.eligibility import evaluate
from lodestar.partnerships.models import NationVote, PartnerRule, Proposal
from tests.partnerships_helpers import FULL_TEXT, project_data, take_to_committee, take_to_full
from tests.pdfs import MINIMAL_PDF

pytest_plugins = ["tests.partnerships_fixtures"]


def failed(proposal) -> set[str]:
    return {o.code for o in evaluate(proposal).outcomes if not o.met}


def test_a_proposal_with_one_co_director_of_each_side_and_an_end_user_is_eligible(project):
    assert failed(project) == set()


def test_a_partner_co_director_living_outside_the_partner_nation_is_refused_with_the_rules_message(
    project, ulrich
):
    data = project_data()
    partner = replace(data.partner, residence="US")
    actions.check_update_proposal(project, ulrich, replace(data, partner=partner))
    report = evaluate(project)
    (outcome,) = [o for o in report.outcomes if not o.met]
    assert outcome.code == PartnerRule.Code.PARTNER_CO_DIRECTOR
    assert outcome.detail["failed"] == ["residence"]
    assert "partenaire" in outcome.message_fr


def test_a_member_co_director_employed_in_another_member_nation_is_refused(project, ulrich):
    data = project_data()
    actions.check_update_proposal(
        project, ulrich, replace(data, member=replace(data.member, employer_nation="DE"))
    )
    assert failed(project) == {PartnerRule.Code.MEMBER_CO_DIRECTOR}


def test_companies_no_end_user_and_amounts_outside_the_mechanism_are_each_refused(project, ulrich):
    data = project_data()
    actions.check_update_proposal(
        project,
        ulrich,
        replace(
            data,
            partner=replace(data.partner, employer_kind="large"),
            end_users=(),
            requested_amount=Decimal("500000"),
            months=12,
        ),
    )
    assert failed(project) == {
        PartnerRule.Code.BODY,
        PartnerRule.Code.END_USER,
        PartnerRule.Code.AMOUNT,
        PartnerRule.Code.DURATION,
    }


def test_a_rule_removed_from_the_call_is_no_longer_checked(project, ulrich, partner_call):
    data = project_data()
    actions.check_update_proposal(project, ulrich, replace(data, end_users=()))
    partner_call.rules.filter(code=PartnerRule.Code.END_USER).delete()
    assert failed(project) == set()


def test_only_members_of_the_proposing_body_edit_or_send_it(project, ivo):
    with pytest.raises(PermissionDenied):
        actions.check_submit_proposal(project, ivo)
    with pytest.raises(PermissionDenied):
        actions.check_update_proposal(project, ivo, project_data())


def test_a_project_goes_in_two_stages(project, ulrich, stella):
    actions.check_submit_proposal(project, ulrich)
    assert project.status == wf.SHORT_SUBMITTED
    assert project.application.status == app_wf.DRAFT  # the full proposal is not sent yet
    with pytest.raises(ValidationError):
        actions.check_update_proposal(project, ulrich, project_data())
    actions.check_screen_proposal(project, stella, "invite")
    assert project.status == wf.INVITED
    actions.check_update_proposal(project, ulrich, project_data(description=FULL_TEXT))
    actions.check_submit_proposal(project, ulrich)
    project.refresh_from_db()
    assert project.status == wf.FULL_SUBMITTED
    project.application.refresh_from_db()
    assert project.application.status == app_wf.SUBMITTED
    codes = {o["code"] for o in project.application.eligibility_report}
    assert PartnerRule.Code.PARTNER_CO_DIRECTOR in codes  # the screening page shows the partner rules


def test_a_full_proposal_without_its_text_is_refused_and_kept_as_it_was(project, ulrich, stella):
    actions.check_submit_proposal(project, ulrich)
    actions.check_screen_proposal(project, stella, "invite")
    with pytest.raises(ValidationError):
        actions.check_submit_proposal(project, ulrich)
    project.refresh_from_db()
    assert project.status == wf.INVITED


def test_a_workshop_goes_in_one_stage(ulrich, lille, partner_call, mechanisms):
    data = project_data(
        title="Workshop on threat intelligence sharing",
        requested_amount=Decimal("35000"),
        months=None,
        days=3,
        description=FULL_TEXT,
    )
    proposal = actions.check_create_proposal(
        ulrich,
        partner_call,
        lille,
        partner_call.call.challenges.get(),
        mechanisms["advanced-research-workshop"],
        data,
    )
    assert proposal.full_stage
    actions.check_submit_proposal(proposal, ulrich)
    assert proposal.status == wf.FULL_SUBMITTED


def test_screening_out_needs_a_note_for_the_co_directors(project, ulrich, stella, ivo):
    actions.check_submit_proposal(project, ulrich)
    with pytest.raises(ValidationError):
        actions.check_screen_proposal(project, stella, "not_invited")
    with pytest.raises(PermissionDenied):
        actions.check_screen_proposal(project, ivo, "invite")
    actions.check_screen_proposal(project, stella, "not_invited", "Outside the call's priorities.")
    assert project.status == wf.NOT_INVITED
    assert project.screening_note == "Outside the call's priorities."


def test_inviting_a_proposal_the_rules_refuse_needs_a_note(project, ulrich, stella):
    data = project_data()
    actions.check_update_proposal(project, ulrich, replace(data, end_users=()))
    actions.check_submit_proposal(project, ulrich)
    with pytest.raises(ValidationError):
        actions.check_screen_proposal(project, stella, "invite")
    actions.check_screen_proposal(project, stella, "invite", "End user confirmed by letter; add it.")
    assert project.status == wf.INVITED


def test_a_committee_member_votes_only_for_the_nation_they_sit_for(
    project, ulrich, stella, reviewer, camille, greta
):
    take_to_committee(project, ulrich, stella, reviewer)
    with pytest.raises(PermissionDenied):
        committee.check_vote(project, camille, "DE", NationVote.Choice.FOR)
    with pytest.raises(PermissionDenied):
        committee.check_vote(project, stella, "FR", NationVote.Choice.FOR)
    committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)
    assert committee.nations_for(project, camille) == []
    assert committee.nations_for(project, greta) == ["DE"]


def test_one_vote_per_nation_even_with_two_members_sitting_for_it(
    project, ulrich, stella, reviewer, greta, gerd
):
    take_to_committee(project, ulrich, stella, reviewer)
    committee.check_vote(project, greta, "DE", NationVote.Choice.AGAINST)
    with pytest.raises(ValidationError):
        committee.check_vote(project, gerd, "DE", NationVote.Choice.FOR)
    assert list(project.votes.values_list("nation", "choice")) == [("DE", "against")]


def test_nobody_votes_before_the_proposal_reaches_the_committee(project, ulrich, stella, camille):
    take_to_full(project, ulrich, stella)
    with pytest.raises(ValidationError):
        committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)


def test_no_committee_before_a_review_is_submitted(project, ulrich, stella):
    take_to_full(project, ulrich, stella)
    with pytest.raises(ValidationError):
        committee.check_put_before_committee(project, stella)


def test_the_decision_waits_for_the_quorum_then_records_the_minutes_and_selects(
    project, ulrich, stella, reviewer, dora, camille, greta, hugo
):
    take_to_committee(project, ulrich, stella, reviewer)
    committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)
    with pytest.raises(ValidationError, match="quorum"):
        committee.check_decide(project, dora)
    with pytest.raises(PermissionDenied):
        committee.check_decide(project, stella)  # staff put it to the committee; the director records
    committee.check_vote(project, greta, "DE", NationVote.Choice.FOR)
    committee.check_vote(project, hugo, "HU", NationVote.Choice.AGAINST)
    decided = committee.check_decide(project, dora)
    assert decided.status == wf.APPROVED
    assert "For 2, against 1" in decided.minutes and "Hungary: Against" in decided.minutes
    decided.application.refresh_from_db()
    assert decided.application.status == app_wf.SELECTED


def test_a_tie_is_not_approved_and_the_application_is_not_selected(
    project, ulrich, stella, reviewer, dora, camille, greta
):
    take_to_committee(project, ulrich, stella, reviewer)
    committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)
    committee.check_vote(project, greta, "DE", NationVote.Choice.AGAINST)
    decided = committee.check_decide(project, dora)
    assert decided.status == wf.REJECTED
    decided.application.refresh_from_db()
    assert decided.application.status == app_wf.REJECTED
    with pytest.raises(ValidationError):
        committee.check_make_grant(decided, dora)


def test_an_approved_project_runs_through_the_grants_app_to_a_signed_agreement(
    project, ulrich, stella, reviewer, dora, camille, greta
):
    take_to_committee(project, ulrich, stella, reviewer)
    committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)
    committee.check_vote(project, greta, "DE", NationVote.Choice.FOR)
    committee.check_decide(project, dora)
    project.refresh_from_db()
    award = committee.check_make_grant(project, dora)
    assert award.amount == Decimal("250000.00")
    assert (award.ends_on.year - award.starts_on.year) == 3
    assert award.reports.count() == 6  # every six months over 36 months
    assert award.milestones.last().title_en == "Final results and transfer"
    assert award.phases.get().name_en == "Multi-year project"
    agreement = award.current_agreement()
    grant_actions.check_sign_agreement(agreement, ulrich, upload=SimpleUploadedFile("s.pdf", MINIMAL_PDF))
    agreement.refresh_from_db()
    grant_actions.check_sign_agreement(agreement, dora)
    award.refresh_from_db()
    assert award.status == grant_wf.AWARD_ACTIVE
    assert award.payments.count() == 1  # the tranche due on signature


def test_withdrawing_a_sent_full_proposal_withdraws_its_application(project, ulrich, stella):
    take_to_full(project, ulrich, stella)
    actions.check_withdraw_proposal(project, ulrich, "Our partner laboratory closed.")
    project.application.refresh_from_db()
    assert project.status == wf.WITHDRAWN
    assert project.application.status == app_wf.WITHDRAWN


def test_the_application_of_a_proposal_is_edited_and_sent_from_the_proposal_only(project, ulrich, stella):
    from lodestar.applications.actions import check_submit, check_update_draft
    from lodestar.applications.bulk import check_submit_many

    with pytest.raises(ValidationError, match="proposal's page"):
        check_submit(project.application, ulrich)  # the applications page, before any invitation
    with pytest.raises(ValidationError, match="proposal's page"):  # nor in bulk (the simulation's)
        check_submit_many([(project.application, ulrich)])
    actions.check_submit_proposal(project, ulrich)
    with pytest.raises(ValidationError, match="proposal's page"):  # the short proposal is with staff
        check_update_draft(project.application, ulrich, {"title": "Changed behind the proposal's back"})
    project.refresh_from_db()
    project.application.refresh_from_db()
    assert project.application.title == "Federated intrusion detection for port control systems"
    Proposal.objects.filter(pk=project.pk).update(status=wf.DRAFT)
    project.refresh_from_db()
    take_to_full(project, ulrich, stella)  # through the proposal, at the full stage: sent
    project.application.refresh_from_db()
    assert project.application.status == app_wf.SUBMITTED


def test_the_co_directors_receive_a_letter_in_their_language_when_invited(
    project, ulrich, stella, mailoutbox, django_capture_on_commit_callbacks
):
    ulrich.language = "fr"
    ulrich.save(update_fields=["language"])
    actions.check_submit_proposal(project, ulrich)
    with django_capture_on_commit_callbacks(execute=True):
        actions.check_screen_proposal(project, stella, "invite", "Merci de préciser le rôle du COMCYBER.")
    (letter,) = [m for m in mailoutbox if "P-" in m.subject]
    assert letter.to == [ulrich.email]
    assert "Invitée à envoyer une proposition complète" in letter.subject
    assert "Merci de préciser le rôle du COMCYBER." in letter.body
