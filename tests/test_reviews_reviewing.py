"""Reviewing: an expert sees only its published assignments, reviews against the rubric (blind when
the call says so), saves drafts, submits once, is reminded before and after the deadline."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lodestar.core.models import AuditEvent
from lodestar.reviews.actions import reviewing as actions
from lodestar.reviews.models import Assignment, Review

pytest_plugins = ["tests.reviews_assignment_fixtures"]

FULL = {
    "score_fit": "4",
    "comment_fit": "Fits the energy challenge well.",
    "score_feasibility": "3",
    "score_commercial": "5",
    "score_team": "4",
    "overall": "A credible plan.",
    "recommendation": "yes",
}


def mine(expert):
    return Assignment.objects.filter(expert=expert, status=Assignment.Status.ACTIVE).order_by("pk")


def test_an_expert_lists_only_its_published_assignments(client, published_field):
    field = published_field
    eva = field.experts["eva"]
    own = list(mine(eva))
    client.force_login(eva.user)
    page = client.get(reverse("reviews:mine")).content.decode()
    for assignment in own:
        assert assignment.application.title in page
    others = {a.application for a in Assignment.objects.exclude(expert=eva)} - {a.application for a in own}
    for application in others:
        assert application.title not in page


def test_another_expert_gets_404_on_the_review_page(client, published_field):
    field = published_field
    assignment = mine(field.experts["eva"]).first()
    intruder = next(e for e in field.experts.values() if e.pk != assignment.expert_id)
    client.force_login(intruder.user)
    for name in ("review", "decline"):
        url = reverse(f"reviews:{name}", args=[assignment.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "x", **FULL, "submit": "1"}).status_code == 404
    assert not Review.objects.exists()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE


def test_a_proposed_assignment_is_not_visible_to_its_expert(client, review_field, call, stella):
    from lodestar.reviews.actions.assignment import check_run_assignment

    check_run_assignment(call, stella)
    proposed = Assignment.objects.first()
    client.force_login(proposed.expert.user)
    assert proposed.application.title not in client.get(reverse("reviews:mine")).content.decode()
    assert client.get(reverse("reviews:review", args=[proposed.pk])).status_code == 404


@pytest.mark.parametrize("person", ["alice", "fred", "stella"])
def test_people_who_are_not_experts_are_refused_the_expert_pages(client, published_field, person, request):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("reviews:mine")).status_code == 403
    assignment = Assignment.objects.first()
    assert client.get(reverse("reviews:review", args=[assignment.pk])).status_code == 403


def test_an_expert_with_nothing_assigned_sees_an_empty_list(client, published_field, erin):
    client.force_login(erin)
    page = client.get(reverse("reviews:mine"))
    assert page.status_code == 200 and "Nothing is assigned to you" in page.content.decode()
    assert client.get(reverse("reviews:review", args=[Assignment.objects.first().pk])).status_code == 404


def test_blind_review_hides_the_applicant(client, published_field, call):
    field = published_field
    application = field.energy[0]
    assignment = Assignment.objects.filter(application=application).first()
    client.force_login(assignment.expert.user)
    url = reverse("reviews:review", args=[assignment.pk])
    open_page = client.get(url).content.decode()
    assert "Company 0 SA" in open_page and "Alice Martin" in open_page
    field.review_rules.blind = True
    field.review_rules.save()
    blind_page = client.get(url).content.decode()
    assert "Blind review" in blind_page
    assert application.title in blind_page
    for identity in ("Company 0 SA", "Alice Martin", "France", "business plan"):
        assert identity not in blind_page, identity


def test_the_assigned_expert_downloads_the_attachments(client, published_field):
    application = published_field.energy[0]
    attachment = application.attachments.get()
    assignment = Assignment.objects.filter(application=application).first()
    url = reverse("applications:download", args=[application.pk, attachment.pk])
    client.force_login(assignment.expert.user)
    assert url in client.get(reverse("reviews:review", args=[assignment.pk])).content.decode()
    assert client.get(url).status_code == 200
    stranger = (
        Assignment.objects.exclude(application=application)
        .exclude(expert__in=[a.expert for a in application.assignments.all()])
        .first()
    )
    client.force_login(stranger.expert.user)
    assert client.get(url).status_code == 404


def test_a_refused_submission_keeps_the_draft(client, published_field):
    assignment = mine(published_field.experts["hugo"]).first()
    client.force_login(assignment.expert.user)
    url = reverse("reviews:review", args=[assignment.pk])
    partial = {"score_fit": "4", "comment_fit": "Good fit.", "overall": "Promising.", "submit": "1"}
    response = client.post(url, partial, follow=True)
    page = response.content.decode()
    assert "Score every criterion before submitting" in page and "Technical feasibility" in page
    assert "Your draft is saved." in page
    review = Review.objects.get(assignment=assignment)
    assert review.status == Review.Status.DRAFT
    assert review.scores == {"fit": 4} and review.comments == {"fit": "Good fit."}
    assert 'value="4"' in page and "Promising." in page  # the form shows the saved draft again


def test_a_submitted_review_is_read_only(client, published_field):
    assignment = mine(published_field.experts["hugo"]).first()
    client.force_login(assignment.expert.user)
    url = reverse("reviews:review", args=[assignment.pk])
    client.post(url, {**FULL, "submit": "1"})
    review = Review.objects.get(assignment=assignment)
    assert review.status == Review.Status.SUBMITTED and review.scores["commercial"] == 5
    assert review.recommendation == "yes" and review.submitted_at is not None
    response = client.post(url, {**FULL, "score_fit": "1", "save": "1"}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    review.refresh_from_db()
    assert review.scores["fit"] == 4
    # One move, one audit event: the refused second save writes none.
    assert AuditEvent.objects.filter(action="review:submitted").count() == 1


def test_a_review_after_the_deadline_is_accepted_and_marked_late(client, published_field, stella, call):
    field = published_field
    field.review_rules.review_deadline = timezone.now() - timedelta(hours=2)
    field.review_rules.save()
    assignment = mine(field.experts["ines"]).first()
    client.force_login(assignment.expert.user)
    assert "Late" in client.get(reverse("reviews:mine")).content.decode()
    client.post(reverse("reviews:review", args=[assignment.pk]), {**FULL, "submit": "1"})
    review = Review.objects.get(assignment=assignment)
    assert review.status == Review.Status.SUBMITTED
    assert actions.is_late(review, field.review_rules.review_deadline)
    event = AuditEvent.objects.get(action="review:submitted", object_id=str(review.pk))
    assert (event.from_state, event.to_state, event.note) == ("draft", "submitted", "After the deadline")
    client.force_login(stella)
    page = client.get(reverse("reviews:application_reviews", args=[call.slug, assignment.application_id]))
    assert "Late" in page.content.decode()


def test_a_score_outside_one_to_five_is_refused(published_field):
    assignment = mine(published_field.experts["eva"]).first()
    with pytest.raises(Exception, match="from 1 to 5"):
        actions.check_save_review(assignment, assignment.expert.user, actions.ReviewData(scores={"fit": 9}))


def test_declining_from_the_page_needs_a_reason_then_reassigns(
    client, published_field, django_capture_on_commit_callbacks
):
    assignment = mine(published_field.experts["rolf"]).first()
    client.force_login(assignment.expert.user)
    url = reverse("reviews:decline", args=[assignment.pk])
    assert "This field is required" in client.post(url, {"reason": ""}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "I co-wrote a paper with their CTO."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DECLINED
    assert Assignment.objects.filter(
        application=assignment.application,
        status=Assignment.Status.ACTIVE,
        source=Assignment.Source.REASSIGNMENT,
    ).exists()
    assert client.get(reverse("reviews:review", args=[assignment.pk])).status_code == 404


def test_reminders_go_once_a_day_to_experts_with_reviews_due(
    published_field, django_capture_on_commit_callbacks
):
    field = published_field
    field.review_rules.review_deadline = timezone.now() + timedelta(days=2)
    field.review_rules.save()
    hugo, eva = field.experts["hugo"], field.experts["eva"]
    eva.user.language = "fr"
    eva.user.save()
    for assignment in mine(hugo):  # Hugo has submitted everything: no reminder for him
        actions.check_submit_review(
            assignment,
            hugo.user,
            actions.ReviewData(
                scores={"fit": 4, "feasibility": 4, "commercial": 4, "team": 4}, recommendation="yes"
            ),
        )
    busy = {a.expert for a in Assignment.objects.filter(status=Assignment.Status.ACTIVE)} - {hugo}
    call_command("send_review_reminders", "--days", "3", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.email for e in busy)
    letter = next(m for m in mail.outbox if m.to == [eva.email])
    assert mine(eva).first().application.reference in letter.body
    assert "L’équipe Lodestar" in letter.body  # in Eva's language
    assert Review.objects.filter(reminders_sent=1, last_reminder_at__isnull=False).count() == sum(
        mine(e).count() for e in busy
    )
    mail.outbox.clear()
    assert actions.do_send_review_reminders(days=3) == 0  # the same day: nothing more
    assert actions.do_send_review_reminders(days=3, now=timezone.now() + timedelta(days=1, minutes=1)) == len(
        busy
    )


def test_no_reminder_for_a_deadline_far_away(published_field):
    published_field.review_rules.review_deadline = timezone.now() + timedelta(days=10)
    published_field.review_rules.save()
    assert actions.do_send_review_reminders(days=3) == 0
    assert not mail.outbox


def test_submitting_a_review_takes_a_handful_of_queries(published_field, django_assert_max_num_queries):
    assignment = (
        mine(published_field.experts["eva"]).select_related("expert", "application__challenge__call").first()
    )
    data = actions.ReviewData(
        scores={"fit": 4, "feasibility": 4, "commercial": 4, "team": 4}, recommendation="yes"
    )
    expert_user = assignment.expert.user
    # Set-up, review, insert in its own savepoint (two tabs creating one review: the second updates
    # the first's row); the application's lock (issue 14: no review once the application is decided);
    # the move: savepoint, lock, update, audit, release (+ content type, once).
    with django_assert_max_num_queries(13):
        actions.check_submit_review(assignment, expert_user, data)


def test_staff_remind_a_late_expert_by_hand_once_an_hour(client, published_field, call, stella, alice):
    field = published_field
    eva = field.experts["eva"]
    eva.user.language = "fr"
    eva.user.save()
    url = reverse("reviews:remind_expert", args=[call.slug, eva.pk])
    client.force_login(alice)  # an applicant may not remind anyone
    assert client.post(url).status_code in (403, 404)
    assert not mail.outbox
    client.force_login(stella)
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert response.status_code == 200
    [letter] = mail.outbox
    assert letter.to == [eva.email] and "L’équipe Lodestar" in letter.body
    for assignment in mine(eva):
        assert assignment.application.reference in letter.body
    assert Review.objects.filter(assignment__expert=eva, reminders_sent=1).count() == mine(eva).count()
    assert AuditEvent.objects.filter(action="reviews:expert_reminded").count() == 1
    # A second click within the hour is refused with the reason, and sends nothing.
    page = client.post(url, follow=True).content.decode()
    assert len(mail.outbox) == 1 and "wait an hour" in page
    # An expert with nothing left to write is not reminded.
    hugo = field.experts["hugo"]
    for assignment in mine(hugo):
        actions.check_submit_review(
            assignment,
            hugo.user,
            actions.ReviewData(
                scores={"fit": 4, "feasibility": 4, "commercial": 4, "team": 4}, recommendation="yes"
            ),
        )
    page = client.post(reverse("reviews:remind_expert", args=[call.slug, hugo.pk]), follow=True)
    assert "no review left to write" in page.content.decode() and len(mail.outbox) == 1


def test_the_progress_page_offers_a_reminder_only_where_reviews_are_missing(
    client, published_field, call, stella
):
    field = published_field
    hugo = field.experts["hugo"]
    for assignment in mine(hugo):
        actions.check_submit_review(
            assignment,
            hugo.user,
            actions.ReviewData(
                scores={"fit": 4, "feasibility": 4, "commercial": 4, "team": 4}, recommendation="yes"
            ),
        )
    client.force_login(stella)
    page = client.get(reverse("reviews:progress", args=[call.slug])).content.decode()
    assert reverse("reviews:remind_expert", args=[call.slug, field.experts["eva"].pk]) in page
    assert reverse("reviews:remind_expert", args=[call.slug, hugo.pk]) not in page
