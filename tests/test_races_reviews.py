"""An expert's review saved from one tab while another tab submits it (issue 13, item 1): the save
loaded before the submission must not write "draft" back over it, nor reset its reminders. Both
databases; the interleaving is written out (a copy loaded first, used after the other's change).

The experts and their published assignments are those of tests/reviews_assignment_fixtures.py.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from lodestar.reviews.actions import reviewing as actions
from lodestar.reviews.models import Assignment, Review

pytest_plugins = ["tests.reviews_assignment_fixtures"]

FULL = actions.ReviewData(
    scores={"fit": 4, "feasibility": 3, "commercial": 5, "team": 4}, recommendation="yes"
)


def loaded(assignment: Assignment) -> Assignment:
    """The assignment as a request loads it (with its review, if any)."""
    return Assignment.objects.select_related("review", "expert", "application__challenge__call").get(
        pk=assignment.pk
    )


def test_a_save_loaded_before_the_submission_leaves_the_review_submitted(published_field):
    assignment = Assignment.objects.filter(expert=published_field.experts["hugo"], status="active").first()
    user = assignment.expert.user
    actions.check_save_review(loaded(assignment), user, actions.ReviewData(scores={"fit": 2}))
    saving_tab = loaded(assignment)  # its page was open before the other tab submitted
    actions.check_submit_review(loaded(assignment), user, FULL)
    Review.objects.filter(assignment=assignment).update(reminders_sent=2)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        actions.check_save_review(saving_tab, user, actions.ReviewData(scores={"fit": 1}))
    review = Review.objects.get(assignment=assignment)
    assert review.status == Review.Status.SUBMITTED
    assert review.scores["fit"] == 4 and review.reminders_sent == 2


def test_a_draft_save_writes_only_the_reviews_own_fields(published_field):
    assignment = Assignment.objects.filter(expert=published_field.experts["hugo"], status="active").first()
    user = assignment.expert.user
    actions.check_save_review(loaded(assignment), user, actions.ReviewData(scores={"fit": 2}))
    tab = loaded(assignment)
    Review.objects.filter(assignment=assignment).update(reminders_sent=3)  # a reminder went out meanwhile
    actions.check_save_review(tab, user, actions.ReviewData(scores={"fit": 3}))
    review = Review.objects.get(assignment=assignment)
    assert review.scores == {"fit": 3} and review.reminders_sent == 3


def test_two_tabs_starting_the_same_review_write_one_row(published_field):
    assignment = Assignment.objects.filter(expert=published_field.experts["hugo"], status="active").first()
    user = assignment.expert.user
    first, second = loaded(assignment), loaded(assignment)  # neither has a review yet
    actions.check_save_review(first, user, actions.ReviewData(scores={"fit": 2}))
    actions.check_save_review(second, user, actions.ReviewData(scores={"fit": 5}))
    assert Review.objects.filter(assignment=assignment).count() == 1
    assert Review.objects.get(assignment=assignment).scores == {"fit": 5}


def test_removing_a_pair_published_since_the_page_loaded_is_refused_and_keeps_it(review_field, call, stella):
    from lodestar.reviews.actions import assignment as assignment_actions

    assignment_actions.check_run_assignment(call, stella)
    loaded_by_the_page = Assignment.objects.filter(application=review_field.energy[0]).first()
    Assignment.objects.filter(pk=loaded_by_the_page.pk).update(
        status=Assignment.Status.ACTIVE
    )  # published meanwhile
    with pytest.raises(ValidationError, match="published one is declined"):
        assignment_actions.check_remove_assignment(loaded_by_the_page, stella)
    assert Assignment.objects.filter(pk=loaded_by_the_page.pk, status=Assignment.Status.ACTIVE).exists()
