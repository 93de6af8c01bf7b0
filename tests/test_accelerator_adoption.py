"""The road to adoption: end users of a nation browse the showcase (shared results only, no money),
express interest, and follow the case step by step to a contract; the lead time against the
programme's target; demo days and their invitations. People: tests/cohort_fixtures.py."""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.actions import adoption as actions
from lodestar.accelerator.actions import cohorts as cohort_actions
from lodestar.accelerator.models import AdoptionCase
from lodestar.accelerator.queries import cohorts as queries
from lodestar.core.workflow import TransitionNotAllowed, history

pytest_plugins = ["tests.cohort_fixtures"]

S = wf.AdoptionStatus


@pytest.fixture
def place(cohort, aurora):
    return cohort.companies.get(organisation=aurora)


def test_the_showcase_shows_shared_results_and_never_money(client, cohort, place, alice, ulla):
    cohort_actions.check_write_result(
        place, alice, title="Sea trial passed", summary="72 h at sea state 4.", language="en", shared=True
    )
    cohort_actions.check_write_result(
        place, alice, title="Cost model draft", summary="Internal.", language="en", shared=False
    )
    client.force_login(ulla)
    page = client.get(reverse("accelerator:showcase_cohort", args=[cohort.pk])).content.decode()
    assert "Sea trial passed" in page
    assert "Cost model draft" not in page
    assert "EUR" not in page and "100" not in page.split("Sea trial passed")[0].split("<main")[-1]


def test_an_applicant_does_not_reach_the_showcase(client, cohort, charlie):
    client.force_login(charlie)
    assert client.get(reverse("accelerator:showcase")).status_code == 403


def test_an_end_user_follows_a_case_to_a_contract_with_each_step_dated(place, ulla):
    today = timezone.localdate()
    start = today - timedelta(days=70)
    case = actions.check_express_interest(place, ulla, "FR", "Harbour energy autonomy", on=start)
    steps = [
        (S.PILOT_AGREED, 10, {}),
        (S.FIELD_TEST, 30, {}),
        (S.ROUTE_CHOSEN, 50, {"route": "innovation_partnership"}),
        (S.CONTRACT_SIGNED, 70, {"contract_value": Decimal("450000")}),
    ]
    for to, day, extra in steps:
        case = actions.check_advance(case, ulla, to, on=start + timedelta(days=day), **extra)
    case.refresh_from_db()
    assert case.status == S.CONTRACT_SIGNED
    assert case.lead_time_days == 70
    assert case.route == "innovation_partnership" and case.contract_value == Decimal("450000")
    assert [e.to_state for e in history(case).order_by("pk")] == [s for s, _d, _e in steps]
    row = next(r for r in queries.board(place.cohort, today).rows if r.company == place)
    assert row.lead_time == 70 and queries.board(place.cohort, today).verdict(70) == "within"


def test_a_step_is_never_dated_before_the_last_nor_in_the_future(place, ulla):
    case = actions.check_express_interest(place, ulla, "FR", on=timezone.localdate() - timedelta(days=5))
    with pytest.raises(ValidationError, match="before"):
        actions.check_advance(case, ulla, S.PILOT_AGREED, on=timezone.localdate() - timedelta(days=6))
    with pytest.raises(ValidationError, match="future"):
        actions.check_advance(case, ulla, S.PILOT_AGREED, on=timezone.localdate() + timedelta(days=1))
    case.refresh_from_db()
    assert case.status == S.INTEREST and case.pilot_agreed_on is None


def test_the_route_must_be_named_and_steps_cannot_be_skipped(place, ulla):
    case = actions.check_express_interest(place, ulla, "FR")
    with pytest.raises(TransitionNotAllowed):
        actions.check_advance(case, ulla, S.CONTRACT_SIGNED)
    actions.check_advance(case, ulla, S.PILOT_AGREED)
    actions.check_advance(case, ulla, S.FIELD_TEST)
    with pytest.raises(ValidationError, match="route"):
        actions.check_advance(case, ulla, S.ROUTE_CHOSEN)


def test_an_end_user_acts_for_their_own_nation_only(client, place, ulla, uwe):
    with pytest.raises(PermissionDenied):
        actions.check_express_interest(place, uwe, "FR")
    case = actions.check_express_interest(place, ulla, "FR")
    with pytest.raises(TransitionNotAllowed):
        actions.check_advance(case, uwe, S.PILOT_AGREED)
    client.force_login(uwe)
    assert client.get(reverse("accelerator:case", args=[case.pk])).status_code == 404
    client.force_login(ulla)
    assert client.get(reverse("accelerator:case", args=[case.pk])).status_code == 200


