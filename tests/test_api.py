"""The REST API: token authentication, the same permission rules as the pages, the OpenAPI schema."""

import pytest

from lodestar.accounts.actions import do_create_api_token, do_revoke_api_token
from lodestar.accounts.models import ApiToken
from lodestar.applications import actions
from lodestar.experts.models import Expert
from lodestar.reviews.models import Assignment, ReviewRules


def bearer(user):
    _token, key = do_create_api_token(user, "tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def submitted(aurora_draft, alice):
    actions.check_submit(aurora_draft, alice)
    return aurora_draft


def test_the_schema_and_public_calls_need_no_token(client, call):
    schema = client.get("/api/openapi.json").json()
    assert "/api/calls/{slug}/applications" in schema["paths"]
    calls = client.get("/api/calls").json()
    assert [c["slug"] for c in calls] == [call.slug]
    assert {c["slug"] for c in calls[0]["challenges"]} == {"energy", "sensing"}
    assert calls[0]["title_fr"] == "Appel à défis 2026"


def test_only_a_hash_of_the_key_is_stored(alice):
    token, key = do_create_api_token(alice, "laptop")
    assert key.startswith("lsk_") and key not in ApiToken.objects.get(pk=token.pk).key_hash
    assert token.prefix == key[:12]


def test_staff_list_applications_and_others_are_refused(client, call, submitted, stella, alice, erin):
    url = f"/api/calls/{call.slug}/applications"
    assert client.get(url).status_code == 401
    response = client.get(url, **bearer(stella))
    assert response.status_code == 200
    assert [a["id"] for a in response.json()["items"]] == [submitted.pk]
    for person in (alice, erin):
        assert client.get(url, **bearer(person)).status_code == 403


def test_an_application_is_404_outside_its_audience(
    client, submitted, alice, bob, charlie, borealis, erin, stella
):
    url = f"/api/applications/{submitted.pk}"
    for person, status in ((alice, 200), (bob, 200), (stella, 200), (charlie, 404), (erin, 404)):
        assert client.get(url, **bearer(person)).status_code == status, person.email


def test_an_assigned_expert_reads_the_application_without_the_applicant_when_blind(
    client, submitted, erin, call
):
    expert = Expert.objects.create(
        user=erin, full_name="Erin Expert", email=erin.email, nation="DK", expertise="x"
    )
    ReviewRules.objects.create(call=call, blind=True)
    assignment = Assignment.objects.create(
        application=submitted, expert=expert, status=Assignment.Status.PROPOSED
    )
    url = f"/api/applications/{submitted.pk}"
    headers = bearer(erin)
    assert client.get(url, **headers).status_code == 404  # proposed, not yet published
    assignment.status = Assignment.Status.ACTIVE
    assignment.save()
    data = client.get(url, **headers).json()
    assert data["title"] == submitted.title and data["organisation"] is None and data["nation"] is None
    mine = client.get("/api/me/assignments", **headers).json()
    assert [a["application"] for a in mine] == [submitted.pk]


def test_a_revoked_token_no_longer_works(client, stella, call):
    token, key = do_create_api_token(stella, "old")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get(f"/api/calls/{call.slug}/applications", **headers).status_code == 200
    do_revoke_api_token(token)
    assert client.get(f"/api/calls/{call.slug}/applications", **headers).status_code == 401


def test_tokens_are_created_and_revoked_from_the_profile(client, alice):
    client.force_login(alice)
    response = client.post("/en/account/tokens/", {"name": "script"}, follow=True)
    assert "copy it now" in response.content.decode()
    token = ApiToken.objects.get(user=alice)
    client.post(f"/en/account/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_staff_only_reads_of_review_data(client, call, stella, alice):
    for path in ("assignments", "reviews", "ranking"):
        assert client.get(f"/api/calls/{call.slug}/{path}", **bearer(stella)).status_code == 200
        assert client.get(f"/api/calls/{call.slug}/{path}", **bearer(alice)).status_code == 403
    assert client.get(f"/api/calls/{call.slug}/selection", **bearer(stella)).status_code == 404
    assert client.get("/api/experts", **bearer(alice)).status_code == 403


def test_staff_screen_through_the_api_and_an_override_needs_a_note(client, submitted, stella, alice):
    url = f"/api/applications/{submitted.pk}/screening"
    body = {"decision": "ineligible", "note": ""}
    assert client.post(url, body, content_type="application/json", **bearer(alice)).status_code == 403
    refused = client.post(url, body, content_type="application/json", **bearer(stella))
    assert refused.status_code == 400 and "note" in refused.json()["detail"]
    body["note"] = "Subsidiary of a large group"
    # No rule refuses it: the reason must be shared with the applicant (issue 14).
    refused = client.post(url, body, content_type="application/json", **bearer(stella))
    assert refused.status_code == 400 and "shared with the applicant" in refused.json()["detail"]
    body["audience"] = "shared"
    response = client.post(url, body, content_type="application/json", **bearer(stella))
    assert response.status_code == 200 and response.json()["status"] == "ineligible"


def test_an_expert_saves_then_submits_a_review_through_the_api(client, submitted, erin, charlie, call):
    from lodestar.applications import workflow as wf
    from lodestar.applications.models import Application
    from lodestar.reviews.models import Review

    expert = Expert.objects.create(
        user=erin, full_name="Erin Expert", email=erin.email, nation="DK", expertise="x"
    )
    ReviewRules.objects.create(call=call)
    Application.objects.filter(pk=submitted.pk).update(status=wf.UNDER_REVIEW)
    assignment = Assignment.objects.create(
        application=submitted, expert=expert, status=Assignment.Status.ACTIVE
    )
    url = f"/api/me/reviews/{assignment.pk}"
    draft = {"scores": {"fit": 4}, "overall": "Promising", "submit": False}
    assert client.put(url, draft, content_type="application/json", **bearer(charlie)).status_code == 404
    saved = client.put(url, draft, content_type="application/json", **bearer(erin))
    assert saved.status_code == 200 and saved.json()["status"] == "draft"
    incomplete = client.put(url, {**draft, "submit": True}, content_type="application/json", **bearer(erin))
    assert incomplete.status_code == 400  # every criterion and a recommendation are needed
    assert Review.objects.get(assignment=assignment).status == Review.Status.DRAFT  # the draft is kept
    complete = {
        "scores": {"fit": 4, "feasibility": 3, "commercial": 4, "team": 5},
        "recommendation": "yes",
        "submit": True,
    }
    submitted_review = client.put(url, complete, content_type="application/json", **bearer(erin))
    assert submitted_review.status_code == 200 and submitted_review.json()["status"] == "submitted"


def test_only_the_director_runs_and_confirms_a_selection_through_the_api(
    client, call, energy, sensing, alice, aurora, charlie, borealis, stella, dora
):
    from tests.reviews_selection_fixtures import build_cohort

    build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    url = f"/api/calls/{call.slug}/selection"
    assert client.post(url, **bearer(stella)).status_code == 403
    run = client.post(url, **bearer(dora))
    assert run.status_code == 200 and run.json()["feasible"]
    confirm = f"/api/selections/{run.json()['id']}/confirmation"
    assert client.post(confirm, **bearer(stella)).status_code == 403
    confirmed = client.post(confirm, **bearer(dora))
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    assert client.post(confirm, **bearer(dora)).status_code == 400  # never twice


def test_a_page_of_a_long_list_reads_only_that_page(
    client, call, energy, stella, django_assert_max_num_queries
):
    from tests.conftest import complete_draft, make_organisation, make_user

    for i in range(30):
        owner = make_user(f"p{i}@page.example")
        complete_draft(owner, make_organisation(owner, f"Page {i} SA", "BE"), energy)
    headers = bearer(stella)
    url = f"/api/calls/{call.slug}/applications?limit=5&offset=10"
    client.get(url, **headers)
    with django_assert_max_num_queries(10):
        data = client.get(url, **headers).json()
    assert data["count"] == 30 and len(data["items"]) == 5
    from lodestar.applications.models import Application

    expected = list(
        Application.objects.filter(challenge__call=call).order_by("pk").values_list("pk", flat=True)
    )
    assert [a["id"] for a in data["items"]] == expected[10:15]
