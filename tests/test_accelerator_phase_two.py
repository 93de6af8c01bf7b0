"""Phase 2: a call of the programme open to the cohort only, with its own rubric, selected with the
existing machinery, then applied to the cohort and its awards. People: tests/cohort_fixtures.py."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lodestar.accelerator.actions import phase_two
from lodestar.accelerator.models import CohortCompany
from lodestar.applications import actions as app_actions
from lodestar.applications import workflow as app_wf
from lodestar.core.roles import Role
from lodestar.core.workflow import transition
from lodestar.grants import actions as grant_actions
from lodestar.grants import workflow as gwf
from lodestar.programmes.eligibility import Verdict
from lodestar.reviews.models.rules import review_rules
from tests.conftest import complete_draft, make_organisation, make_user

pytest_plugins = ["tests.cohort_fixtures"]


@pytest.fixture
def phase_two_call(cohort, stella):
    now = timezone.now()
    return phase_two.check_open_phase_two(
        cohort, stella, opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=20)
    )


def test_the_phase_two_call_is_a_call_of_the_programme_with_its_own_criteria(cohort, phase_two_call):
    assert phase_two_call.programme == cohort.call.programme
    assert phase_two_call.max_grant == Decimal(300_000)
    codes = [c["code"] for c in review_rules(phase_two_call).criteria]
    assert codes == ["fit", "feasibility", "commercial", "team", "end_user_relevance", "investment_readiness"]
    cohort.refresh_from_db()
    assert cohort.phase_two_call == phase_two_call


def test_only_the_cohort_s_companies_are_eligible(phase_two_call, alice, aurora):
    outsider = make_user("olaf@outside.example", Role.APPLICANT, name="Olaf Outsider")
    other = make_organisation(outsider, "Outsider Robotics GmbH", "DE")
    challenge = phase_two_call.challenges.first()
    inside = complete_draft(alice, aurora, phase_two_call.challenges.get(slug="energy"))
    outside = complete_draft(outsider, other, challenge)
    app_actions.check_submit(inside, alice)
    app_actions.check_submit(outside, outsider)
    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.eligibility_verdict == Verdict.ELIGIBLE
    assert outside.eligibility_verdict == Verdict.INELIGIBLE


def test_a_cohort_has_one_phase_two_call(cohort, phase_two_call, stella):
    now = timezone.now()
    with pytest.raises(ValidationError, match="already"):
        phase_two.check_open_phase_two(cohort, stella, opens_at=now, closes_at=now + timedelta(days=1))


def test_accelerator_staff_alone_cannot_open_it(cohort, arne):
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        phase_two.check_open_phase_two(cohort, arne, opens_at=now, closes_at=now + timedelta(days=1))


def test_the_confirmed_selection_moves_companies_to_phase_two_and_amends_their_awards(
    cohort, phase_two_call, selected, alice, aurora, stella, dora, call
):
    from tests.cohort_fixtures import confirmed_selection

    award = grant_actions.check_make_award(selected[0], dora)
    application = complete_draft(alice, aurora, phase_two_call.challenges.get(slug="energy"))
    app_actions.check_submit(application, alice)
    app_actions.check_screen(application, stella, "accept")
    transition(application, app_wf.UNDER_REVIEW, stella)
    transition(application, app_wf.SELECTED, dora)
    with pytest.raises(ValidationError, match="not confirmed"):
        phase_two.check_apply_phase_two(cohort, dora)
    confirmed_selection(phase_two_call, dora, [application])
    with pytest.raises(PermissionDenied):
        phase_two.check_apply_phase_two(cohort, stella)
    assert phase_two.check_apply_phase_two(cohort, dora) == 1
    place = cohort.companies.get(organisation=aurora)
    assert place.phase == CohortCompany.Phase.TWO
    award.refresh_from_db()
    assert award.amount == Decimal(100_000) + application.requested_amount
    assert list(award.phases.values_list("number", flat=True)) == [1, 2]
    assert award.current_agreement().version == 2
    assert award.current_agreement().status == gwf.AGREEMENT_DRAFT
    assert phase_two.check_apply_phase_two(cohort, dora) == 0  # applied once


def test_the_phase_two_selection_forms_no_new_cohort(
    phase_two_call, selected, dora, arne, alice, aurora, stella
):
    from lodestar.accelerator.actions import cohorts as cohort_actions
    from tests.cohort_fixtures import confirmed_selection

    application = complete_draft(alice, aurora, phase_two_call.challenges.get(slug="energy"))
    app_actions.check_submit(application, alice)
    app_actions.check_screen(application, stella, "accept")
    transition(application, app_wf.UNDER_REVIEW, stella)
    transition(application, app_wf.SELECTED, dora)
    selection = confirmed_selection(phase_two_call, dora, [application])
    with pytest.raises(ValidationError, match="Phase 2"):
        cohort_actions.check_form_cohort(selection, arne)
