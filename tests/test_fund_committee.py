"""The investment committee: a deal put to a meeting, a conflicted member recused (found or declared)
who cannot vote, the quorum, the decision and its minutes moving the deal on.

Cora, Max and Nils sit on the committee; Nils is a member of the company's own organisation, so he is
found conflicted; Fred is on the fund team; Lena (a partner) and Alice (an applicant) see nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lodestar.core.roles import Role
from lodestar.fund import actions, committee
from lodestar.fund import workflow as wf
from lodestar.fund.models import Deal, Meeting
from lodestar.organisations.models import Membership
from tests.conftest import make_organisation, make_user


@pytest.fixture
def board(fund, fred, alice, cora):
    company = make_organisation(alice, "Quantum Loom BV", "NL")
    deal = actions.check_add_deal(fund, company, fred)
    for to in wf.PIPELINE[1:4]:
        deal = actions.check_move_deal(deal, to, fred)
    max_ = make_user("max@committee.example", Role.COMMITTEE_MEMBER, name="Max Member")
    nils = make_user("nils@committee.example", Role.COMMITTEE_MEMBER, name="Nils Insider")
    Membership.objects.create(organisation=company, user=nils)
    return {"deal": deal, "members": [cora, max_, nils], "max": max_, "nils": nils}


def test_a_deal_goes_through_a_vote_with_a_recused_member_to_the_term_sheet(fund, fred, cora, board):
    deal, max_, nils = board["deal"], board["max"], board["nils"]
    meeting = committee.check_schedule_meeting(deal, date(2026, 3, 2), board["members"], 2, fred)
    seats = {s.member_id: s for s in meeting.seats.all()}
    assert seats[nils.pk].recused and seats[nils.pk].conflict == "member of the company"
    with pytest.raises(PermissionDenied, match="recused"):
        committee.check_vote(meeting, nils, "for")
    committee.check_vote(meeting, cora, "for")
    with pytest.raises(ValidationError, match="quorum is 2 votes; 1 were cast"):
        committee.check_decide(meeting, fred)
    committee.check_vote(meeting, max_, "against")
    committee.check_vote(meeting, max_, "for")  # a vote may change until the decision
    meeting = committee.check_decide(meeting, fred)
    assert meeting.status == wf.MeetingStatus.DECIDED and meeting.decision == Meeting.Decision.APPROVED
    assert "For 2, against 0, abstaining 0; quorum 2." in meeting.minutes
    assert "Nils Insider was recused: member of the company" in meeting.minutes
    assert Deal.objects.get(pk=deal.pk).status == wf.DealStatus.TERM_SHEET
    with pytest.raises(ValidationError, match="decided already"):
        committee.check_vote(meeting, cora, "against")


def test_a_declared_conflict_withdraws_the_vote_and_a_tie_rejects(fund, fred, cora, board):
    meeting = committee.check_schedule_meeting(board["deal"], date(2026, 3, 2), board["members"], 1, fred)
    committee.check_vote(meeting, board["max"], "for")
    committee.check_declare_conflict(meeting, board["max"], "Advised the company in 2024", board["max"])
    committee.check_vote(meeting, cora, "abstain")
    meeting = committee.check_decide(meeting, fred)
    assert meeting.decision == Meeting.Decision.REJECTED
    assert Deal.objects.get(pk=board["deal"].pk).status == wf.DealStatus.PASSED


def test_only_committee_members_sit_and_only_deals_before_the_committee_are_put_to_it(
    fund, fred, lena, board
):
    with pytest.raises(ValidationError, match="does not sit"):
        committee.check_schedule_meeting(board["deal"], date(2026, 3, 2), [lena], 1, fred)
    back = actions.check_move_deal(board["deal"], wf.DealStatus.DUE_DILIGENCE, fred)
    with pytest.raises(ValidationError, match="Only a deal before"):
        committee.check_schedule_meeting(back, date(2026, 3, 2), board["members"], 1, fred)


def test_members_read_and_vote_on_their_meetings_from_the_page_others_see_nothing(
    client, fund, fred, cora, lena, alice, board
):
    client.force_login(fred)
    response = client.post(
        reverse("fund:meeting_schedule", args=[board["deal"].pk]), {"held_on": "2026-03-02", "quorum": "1"}
    )
    meeting = Meeting.objects.get()
    assert response["Location"].endswith(reverse("fund:meeting", args=[meeting.pk]))
    client.force_login(cora)
    assert client.get(reverse("fund:meeting", args=[meeting.pk])).status_code == 200
    client.post(reverse("fund:meeting_vote", args=[meeting.pk]), {"vote": "for"})
    assert client.post(reverse("fund:meeting_decide", args=[meeting.pk])).status_code == 403
    client.force_login(fred)
    client.post(reverse("fund:meeting_decide", args=[meeting.pk]))
    assert Meeting.objects.get().decision == Meeting.Decision.APPROVED
    page = client.get("/fr/" + reverse("fund:meeting", args=[meeting.pk]).split("/", 2)[2]).content.decode()
    assert "Comité d’investissement" in page and "Approuvé" in page
    for person in (lena, alice):
        client.force_login(person)
        assert client.get(reverse("fund:meeting", args=[meeting.pk])).status_code == 403


def test_ties_declared_in_a_members_expert_profile_recuse_the_member(fund, fred, cora, board):
    """Max reviews for the programmes too: his expert profile declares a tie with "Quantum Loom B.V."
    (the company, written another way); Cora's says she works for a company of another name."""
    from lodestar.experts.models import ConflictDeclaration, Expert

    max_ = board["max"]
    expert = Expert.objects.create(
        user=max_, full_name="Max Member", email=max_.email, nation="NL", expertise="Quantum sensing."
    )
    ConflictDeclaration.objects.create(expert=expert, name="QUANTUM LOOM B.V.", reason="Former adviser")
    Expert.objects.create(
        user=cora,
        full_name="Cora",
        email=cora.email,
        nation="DE",
        organisation_name="Loom Robotics GmbH",
        expertise="Robotics.",
    )
    meeting = committee.check_schedule_meeting(board["deal"], date(2026, 3, 2), board["members"], 1, fred)
    seats = {s.member_id: s for s in meeting.seats.all()}
    assert seats[max_.pk].recused and seats[max_.pk].conflict == "declared tie with QUANTUM LOOM B.V."
    assert not seats[cora.pk].recused
    with pytest.raises(PermissionDenied, match="recused"):
        committee.check_vote(meeting, max_, "for")
