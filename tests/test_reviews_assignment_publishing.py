"""Publishing the assignment in part: the applications staff tick, or one challenge, still with one
audit event per assignment and per application, all or nothing.

Stella (programme staff) publishes; the five experts of tests/reviews_assignment_fixtures.py are
proposed on six applications (three on energy, three on drone detection) by the optimiser.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.reviews.actions import assignment as actions
from lodestar.reviews.models import Assignment

pytest_plugins = ["tests.reviews_assignment_fixtures"]


@pytest.fixture
def proposed(review_field, call, stella):
    """The optimiser ran: every application has its two proposed experts, nothing is published."""
    job = actions.check_run_assignment(call, stella)
    assert job.result["feasible"], job.result
    return review_field


def statuses(applications):
    return [Application.objects.get(pk=a.pk).status for a in applications]


def events(action):
    return AuditEvent.objects.filter(action=action)


def test_staff_publish_only_the_ticked_applications_with_one_event_per_assignment(
    client, proposed, call, stella, django_capture_on_commit_callbacks
):
    ticked = [proposed.energy[0], proposed.radar[2]]
    client.force_login(stella)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reviews:publish", args=[call.slug]),
            {"scope": "ticked", "application": [a.pk for a in ticked], "back": "show=weak&page=1"},
        )
    assert response.status_code == 302 and response.url.endswith("/assignment/?show=weak&page=1")
    assert statuses(ticked) == [wf.UNDER_REVIEW] * 2
    assert set(statuses(proposed.applications[1:5])) == {wf.ELIGIBLE}
    published = Assignment.objects.filter(status=Assignment.Status.ACTIVE)
    assert {a.application_id for a in published} == {a.pk for a in ticked} and published.count() == 4
    assert not published.filter(published_at__isnull=True).exists()
    moves = events("assignment:active")
    assert sorted(int(e.object_id) for e in moves) == sorted(a.pk for a in published)
    assert {(e.from_state, e.to_state, e.actor) for e in moves} == {("proposed", "active", stella)}
    assert events("application:under_review").count() == 2


def test_one_challenge_is_published_alone(client, proposed, call, energy, stella):
    client.force_login(stella)
    response = client.post(
        reverse("reviews:publish", args=[call.slug]),
        {"scope": "challenge", "challenge": energy.pk},
        follow=True,
    )
    assert "The assignment is published: 3 applications" in response.content.decode()
    assert statuses(proposed.energy) == [wf.UNDER_REVIEW] * 3
    assert statuses(proposed.radar) == [wf.ELIGIBLE] * 3
    assert events("assignment:active").count() == 6


def test_the_rest_is_published_later_without_touching_what_is_published(proposed, call, stella):
    actions.check_publish_assignment(call, stella, applications=[proposed.energy[0].pk])
    first = Assignment.objects.filter(status=Assignment.Status.ACTIVE).values_list("pk", "published_at")
    first = dict(first)
    assert actions.check_publish_assignment(call, stella) == 5
    assert statuses(proposed.applications) == [wf.UNDER_REVIEW] * 6
    again = dict(Assignment.objects.filter(pk__in=first).values_list("pk", "published_at"))
    assert again == first
    assert events("assignment:active").count() == 12  # each assignment published once


def test_nothing_ticked_publishes_nothing(client, proposed, call, stella):
    client.force_login(stella)
    response = client.post(reverse("reviews:publish", args=[call.slug]), {"scope": "ticked"}, follow=True)
    assert "Tick the applications" in response.content.decode()
    assert set(statuses(proposed.applications)) == {wf.ELIGIBLE}
    assert not events("assignment:active").exists()


def test_a_ticked_application_published_meanwhile_refuses_the_whole_publication(proposed, call, stella):
    first, second = proposed.energy[0], proposed.energy[1]
    actions.check_publish_assignment(call, stella, applications=[first.pk])
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="no longer wait for publication"):
        actions.check_publish_assignment(call, stella, applications=[first.pk, second.pk])
    assert statuses([second]) == [wf.ELIGIBLE]
    assert AuditEvent.objects.count() == before


def test_an_application_of_another_call_cannot_be_ticked(proposed, call, stella, aurora_draft):
    with pytest.raises(ValidationError, match="no longer wait for publication"):
        actions.check_publish_assignment(call, stella, applications=[aurora_draft.pk])


def test_a_ticked_application_short_of_experts_is_refused_but_others_may_go(proposed, call, stella):
    short = proposed.energy[0]
    actions.check_remove_assignment(Assignment.objects.filter(application=short).first(), stella)
    with pytest.raises(ValidationError, match="fewer than 2 experts"):
        actions.check_publish_assignment(call, stella, applications=[short.pk, proposed.energy[1].pk])
    assert actions.check_publish_assignment(call, stella, applications=[proposed.energy[1].pk]) == 1


def test_an_expert_cannot_publish(client, proposed, call):
    eva = proposed.experts["eva"].user
    with pytest.raises(Exception, match="Only programme staff"):
        actions.check_publish_assignment(call, eva, applications=[proposed.energy[0].pk])
    client.force_login(eva)
    assert client.post(reverse("reviews:publish", args=[call.slug]), {"scope": "call"}).status_code == 403


def test_the_page_offers_a_tick_for_each_application_waiting_with_its_experts(client, proposed, call, stella):
    actions.check_publish_assignment(call, stella, applications=[proposed.energy[0].pk])
    client.force_login(stella)
    page = client.get(reverse("reviews:overview", args=[call.slug])).content.decode()
    assert page.count('form="publish-ticked"') == 5 + 1  # five ticks and the button
    assert f'value="{proposed.energy[0].pk}" form="publish-ticked"' not in page
    assert "Publish the ticked applications" in page and "Publish this challenge" in page


def test_publication_takes_the_same_queries_for_one_application_or_five(proposed, call, stella):
    """Bulk moves: a batch of assignments is one UPDATE and one INSERT of audit events, not a save
    and an event per row (the simulation publishes 7,800 assignments at once)."""
    with CaptureQueriesContext(connection) as one:
        actions.check_publish_assignment(call, stella, applications=[proposed.energy[0].pk])
    with CaptureQueriesContext(connection) as five:
        actions.check_publish_assignment(call, stella, applications=[a.pk for a in proposed.applications[1:]])
    assert len(five) == len(one) <= 30
    updates = [q["sql"] for q in five if q["sql"].startswith("UPDATE") and "reviews_assignment" in q["sql"]]
    assert len(updates) == 1
