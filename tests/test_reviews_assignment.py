"""Assignment of experts: the optimiser job and its diagnosis, changes by hand, publication, and the
reassignment of one application when an expert declines or a conflict is confirmed.

Stella (programme staff) runs it; the five experts of tests/reviews_assignment_fixtures.py review.
"""

from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.reviews.actions import assignment as actions
from lodestar.reviews.actions.reviewing import check_decline
from lodestar.reviews.models import Assignment, AssignmentRules, Conflict, ReviewRules

pytest_plugins = ["tests.reviews_assignment_fixtures"]


def conflict(application, expert, state=Conflict.State.CONFIRMED):
    return Conflict.objects.create(
        application=application,
        expert=expert,
        kind=Conflict.Kind.PAST_EMPLOYMENT,
        evidence="Worked there.",
        state=state,
    )


def pairs(call, *statuses):
    rows = Assignment.objects.filter(application__challenge__call=call)
    if statuses:
        rows = rows.filter(status__in=statuses)
    return {(a.application_id, a.expert_id) for a in rows}


def test_the_job_gives_every_eligible_application_k_experts_within_loads_and_no_conflict(
    review_field, call, stella
):
    field = review_field
    confirmed = conflict(field.energy[0], field.experts["eva"])
    suggested = conflict(field.energy[1], field.experts["hugo"], Conflict.State.SUGGESTED)
    job = actions.check_run_assignment(call, stella)
    assert job.status == "done", job.error
    assert job.result["feasible"], job.result
    rows = list(Assignment.objects.filter(application__challenge__call=call))
    assert {r.status for r in rows} == {Assignment.Status.PROPOSED}
    assert Counter(r.application_id for r in rows) == {a.pk: 2 for a in field.applications}
    assert max(Counter(r.expert_id for r in rows).values()) <= field.rules.max_load
    assigned = {(r.application_id, r.expert_id) for r in rows}
    assert (confirmed.application_id, confirmed.expert_id) not in assigned
    assert (suggested.application_id, suggested.expert_id) not in assigned


def test_the_best_fitting_expert_is_proposed_with_the_explanation(review_field, call, stella):
    field = review_field
    actions.check_run_assignment(call, stella)
    best = Assignment.objects.filter(application=field.energy[1]).order_by("-score").first()
    assert best.expert == field.experts["hugo"]
    assert best.explanation["best_document"] == "Fuel cells and hydrogen storage for silent power"
    assert "hydrogen" in [term for term, _weight in best.explanation["terms"]]


def test_no_expert_reviews_an_application_of_its_own_nation_when_the_setup_says_so(
    review_field, call, stella
):
    field = review_field  # the passive radar comes from Norway, like Rolf Radar
    actions.check_run_assignment(call, stella)
    assert not Assignment.objects.filter(application=field.radar[0], expert=field.experts["rolf"]).exists()


def test_the_business_pool_quota_puts_a_business_expert_on_every_application(review_field, call, stella):
    field = review_field
    field.experts["bianca"].max_load = 10
    field.experts["bianca"].save()
    actions.check_update_assignment_rules(call, stella, {"min_business": 1, "max_load": 6})
    job = actions.check_run_assignment(call, stella)
    assert job.result["feasible"], job.result
    for application in field.applications:
        assert Assignment.objects.filter(application=application, expert=field.experts["bianca"]).exists()


def test_an_impossible_setup_shows_the_diagnosis_in_words_and_keeps_the_previous_proposal(
    client, review_field, call, stella
):
    actions.check_run_assignment(call, stella)
    before = pairs(call)
    actions.check_update_assignment_rules(call, stella, {"max_load": 1})
    job = actions.check_run_assignment(call, stella)
    assert job.status == "done" and not job.result["feasible"]
    assert pairs(call) == before
    client.force_login(stella)
    page = client.get(reverse("reviews:overview", args=[call.slug])).content.decode()
    assert "No assignment is possible with this set-up" in page
    assert "The applications need 12 reviews in all, but the available experts can take at most 5" in page
    assert "Traceback" not in page


def test_a_pool_too_small_for_its_quota_is_named_in_the_diagnosis(client, review_field, call, stella):
    actions.check_update_assignment_rules(call, stella, {"min_business": 1})  # Bianca alone, 3 at most, for 6
    job = actions.check_run_assignment(call, stella)
    assert not job.result["feasible"]
    client.force_login(stella)
    page = client.get(reverse("reviews:overview", args=[call.slug])).content.decode()
    assert "at least 1 from the business pool" in page