def test_the_company_sees_the_interest_in_it(client, place, ulla, alice, charlie):
    case = actions.check_express_interest(place, ulla, "FR", "Harbour energy autonomy")
    client.force_login(alice)
    assert client.get(reverse("accelerator:case", args=[case.pk])).status_code == 200
    client.force_login(charlie)
    assert client.get(reverse("accelerator:case", args=[case.pk])).status_code == 404


def test_internal_case_notes_never_reach_the_company(client, place, ulla, alice, arne):
    """A step's note is internal by default (the nation's end users and the team read it); the
    company reads only the notes shared with it."""
    case = actions.check_express_interest(place, ulla, "FR", "Harbour energy")
    actions.check_advance(case, ulla, wf.AdoptionStatus.PILOT_AGREED, note="Our budget is not voted yet")
    client.force_login(ulla)
    client.post(
        reverse("accelerator:advance", args=[case.pk]),
        {
            "to": wf.AdoptionStatus.FIELD_TEST,
            "on": timezone.localdate().isoformat(),
            "note": "Field test at the naval base in May",
            "audience": "shared",
        },
    )
    case.refresh_from_db()
    assert case.status == wf.AdoptionStatus.FIELD_TEST
    url = reverse("accelerator:case", args=[case.pk])
    for reader in (ulla, arne):
        client.force_login(reader)
        page = client.get(url).content.decode()
        assert "Our budget is not voted yet" in page and "Field test at the naval base in May" in page
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert "Field test at the naval base in May" in page
    assert "budget" not in page
    with pytest.raises(ValidationError):
        actions.check_advance(case, ulla, wf.AdoptionStatus.ROUTE_CHOSEN, route="framework", audience="all")


def test_a_nation_expresses_interest_once(place, ulla):
    actions.check_express_interest(place, ulla, "FR")
    with pytest.raises(ValidationError, match="already"):
        actions.check_express_interest(place, ulla, "FR")
    assert AdoptionCase.objects.count() == 1


def test_interest_through_the_page_with_a_bad_nation_is_a_clear_message(client, place, ulla):
    client.force_login(ulla)
    response = client.post(reverse("accelerator:interest", args=[place.pk]), {"nation": "DE"}, follow=True)
    assert response.status_code == 200
    assert not AdoptionCase.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_steps_taken_at_once_move_the_case_once(place, ulla, arne):
    """Two people record the pilot at the same instant: one move, one audit event (the row lock)."""
    case = actions.check_express_interest(place, ulla, "FR")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def take(actor):
        barrier.wait()
        try:
            actions.check_advance(case, actor, S.PILOT_AGREED)
            outcomes.append("moved")
        except TransitionNotAllowed:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(who,)) for who in (ulla, arne)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["moved", "refused"]
    assert history(case).filter(to_state=S.PILOT_AGREED).count() == 1


def test_a_demo_day_invites_a_nation_s_end_users_in_their_language(
    client, cohort, arne, ulla, uwe, django_capture_on_commit_callbacks
):
    day = actions.check_plan_demo_day(
        cohort,
        arne,
        title_en="Demo day",
        title_fr="Journée de démonstration",
        held_on=timezone.localdate() + timedelta(days=20),
        place="Brussels",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.check_invite(day, arne, ["FR"]) == 1
        assert actions.check_invite(day, arne, ["FR"]) == 0  # nobody twice
    assert [m.to for m in mail.outbox] == [[ulla.email]]
    assert "Journée de démonstration" in mail.outbox[0].subject
    invitation = day.invitations.get()
    with pytest.raises(TransitionNotAllowed):
        actions.check_answer(invitation, uwe, True)
    actions.check_answer(invitation, ulla, True)
    assert invitation.status == wf.InvitationStatus.ACCEPTED
    client.force_login(uwe)
    assert client.get(reverse("accelerator:demo_day", args=[day.pk])).status_code == 403
    client.force_login(ulla)
    assert client.get(reverse("accelerator:demo_day", args=[day.pk])).status_code == 200


def test_only_the_cohort_team_plans_a_demo_day(cohort, ulla):
    with pytest.raises(PermissionDenied):
        actions.check_plan_demo_day(
            cohort, ulla, title_en="x", title_fr="x", held_on=timezone.localdate(), place="Paris"
        )
