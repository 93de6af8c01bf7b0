"""The partner grants' API does what the pages do, under the same rules (people in
tests/partnerships_fixtures.py): Ulrich's body sees its proposal; Ivo (a start-up) sees nothing;
staff screen; a committee member votes for the nation they sit for only; the director decides."""

from __future__ import annotations

from lodestar.accounts.actions import do_create_api_token
from lodestar.partnerships import actions, committee
from lodestar.partnerships import workflow as wf
from tests.partnerships_helpers import take_to_committee

pytest_plugins = ["tests.partnerships_fixtures"]


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(user, 'tests')[1]}"}


def test_partner_calls_list_their_nations_and_mechanisms(client, partner_call, ivo):
    listed = client.get("/api/partner-calls", **auth(ivo)).json()
    (call,) = listed["items"]
    assert call["partner_nations"] == ["JP"]
    assert {m["code"] for m in call["mechanisms"]} >= {"multi-year-project", "advanced-training-course"}
    assert client.get("/api/partner-calls").status_code == 401


def test_a_proposal_is_read_by_its_body_and_staff_only(client, project, ulrich, ivo, stella):
    mine = client.get("/api/partner-proposals", **auth(ulrich)).json()
    assert [p["id"] for p in mine["items"]] == [project.pk]
    assert mine["items"][0]["votes"] is None  # the co-directors do not read the nations' votes
    assert client.get("/api/partner-proposals", **auth(ivo)).json()["count"] == 0
    assert client.get(f"/api/partner-proposals/{project.pk}", **auth(ivo)).status_code == 404
    assert client.get(f"/api/partner-proposals/{project.pk}", **auth(stella)).json()["votes"] == []


def test_submission_and_screening_through_the_api(client, project, ulrich, stella, ivo):
    response = client.post(f"/api/partner-proposals/{project.pk}/submission", **auth(ulrich))
    assert response.status_code == 200 and response.json()["status"] == wf.SHORT_SUBMITTED
    url = f"/api/partner-proposals/{project.pk}/screening"
    refused = client.post(url, {"decision": "invite"}, content_type="application/json", **auth(ivo))
    assert refused.status_code == 403
    unknown = client.post(url, {"decision": "maybe"}, content_type="application/json", **auth(stella))
    assert unknown.status_code == 400
    done = client.post(url, {"decision": "invite"}, content_type="application/json", **auth(stella))
    assert done.json()["status"] == wf.INVITED


def test_votes_and_decision_through_the_api(client, project, ulrich, stella, reviewer, camille, greta, dora):
    take_to_committee(project, ulrich, stella, reviewer)
    url = f"/api/partner-proposals/{project.pk}/votes"
    wrong = client.post(
        url, {"nation": "DE", "choice": "for"}, content_type="application/json", **auth(camille)
    )
    assert wrong.status_code == 403
    ok = client.post(url, {"nation": "FR", "choice": "for"}, content_type="application/json", **auth(camille))
    assert ok.status_code == 200 and ok.json()["nation"] == "FR"
    again = client.post(
        url, {"nation": "FR", "choice": "against"}, content_type="application/json", **auth(camille)
    )
    assert again.status_code == 400
    early = client.post(f"/api/partner-proposals/{project.pk}/decision", **auth(dora))
    assert early.status_code == 400 and "quorum" in early.json()["detail"]
    committee.check_vote(project, greta, "DE", "for")
    decided = client.post(f"/api/partner-proposals/{project.pk}/decision", **auth(dora)).json()
    assert decided["status"] == wf.APPROVED and "For 2" in decided["minutes"]
    project.refresh_from_db()
    committee.check_make_grant(project, dora)
    grants = client.get("/api/partner-grants", **auth(ulrich)).json()
    assert grants["count"] == 1 and grants["items"][0]["proposal"] == project.pk
    assert client.get("/api/partner-grants", **auth(camille)).json()["count"] == 0


def test_a_withdrawn_proposal_cannot_be_sent(client, project, ulrich):
    actions.check_withdraw_proposal(project, ulrich)
    response = client.post(f"/api/partner-proposals/{project.pk}/submission", **auth(ulrich))
    assert response.status_code == 400
