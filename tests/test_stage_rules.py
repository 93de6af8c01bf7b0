"""The rules of each stage of a call: read without writing, saved only by the action that changes them.

Dora (director) and Stella (staff) open every stage of a call whose rules nobody has set; Erin reviews
in it. Only when someone changes a stage's rules does that stage get a row.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.experts.models import Expert
from lodestar.reviews.actions import rubric
from lodestar.reviews.models import Assignment, AssignmentRules, ConflictRules, Review, ReviewRules
from lodestar.reviews.models.rules import assignment_rules, conflict_rules, review_rules
from lodestar.selection.models import Selection, SelectionRules, selection_rules
from tests.conftest import complete_draft

RULES = (ConflictRules, AssignmentRules, ReviewRules, SelectionRules)


def rule_rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in RULES}


@pytest.fixture
def in_review(call, alice, aurora, energy, erin):
    """One application under review with Erin's published assignment, and a selection run: every
    stage page of the call has something to show."""
    application = complete_draft(alice, aurora, energy)
    Application.objects.filter(pk=application.pk).update(status=wf.UNDER_REVIEW)
    expert = Expert.objects.create(
        user=erin, full_name="Erin Expert", email=erin.email, nation="DK", expertise="x"
    )
    assignment = Assignment.objects.create(
        application=application, expert=expert, status=Assignment.Status.ACTIVE, published_at=timezone.now()
    )
    selection = Selection.objects.create(call=call)
    return application, assignment, selection


def test_the_readers_give_the_defaults_without_saving_them(call):
    assert conflict_rules(call).same_nation is False
    assert assignment_rules(call).experts_per_application == 3
    assert review_rules(call).criterion_codes == ["fit", "feasibility", "commercial", "team"]
    assert selection_rules(call).min_nations == 0
    assert all(
        rules.pk is None for rules in (conflict_rules(call), assignment_rules(call), selection_rules(call))
    )
    assert rule_rows() == dict.fromkeys(rule_rows(), 0)


def test_no_stage_page_writes_rules_when_it_is_only_read(client, call, dora, erin, in_review):
    application, assignment, selection = in_review
    slug = call.slug
    staff_pages = [
        reverse("staff:dashboard", args=[slug]),
        reverse("reviews:conflicts", args=[slug]),
        reverse("reviews:overview", args=[slug]),
        reverse("reviews:setup", args=[slug]),
        reverse("reviews:rubric", args=[slug]),
        reverse("reviews:application", args=[slug, application.pk]),
        reverse("reviews:progress", args=[slug]),
        reverse("reviews:ranking", args=[slug]),
        reverse("reviews:application_reviews", args=[slug, application.pk]),
        reverse("selection:overview", args=[slug]),
        reverse("selection:rules", args=[slug]),
        reverse("selection:selection", args=[slug, selection.pk]),
        reverse("selection:confirm", args=[slug, selection.pk]),
    ]
    before = rule_rows()
    client.force_login(dora)
    for url in staff_pages:
        assert client.get(url).status_code == 200, url
    client.force_login(erin)
    for url in (reverse("reviews:mine"), reverse("reviews:review", args=[assignment.pk])):
        assert client.get(url).status_code == 200, url
    assert rule_rows() == before == dict.fromkeys(before, 0)


def test_the_review_rules_page_saves_the_deadline_and_blind_review_and_records_it(client, call, stella):
    client.force_login(stella)
    response = client.post(
        reverse("reviews:rubric", args=[call.slug]), {"review_deadline": "2026-12-31T17:00", "blind": "on"}
    )
    assert response.status_code == 302
    rules = ReviewRules.objects.get(call=call)
    assert rules.blind and rules.review_deadline is not None and rules.review_deadline.year == 2026
    assert rules.criterion_codes == ["fit", "feasibility", "commercial", "team"]  # the criteria untouched
    assert AuditEvent.objects.filter(action="reviews:review_rules_changed", actor=stella).exists()
    assert rule_rows() == {**dict.fromkeys(rule_rows(), 0), "ReviewRules": 1}


def test_saving_the_defaults_writes_nothing(client, call, stella):
    client.force_login(stella)
    response = client.post(reverse("reviews:rubric", args=[call.slug]), {"review_deadline": ""})
    assert response.status_code == 302
    assert not ReviewRules.objects.exists()


def test_only_the_director_decides_that_letters_quote_the_experts(client, call, stella, dora):
    with pytest.raises(PermissionDenied):
        rubric.check_update_review_rules(call, stella, {"share_comments": True})
    assert not ReviewRules.objects.exists()
    client.force_login(stella)  # the switch is shown to staff but not theirs to change
    client.post(reverse("reviews:rubric", args=[call.slug]), {"blind": "on", "share_comments": "on"})
    assert (review_rules(call).blind, review_rules(call).share_comments) == (True, False)
    client.force_login(dora)
    client.post(reverse("reviews:rubric", args=[call.slug]), {"blind": "on", "share_comments": "on"})
    assert review_rules(call).share_comments


def test_the_deadline_still_moves_once_the_criteria_are_fixed(client, call, stella, in_review):
    _application, assignment, _selection = in_review
    Review.objects.create(assignment=assignment, status=Review.Status.SUBMITTED, scores={"fit": 4})
    client.force_login(stella)
    url = reverse("reviews:rubric", args=[call.slug])
    page = client.get(url).content.decode()
    assert "criteria-TOTAL_FORMS" not in page and "Technical feasibility" in page  # shown, not offered
    response = client.post(url, {"review_deadline": "2026-12-24T12:00"})
    assert response.status_code == 302
    assert review_rules(call).review_deadline.day == 24
    assert review_rules(call).criterion_codes == ["fit", "feasibility", "commercial", "team"]


def test_a_conflict_run_reads_the_same_nation_rule_without_saving_it(call):
    from lodestar.reviews.engine_adapter.conflicts import run_detection

    run_detection(call, lambda *_args: None)
    assert not ConflictRules.objects.exists()


def test_two_stages_keep_their_rules_apart(call, stella, dora):
    from lodestar.reviews.actions.assignment import check_update_assignment_rules
    from lodestar.selection.actions import check_update_rules

    check_update_assignment_rules(call, stella, {"max_load": 5})
    check_update_rules(call, dora, {"min_nations": 3}, {})
    assert AssignmentRules.objects.get(call=call).max_load == 5
    assert SelectionRules.objects.get(call=call).min_nations == 3
    assert not ReviewRules.objects.exists() and not ConflictRules.objects.exists()
    assert review_rules(call).review_deadline is None


def test_saving_the_assignment_defaults_writes_nothing_and_a_change_one_row(client, call, stella):
    client.force_login(stella)
    url = reverse("reviews:setup", args=[call.slug])
    defaults = {
        "experts_per_application": 3,
        "min_load": 0,
        "max_load": 12,
        "min_business": 0,
        "max_same_nation": 1,
        "weak_match": 0.03,
    }
    assert client.post(url, defaults).status_code == 302
    assert not AssignmentRules.objects.exists()
    assert client.post(url, {**defaults, "max_load": 9}).status_code == 302
    assert AssignmentRules.objects.get(call=call).max_load == 9