def test_the_proposal_page_flags_weak_matches_and_shows_loads(client, review_field, call, stella):
    actions.check_update_assignment_rules(call, stella, {"weak_match": 0.2})
    actions.check_run_assignment(call, stella)
    client.force_login(stella)
    page = client.get(reverse("reviews:overview", args=[call.slug])).content.decode()
    assert "WEAK" in page
    assert "Best matching document" in page
    assert "load 3/3" in page or "load 2/3" in page
    weak_only = client.get(reverse("reviews:overview", args=[call.slug]), {"show": "weak"})
    assert weak_only.status_code == 200


def test_a_setup_with_a_minimum_above_the_maximum_is_refused_unchanged(client, review_field, call, stella):
    client.force_login(stella)
    response = client.post(
        reverse("reviews:setup", args=[call.slug]),
        {"experts_per_application": 2, "min_load": 5, "max_load": 3, "min_business": 0, "weak_match": 0.1},
    )
    assert "The minimum load per expert cannot be above the maximum load." in response.content.decode()
    call.assignment_rules.refresh_from_db()
    assert call.assignment_rules.min_load == 0


def test_adding_an_expert_with_a_conflict_is_refused(client, review_field, call, stella):
    field = review_field
    actions.check_run_assignment(call, stella)
    application = field.energy[0]
    outsider = next(
        e
        for e in field.experts.values()
        if not Assignment.objects.filter(application=application, expert=e).exists()
    )
    conflict(application, outsider)
    client.force_login(stella)
    response = client.post(
        reverse("reviews:add", args=[call.slug]),
        {"application": application.pk, "expert": outsider.pk},
        follow=True,
    )
    assert "has a conflict of interest" in response.content.decode()
    assert not Assignment.objects.filter(application=application, expert=outsider).exists()


def test_adding_an_expert_at_full_load_is_refused(review_field, call, stella):
    field = review_field
    actions.check_run_assignment(call, stella)
    loads = Counter(Assignment.objects.values_list("expert_id", flat=True))
    full = next(e for e in field.experts.values() if loads[e.pk] == 3)
    free = next(
        a for a in field.applications if not Assignment.objects.filter(application=a, expert=full).exists()
    )
    with pytest.raises(ValidationError, match="the most they may take"):
        actions.check_add_expert(free, full, stella)


def test_adding_removing_and_swapping_by_hand(review_field, call, stella):
    field = review_field
    actions.check_run_assignment(call, stella)
    application = field.energy[0]
    current = list(Assignment.objects.filter(application=application))
    loads = Counter(Assignment.objects.values_list("expert_id", flat=True))
    spare = next(
        e for e in field.experts.values() if loads[e.pk] < 3 and e.pk not in {a.expert_id for a in current}
    )
    actions.check_remove_assignment(current[0], stella)
    added = actions.check_add_expert(application, spare, stella)
    assert added.source == Assignment.Source.MANUAL and added.status == Assignment.Status.PROPOSED
    assert set(added.explanation) >= {"terms", "areas", "best_document"}
    swapped = actions.check_swap_expert(added, current[0].expert, stella)
    assert Assignment.objects.filter(application=application).count() == 2
    assert swapped.expert == current[0].expert
    notes = AuditEvent.objects.filter(action__startswith="reviews:expert_").values_list("note", flat=True)
    assert any(application.reference in note for note in notes)


def test_a_swap_to_a_conflicted_expert_is_refused_and_keeps_the_old_one(review_field, call, stella):
    field = review_field
    actions.check_run_assignment(call, stella)
    application = field.radar[1]
    assignment = Assignment.objects.filter(application=application).first()
    other = next(
        e
        for e in field.experts.values()
        if not Assignment.objects.filter(application=application, expert=e).exists()
    )
    conflict(application, other)
    with pytest.raises(ValidationError, match="conflict of interest"):
        actions.check_swap_expert(assignment, other, stella)
    assert Assignment.objects.filter(pk=assignment.pk, expert=assignment.expert).exists()


def test_publishing_needs_every_application_covered(review_field, call, stella):
    actions.check_run_assignment(call, stella)
    actions.check_remove_assignment(
        Assignment.objects.filter(application=review_field.energy[0]).first(), stella
    )
    with pytest.raises(ValidationError, match="fewer than 2 experts"):
        actions.check_publish_assignment(call, stella)
    assert not Application.objects.filter(status=wf.UNDER_REVIEW).exists()


