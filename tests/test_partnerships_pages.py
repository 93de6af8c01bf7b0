"""The pages of partner grants, in both languages: a new user takes a proposal from the call page to
a committee vote and a grant; bad input is answered with a 400 that keeps what was typed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lodestar.partnerships import committee
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import NationVote, Proposal
from tests.partnerships_helpers import FULL_TEXT, take_to_committee

pytest_plugins = ["tests.partnerships_fixtures"]


def form_data(**overrides) -> dict[str, str]:
    data = {
        "title": "Quantum-safe links between research networks",
        "summary": "Post-quantum key exchange between two national research networks.",
        "outline": "We test post-quantum key exchange on live links between the two networks.",
        "description": "",
        "requested_amount": "300000",
        "months": "30",
        "member_full_name": "Ulrich Moreau",
        "member_email": "ulrich@univ-lille.example",
        "member_nationality": "FR",
        "member_residence": "FR",
        "member_employer": "Université de Lille",
        "member_employer_kind": "university",
        "member_employer_nation": "FR",
        "partner_full_name": "Kenji Watanabe",
        "partner_email": "watanabe@nict.example",
        "partner_nationality": "JP",
        "partner_residence": "JP",
        "partner_employer": "NICT",
        "partner_employer_kind": "research",
        "partner_employer_nation": "JP",
        "end_user_1_organisation": "ANSSI",
        "end_user_1_nation": "FR",
    }
    return data | overrides


@pytest.mark.parametrize("language", ["en", "fr"])
def test_visitors_read_the_partner_calls_and_mechanisms_in_their_language(client, partner_call, language):
    page = client.get(f"/{language}/partnerships/")
    assert page.status_code == 200
    expected = "Projet pluriannuel" if language == "fr" else "Multi-year project"
    assert expected in page.content.decode()
    detail = client.get(f"/{language}/partnerships/calls/cyber-japan/")
    text = detail.content.decode()
    assert ("Japon" if language == "fr" else "Japan") in text
    assert ("partenaire" if language == "fr" else "partner nation of the call") in text


def test_starting_a_proposal_with_a_missing_co_director_answers_400_and_keeps_the_text(
    client, ulrich, lille, partner_call, mechanisms
):
    client.force_login(ulrich)
    url = reverse("partnerships:start", args=["cyber-japan"])
    topic = partner_call.call.challenges.get()
    base = {"challenge": topic.pk, "mechanism": mechanisms["multi-year-project"].pk, "organisation": lille.pk}
    page = client.post(url, base | form_data(partner_full_name=""))
    assert page.status_code == 400
    assert "Quantum-safe links between research networks" in page.content.decode()
    assert not Proposal.objects.exists()
    page = client.post(url, base | form_data())
    proposal = Proposal.objects.get()
    assert page.status_code == 302 and page["Location"].endswith(f"/proposals/{proposal.pk}/")
    assert proposal.co_directors.count() == 2 and proposal.end_users.get().organisation == "ANSSI"


def test_a_start_up_member_is_told_to_register_an_eligible_body(client, ivo, partner_call):
    client.force_login(ivo)
    page = client.get(reverse("partnerships:start", args=["cyber-japan"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "government, academic or non-profit body" in page.content.decode()


def test_a_new_user_takes_a_proposal_through_both_stages_to_a_vote_and_a_grant(
    client, ulrich, project, stella, dora, camille, greta, reviewer
):
    client.force_login(ulrich)
    detail = reverse("partnerships:proposal", args=[project.pk])
    assert "✓" in client.get(detail).content.decode()  # the rules as they stand, before sending
    client.post(reverse("partnerships:submit", args=[project.pk]))
    project.refresh_from_db()
    assert project.status == wf.SHORT_SUBMITTED
    client.force_login(stella)
    client.post(reverse("partnerships:screen", args=[project.pk]), {"decision": "invite", "note": ""})
    client.force_login(ulrich)
    edit = reverse("partnerships:edit", args=[project.pk])
    data = form_data(description=FULL_TEXT, title=project.application.title)
    page = client.post(edit, data | {"submit": "1"})
    assert page.status_code == 302
    project.refresh_from_db()
    assert project.status == wf.FULL_SUBMITTED


def test_committee_members_vote_and_the_director_records_the_decision_through_the_pages(
    client, ulrich, project, stella, dora, camille, greta, reviewer
):
    take_to_committee(project, ulrich, stella, reviewer)
    client.force_login(camille)
    queue = client.get("/fr/partnerships/committee/")
    assert queue.status_code == 200 and project.reference in queue.content.decode()
    page = client.get(reverse("partnerships:proposal", args=[project.pk]))
    assert 'name="nation"' in page.content.decode()
    # Camille cannot vote for Germany by changing the form.
    client.post(reverse("partnerships:vote", args=[project.pk]), {"nation": "DE", "choice": "for"})
    assert not NationVote.objects.exists()
    client.post(reverse("partnerships:vote", args=[project.pk]), {"nation": "FR", "choice": "for"})
    client.force_login(greta)
    client.post(reverse("partnerships:vote", args=[project.pk]), {"nation": "DE", "choice": "for"})
    client.force_login(dora)
    client.post(reverse("partnerships:decide", args=[project.pk]))
    project.refresh_from_db()
    assert project.status == wf.APPROVED
    page = client.post(reverse("partnerships:grant", args=[project.pk]))
    project.application.refresh_from_db()
    assert page["Location"].endswith(reverse("grants:award", args=[project.application.award.pk]))


def test_the_staff_page_of_a_call_lists_proposals_by_stage_in_few_queries(
    client, project, stella, django_assert_max_num_queries
):
    client.force_login(stella)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("partnerships:staff_call", args=["cyber-japan"]))
    assert project.reference in page.content.decode()


def test_a_vote_with_a_nation_that_is_not_a_choice_answers_400(
    client, project, ulrich, stella, reviewer, camille
):
    take_to_committee(project, ulrich, stella, reviewer)
    client.force_login(camille)
    page = client.post(reverse("partnerships:vote", args=[project.pk]), {"nation": "XX", "choice": "for"})
    assert page.status_code == 400


def test_the_committee_sees_the_reviews_count_not_the_co_directors_edit_link(
    client, project, ulrich, stella, reviewer, camille
):
    take_to_committee(project, ulrich, stella, reviewer)
    client.force_login(camille)
    text = client.get(reverse("partnerships:proposal", args=[project.pk])).content.decode()
    assert "1 review submitted" in text
    assert reverse("partnerships:edit", args=[project.pk]) not in text
    assert committee.reviews_submitted(project) == 1


def test_the_edit_page_shows_the_proposal_as_saved(client, project, ulrich):
    client.force_login(ulrich)
    text = client.get(reverse("partnerships:edit", args=[project.pk])).content.decode()
    assert 'value="Federated intrusion detection for port control systems"' in text
    assert 'name="partner_full_name"' in text and 'value="Haruka Sato"' in text
