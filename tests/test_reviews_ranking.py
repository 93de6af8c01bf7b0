"""Follow-up: progress per expert and per challenge, the calibrated ranking beside the raw one with
disagreement flags, and the reviewers' comments for staff.

The planted call: 24 applications of known merit, each reviewed by three of six experts in a
cyclic design; expert 0 is lenient (+1 on every score) and expert 1 harsh (-1). Application 12's
reviewers disagree for real: expert 3 scores it 1 whatever its merit.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.models import AuditEvent
from lodestar.experts.models import Expert
from lodestar.organisations.models import Organisation
from lodestar.reviews.actions.ranking import do_compute_ranking
from lodestar.reviews.models import Assignment, RankingEntry, Review, ReviewRules

LENIENCY = {0: 1.0, 1: -1.0}
CRITERIA = ("fit", "feasibility", "commercial", "team")


def merits(n):
    """Merits from 4 down to 2, so that no lenient or harsh score is cut at 1 or 5."""
    return [4.0 - i * 2.0 / (n - 1) for i in range(n)]


def scores_for(target):
    """Four whole scores whose mean is `target` to the nearest quarter."""
    quarters = round(min(5.0, max(1.0, target)) * 4)
    base, extra = divmod(quarters, 4)
    return dict(zip(CRITERIA, [base + 1] * extra + [base] * (4 - extra), strict=True))


def reviewers(p):
    return [p % 6, (p + 1) % 6, (p + 3) % 6]


def planted_call(call, energy, sensing, n=24):
    now = timezone.now()
    experts = [
        Expert.objects.create(
            full_name=f"Expert {i}", email=f"e{i}@review.example", nation="DK", expertise="x"
        )
        for i in range(6)
    ]
    applications = []
    for p, merit in enumerate(merits(n)):
        organisation = Organisation.objects.create(
            legal_name=f"Org {p}", headquarters_nation="FR", kind="startup", year_founded=2020, employees=5
        )
        application = Application.objects.create(
            challenge=energy if p % 2 == 0 else sensing,
            organisation=organisation,
            title=f"Proposal {p}",
            summary="A proposal.",
            description="A proposal.",
            status=wf.UNDER_REVIEW,
        )
        applications.append(application)
        for e in reviewers(p):
            target = merit + LENIENCY.get(e, 0.0)
            if p == 12 and e == 3:
                target = 1.0
            assignment = Assignment.objects.create(
                application=application, expert=experts[e], status=Assignment.Status.ACTIVE, published_at=now
            )
            Review.objects.create(
                assignment=assignment,
                scores=scores_for(target),
                comments={"fit": f"Comment of expert {e} on proposal {p}."},
                overall=f"Overall view of expert {e}.",
                recommendation="yes",
                status=Review.Status.SUBMITTED,
                submitted_at=now - timedelta(days=2),
            )
    ReviewRules.objects.create(call=call, review_deadline=now + timedelta(days=1))
    return applications, experts


def entry(application):
    return RankingEntry.objects.get(application=application)


def test_calibration_corrects_the_harsh_and_the_lenient_expert(call, energy, sensing, stella):
    applications, _experts = planted_call(call, energy, sensing)
    assert do_compute_ranking(call, stella) == 24
    harshly_reviewed = entry(applications[1])  # second best, reviewed by the harsh expert, not the lenient
    assert harshly_reviewed.rank == 2
    assert harshly_reviewed.raw_rank >= 4
    leniently_reviewed = entry(applications[3])  # fourth best, reviewed by the lenient expert
    assert leniently_reviewed.raw_rank == 1 and leniently_reviewed.rank >= 3
    # Overall, the calibrated order is closer to the truth than the raw one.
    calibrated = sum(abs(entry(a).rank - (p + 1)) for p, a in enumerate(applications) if p != 12)
    raw = sum(abs(entry(a).raw_rank - (p + 1)) for p, a in enumerate(applications) if p != 12)
    assert calibrated < raw / 2
    assert harshly_reviewed.lower < harshly_reviewed.calibrated < harshly_reviewed.upper


def test_real_disagreement_is_flagged_and_only_it(call, energy, sensing, stella):
    applications, _experts = planted_call(call, energy, sensing)
    do_compute_ranking(call, stella)
    flagged = set(
        RankingEntry.objects.filter(call=call, disagreement=True).values_list("application_id", flat=True)
    )
    assert flagged == {applications[12].pk}


def test_recomputing_replaces_the_ranking_and_is_recorded(client, call, energy, sensing, stella):
    planted_call(call, energy, sensing)
    client.force_login(stella)
    for _ in range(2):
        response = client.post(reverse("reviews:recompute", args=[call.slug]), follow=True)
        assert "24 applications ranked" in response.content.decode()
    assert RankingEntry.objects.filter(call=call).count() == 24
    assert AuditEvent.objects.filter(action="reviews:ranking_computed").count() == 2


def test_the_ranking_page_shows_both_rankings_and_flags(client, call, energy, sensing, stella):
    applications, _experts = planted_call(call, energy, sensing)
    do_compute_ranking(call, stella)
    client.force_login(stella)
    page = client.get(reverse("reviews:ranking", args=[call.slug])).content.decode()
    assert "Calibrated merit" in page and "Rank by mean" in page and "Reviews disagree" in page
    assert applications[12].title in page
    flagged = client.get(reverse("reviews:ranking", args=[call.slug]), {"disagreement": "1"})
    assert applications[12].title in flagged.content.decode()
    assert applications[0].title not in flagged.content.decode()


def test_the_ranking_page_reads_only_ranking_rows_in_a_fixed_number_of_queries(
    client, call, energy, sensing, stella, django_assert_max_num_queries
):
    planted_call(call, energy, sensing, n=60)
    do_compute_ranking(call, stella)
    client.force_login(stella)
    url = reverse("reviews:ranking", args=[call.slug])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200 and response.content.decode().count("Proposal ") >= 50
    with django_assert_max_num_queries(20):
        assert client.get(url, {"page": 2}).status_code == 200


def test_staff_read_every_reviewers_comments(client, call, energy, sensing, stella):
    applications, _experts = planted_call(call, energy, sensing)
    do_compute_ranking(call, stella)
    client.force_login(stella)
    page = client.get(
        reverse("reviews:application_reviews", args=[call.slug, applications[5].pk])
    ).content.decode()
    for e in reviewers(5):
        assert f"Comment of expert {e} on proposal 5." in page
        assert f"Expert {e}" in page
    assert "Fit to the challenge and transformative potential" in page


def test_progress_counts_done_and_late_per_expert_and_challenge(client, call, energy, sensing, stella):
    applications, experts = planted_call(call, energy, sensing)
    for review in Review.objects.filter(assignment__expert=experts[2]):
        review.status = Review.Status.DRAFT
        review.submitted_at = None
        review.save()
    ReviewRules.objects.filter(call=call).update(review_deadline=timezone.now() - timedelta(hours=1))
    client.force_login(stella)
    response = client.get(reverse("reviews:progress", args=[call.slug]))
    rows = {row["label"]: row for row in response.context["by_expert"]}
    assert rows["Expert 2"]["submitted"] == 0 and rows["Expert 2"]["late"] == 12
    assert rows["Expert 0"]["submitted"] == 12 and rows["Expert 0"]["late"] == 0
    assert response.context["totals"] == {
        "assigned": 72,
        "submitted": 60,
        "drafts": 12,
        "missing": 12,
        "late": 12,
        "percent": 83,
    }
    by_challenge = {row["label"]: row for row in response.context["by_challenge"]}
    assert sum(row["assigned"] for row in by_challenge.values()) == 72
    assert "Energy and power" in by_challenge


def test_only_programme_staff_see_the_follow_up(client, call, energy, sensing, erin, alice):
    planted_call(call, energy, sensing)
    for person in (erin, alice):
        client.force_login(person)
        for name in ("progress", "ranking"):
            assert client.get(reverse(f"reviews:{name}", args=[call.slug])).status_code == 403
        assert client.post(reverse("reviews:recompute", args=[call.slug])).status_code == 403
    assert not RankingEntry.objects.exists()


def test_the_ranking_page_counts_only_applications_without_any_submitted_review_as_waiting(
    client, stella, call, energy, alice, aurora
):
    from lodestar.applications import actions as app_actions
    from lodestar.applications import workflow as wf
    from lodestar.applications.models import Application
    from lodestar.experts.models import Expert
    from lodestar.reviews.models import Assignment, Review
    from tests.conftest import complete_draft

    application = complete_draft(alice, aurora, energy)
    app_actions.check_submit(application, alice)
    Application.objects.filter(pk=application.pk).update(status=wf.UNDER_REVIEW)
    expert = Expert.objects.create(full_name="Eve", email="eve@x.example", nation="DK", expertise="x")
    assignment = Assignment.objects.create(application=application, expert=expert, status="active")
    client.force_login(stella)
    url = f"/en/staff/calls/{call.slug}/ranking/"
    assert client.get(url).context["waiting"] == 1
    Review.objects.create(assignment=assignment, status=Review.Status.SUBMITTED, scores={"fit": 3})
    assert client.get(url).context["waiting"] == 0  # reviewed, only not ranked yet