def test_publishing_sends_applications_to_review_with_audit_events_and_letters(
    review_field, call, stella, django_capture_on_commit_callbacks
):
    field = review_field
    actions.check_run_assignment(call, stella)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = actions.check_publish_assignment(call, stella)
    assert count == 6
    assert set(Application.objects.filter(challenge__call=call).values_list("status", flat=True)) == {
        wf.UNDER_REVIEW
    }
    assert not Assignment.objects.filter(status=Assignment.Status.PROPOSED).exists()
    assert not Assignment.objects.filter(published_at__isnull=True).exists()
    assert actions.publication_time(call) is not None
    events = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(Application), action="application:under_review"
    )
    assert events.count() == 6 and {e.actor for e in events} == {stella}
    experts = {a.expert for a in Assignment.objects.all()}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.email for e in experts)
    letter = next(m for m in mail.outbox if m.to == [field.experts["hugo"].email])
    assert field.energy[1].reference in letter.body and "/review/my/" in letter.body


def test_a_decline_reassigns_that_application_only(published_field, call, django_capture_on_commit_callbacks):
    field = published_field
    declined = Assignment.objects.filter(application=field.energy[0]).first()
    others_before = pairs(call) - {(declined.application_id, declined.expert_id)}
    with django_capture_on_commit_callbacks(execute=True):
        outcome = check_decline(declined, declined.expert.user, "I advised this company last year.")
    assert not outcome.reasons and len(outcome.added) == 1
    new = outcome.added[0]
    assert new.application == field.energy[0] and new.expert != declined.expert
    assert new.status == Assignment.Status.ACTIVE and new.source == Assignment.Source.REASSIGNMENT
    declined.refresh_from_db()
    assert declined.status == Assignment.Status.DECLINED
    assert pairs(call, Assignment.Status.ACTIVE) == others_before | {(new.application_id, new.expert_id)}
    assert [m.to for m in mail.outbox] == [[new.expert.email]]


def test_a_conflict_confirmed_on_a_published_pair_replaces_that_expert(published_field, call, stella):
    field = published_field
    active = Assignment.objects.filter(application=field.radar[2]).first()
    conflict(field.radar[2], active.expert)
    outcome = actions.check_reassign(field.radar[2], stella)
    assert [a.pk for a in outcome.withdrawn] == [active.pk]
    assert len(outcome.added) == 1 and outcome.added[0].expert != active.expert
    assert Assignment.objects.filter(application=field.radar[2], status=Assignment.Status.ACTIVE).count() == 2


def test_when_nobody_can_replace_the_reason_is_recorded(published_field, call, stella):
    field = published_field
    for expert in field.experts.values():
        if not Assignment.objects.filter(application=field.energy[2], expert=expert).exists():
            conflict(field.energy[2], expert)
    declined = Assignment.objects.filter(application=field.energy[2]).first()
    outcome = check_decline(declined, stella, "The expert is ill.")
    assert outcome.reasons and not outcome.added
    assert "No available expert" in outcome.reasons[0]
    assert AuditEvent.objects.filter(action="reviews:reassignment_failed").exists()


@pytest.mark.parametrize("person", ["alice", "erin", "fred"])
def test_only_programme_staff_reach_the_assignment_pages(client, review_field, call, person, request):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("reviews:overview", args=[call.slug])).status_code == 403
    assert client.post(reverse("reviews:run", args=[call.slug])).status_code == 403
    assert not Assignment.objects.exists()


def test_the_application_page_lists_candidates_and_history(client, review_field, call, stella):
    actions.check_run_assignment(call, stella)
    client.force_login(stella)
    url = reverse("reviews:application", args=[call.slug, review_field.energy[0].pk])
    page = client.get(url).content.decode()
    assert "Add an expert" in page and "Swap with" in page


def test_the_proposal_page_makes_a_fixed_number_of_queries(
    client, review_field, call, stella, django_assert_max_num_queries
):
    actions.check_run_assignment(call, stella)
    client.force_login(stella)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("reviews:overview", args=[call.slug]))
    assert response.content.decode().count("Remove</button>") == 12


def test_running_without_eligible_applications_is_refused_in_words(client, call, stella):
    client.force_login(stella)
    response = client.post(reverse("reviews:run", args=[call.slug]), follow=True)
    assert "No eligible application waits for experts" in response.content.decode()


def test_a_conflict_before_the_first_run_leaves_the_application_to_the_optimiser(review_field, stella):
    field = review_field
    conflict(field.energy[0], field.experts["eva"])
    outcome = actions.check_reassign(field.energy[0], stella)
    assert not outcome.added and not outcome.withdrawn and not outcome.reasons
    assert not Assignment.objects.exists()


