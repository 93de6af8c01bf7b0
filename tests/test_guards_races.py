"""Confirming a cohort while an expert submits a review, at the same moment (issue 14, item 2).

PostgreSQL only, as tests/test_workflow_races.py: the first thread holds its transaction open until
the second waits on the row locks. The confirmation locks the undecided applications before it
counts the open reviews; a submission locks its application before it saves. So a review is either
in before the decision (and then not open: no reason is needed) or refused after it (closed).

Ivo is an expert still drafting his review of a1; Dora is the director (tests/conftest.py).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.core.roles import Role
from lodestar.reviews.actions.reviewing import ReviewData, check_submit_review
from lodestar.reviews.models import Review
from lodestar.reviews.models.rules import review_rules
from lodestar.selection import actions
from tests.conftest import make_user
from tests.reviews_selection_fixtures import build_cohort, review
from tests.test_workflow_races import HOLD, race

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def drafting(call, energy, sensing, alice, aurora, charlie, borealis):
    cohort = build_cohort(call, energy, sensing, alice, aurora, charlie, borealis)
    draft = review(cohort.apps["a1"], "Ivo Open", "", {"fit": "half"}, submitted=False)
    ivo = make_user("ivo@lab.example", Role.EXPERT, name="Ivo Open")
    draft.assignment.expert.user = ivo
    draft.assignment.expert.save(update_fields=["user"])
    codes = review_rules(call).criterion_codes
    complete = ReviewData(scores=dict.fromkeys(codes, 4), comments={}, overall="Sound.", recommendation="yes")
    return cohort, draft, ivo, complete


def test_a_review_sent_while_the_cohort_is_confirmed_is_refused_as_closed(drafting, dora):
    cohort, draft, ivo, complete = drafting
    proposed = actions.check_run_selection(cohort.call, dora)
    first, second, waited = race(
        lambda: actions.check_confirm_selection(proposed, dora, reason="The board meets today."),
        lambda: check_submit_review(draft.assignment, ivo, complete),
    )
    assert not isinstance(first, Exception), first
    assert isinstance(second, ValidationError) and "reviews are closed" in str(second), second
    assert waited >= HOLD * 0.8  # it waited for the decision, it did not read around it
    assert Review.objects.get(pk=draft.pk).status == Review.Status.DRAFT
    assert Application.objects.get(pk=cohort.apps["a1"].pk).status in (wf.SELECTED, wf.REJECTED)
    assert AuditEvent.objects.filter(action="selection:open_reviews_closed").count() == 1


def test_a_review_sent_just_before_needs_no_reason_to_confirm(drafting, dora):
    cohort, draft, ivo, complete = drafting
    proposed = actions.check_run_selection(cohort.call, dora)
    first, second, waited = race(
        lambda: check_submit_review(draft.assignment, ivo, complete),
        lambda: actions.check_confirm_selection(proposed, dora),  # no reason: nothing is open by then
    )
    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    assert waited >= HOLD * 0.8
    assert Review.objects.get(pk=draft.pk).status == Review.Status.SUBMITTED
    assert not AuditEvent.objects.filter(action="selection:open_reviews_closed").exists()
