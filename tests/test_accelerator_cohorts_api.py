"""The cohort API: the board and the milestones for the team, adoption steps for a nation's end user,
through the same actions as the pages. People: tests/cohort_fixtures.py."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from lodestar.accelerator.actions import adoption
from lodestar.accounts.actions import do_create_api_token
from lodestar.grants import actions as grant_actions

pytest_plugins = ["tests.cohort_fixtures"]


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(user, 'test')[1]}"}


def test_the_board_lists_late_milestones_per_company(client, cohort, selected, dora, arne, aurora):
    grant_actions.check_make_award(selected[0], dora, starts_on=timezone.localdate() - timedelta(weeks=5))
    board = client.get(f"/api/cohorts/{cohort.pk}", **bearer(arne)).json()
    rows = {r["organisation"]: r for r in board["companies"]}
    assert rows[aurora.pk]["milestones_late"] == [1]
    assert (board["target_min_days"], board["target_max_days"]) == (60, 90)
    late = client.get(f"/api/cohorts/{cohort.pk}/milestones?late=true", **bearer(arne)).json()
    assert [(m["organisation"], m["number"], m["late"]) for m in late["items"]] == [(aurora.pk, 1, True)]


def test_an_unknown_milestone_status_is_a_clear_400(client, cohort, arne):
    response = client.get(f"/api/cohorts/{cohort.pk}/milestones?status=lost", **bearer(arne))
    assert response.status_code == 400 and "lost" in response.json()["detail"]


def test_an_end_user_takes_a_dated_step_through_the_api(client, cohort, aurora, ulla):
    place = cohort.companies.get(organisation=aurora)
    case = adoption.check_express_interest(place, ulla, "FR", on=timezone.localdate() - timedelta(days=3))
    response = client.post(
        f"/api/adoption/{case.pk}/steps",
        {"to": "pilot_agreed", "on": str(timezone.localdate())},
        content_type="application/json",
        **bearer(ulla),
    )
    assert response.status_code == 200
    assert response.json()["pilot_agreed_on"] == str(timezone.localdate())
    bad = client.post(
        f"/api/adoption/{case.pk}/steps", {"to": "won"}, content_type="application/json", **bearer(ulla)
    )
    assert bad.status_code == 400


def test_the_company_and_the_team_follow_its_readiness_through_the_api(
    client, cohort, aurora, alice, arne, charlie
):
    place = cohort.companies.get(organisation=aurora)
    url = f"/api/cohorts/{cohort.pk}/companies/{place.pk}/readiness"
    declared = client.get(url, **bearer(alice)).json()
    assert [r["by_company"] for r in declared] == [False]  # the level the application declared
    today = str(timezone.localdate())
    made = client.post(
        url, {"trl": 6, "note": "Sea trial passed"}, content_type="application/json", **bearer(alice)
    )
    assert made.status_code == 201
    assert (made.json()["trl"], made.json()["measured_on"], made.json()["by_company"]) == (6, today, True)
    by_team = client.post(url, {"trl": 7}, content_type="application/json", **bearer(arne))
    assert by_team.status_code == 201 and by_team.json()["by_company"] is False
    levels = [(r["trl"], r["note"]) for r in client.get(url, **bearer(arne)).json()][-2:]
    assert levels == [(6, "Sea trial passed"), (7, "")]
    # Another company's member finds nothing, and records nothing.
    assert client.get(url, **bearer(charlie)).status_code == 404
    assert client.post(url, {"trl": 9}, content_type="application/json", **bearer(charlie)).status_code == 404
    assert place.trl_readings.count() == 3


def test_a_readiness_level_out_of_range_or_in_the_future_is_a_clear_400(client, cohort, aurora, alice):
    place = cohort.companies.get(organisation=aurora)
    url = f"/api/cohorts/{cohort.pk}/companies/{place.pk}/readiness"
    high = client.post(url, {"trl": 12}, content_type="application/json", **bearer(alice))
    assert high.status_code == 400 and "1" in high.json()["detail"]
    later = str(timezone.localdate() + timedelta(days=2))
    future = client.post(url, {"trl": 5, "on": later}, content_type="application/json", **bearer(alice))
    assert future.status_code == 400 and future.json()["detail"]
    assert place.trl_readings.count() == 1