def test_confirming_a_suggested_conflict_on_a_published_pair_reassigns_through_the_conflicts_stage(
    published_field, stella
):
    from lodestar.reviews.actions.conflicts import check_confirm

    field = published_field
    active = Assignment.objects.filter(application=field.energy[1]).first()
    suggestion = conflict(field.energy[1], active.expert, Conflict.State.SUGGESTED)
    # A suggestion alone does not take a published expert off the review...
    assert not actions.check_reassign(field.energy[1], stella).withdrawn
    # ...its confirmation does, and a replacement comes in.
    check_confirm(suggestion, stella)
    active.refresh_from_db()
    assert active.status == Assignment.Status.DECLINED
    live = Assignment.objects.filter(application=field.energy[1], status=Assignment.Status.ACTIVE)
    assert live.count() == 2 and active.expert_id not in {a.expert_id for a in live}


def test_staff_save_the_assignment_rules_from_the_form(client, call, stella):
    client.force_login(stella)
    form = {
        "experts_per_application": 3,
        "min_load": 1,
        "max_load": 14,
        "min_business": 1,
        "max_same_nation": "",
        "fair": "on",
        "weak_match": "0.05",
    }
    response = client.post(reverse("reviews:setup", args=[call.slug]), form)
    assert response.status_code == 302
    rules = AssignmentRules.objects.get(call=call)
    assert (rules.max_load, rules.min_business, rules.max_same_nation, rules.fair, rules.weak_match) == (
        14,
        1,
        None,
        True,
        0.05,
    )
    assert not ReviewRules.objects.filter(call=call).exists()  # the review rules have their own page
    assert AuditEvent.objects.filter(action="reviews:assignment_rules_changed").exists()


def test_a_conflict_confirmed_after_the_run_never_reaches_the_expert(stella, call, alice, aurora, energy):
    """The optimiser proposed Eve; a conflict is then confirmed: Eve is replaced, or publication is
    refused, but Eve is never published on that application."""
    from lodestar.applications import actions as app_actions
    from lodestar.experts.models import Expert
    from lodestar.reviews.actions import assignment as assignment_actions
    from lodestar.reviews.actions import conflicts as conflict_actions
    from lodestar.reviews.models import Assignment, Conflict
    from tests.conftest import complete_draft

    application = complete_draft(alice, aurora, energy)
    app_actions.check_submit(application, alice)
    app_actions.check_screen(application, stella, "accept")
    AssignmentRules.objects.create(call=call, experts_per_application=1)
    ReviewRules.objects.create(call=call, review_deadline=call.closes_at)
    eve = Expert.objects.create(
        full_name="Eve", email="eve@x.example", nation="DK", expertise="hydrogen storage"
    )
    Assignment.objects.create(application=application, expert=eve, status=Assignment.Status.PROPOSED)
    conflict = Conflict.objects.create(
        application=application, expert=eve, kind="same_organisation", evidence="x"
    )
    conflict_actions.check_confirm(conflict, stella)
    # Eve was the only expert: she is withdrawn and nobody replaces her, so nothing is left to publish.
    with pytest.raises(ValidationError, match="no proposed assignment"):
        assignment_actions.check_publish_assignment(call, stella)
    assert not Assignment.objects.filter(
        application=application, expert=eve, status=Assignment.Status.ACTIVE
    ).exists()


def test_publication_is_refused_while_a_proposed_expert_has_a_conflict_found_later(
    stella, call, alice, aurora, energy
):
    from lodestar.applications import actions as app_actions
    from lodestar.experts.models import Expert
    from lodestar.reviews.actions import assignment as assignment_actions
    from lodestar.reviews.models import Assignment, Conflict
    from tests.conftest import complete_draft

    application = complete_draft(alice, aurora, energy)
    app_actions.check_submit(application, alice)
    app_actions.check_screen(application, stella, "accept")
    AssignmentRules.objects.create(call=call, experts_per_application=1)
    ReviewRules.objects.create(call=call, review_deadline=call.closes_at)
    eve = Expert.objects.create(
        full_name="Eve", email="eve@x.example", nation="DK", expertise="hydrogen storage"
    )
    Assignment.objects.create(application=application, expert=eve, status=Assignment.Status.PROPOSED)
    # A detection run after the optimiser suggests a conflict: nobody has looked at it yet.
    Conflict.objects.create(application=application, expert=eve, kind="past_employment", evidence="x")
    with pytest.raises(ValidationError, match="conflict of interest"):
        assignment_actions.check_publish_assignment(call, stella)
    assert Assignment.objects.get(application=application, expert=eve).status == Assignment.Status.PROPOSED
