"""The review stages' API: assignments, reviews and the ranking for staff; each expert's own
assignments and reviews (mounted by lodestar.api)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lodestar.core.api import Code, Comment, LongComment, Rows, caller, paged, require_staff
from lodestar.programmes.queries import team_call
from lodestar.reviews.actions.reviewing import ReviewData, check_save_review, check_submit_review
from lodestar.reviews.models import Assignment, RankingEntry, Review

router = Router(tags=["review"])


class AssignmentOut(Schema):
    id: int
    application: int
    expert: int
    status: str
    source: str
    score: float
    explanation: dict


class ReviewOut(Schema):
    id: int
    assignment: int
    application: int
    expert: int  # staff read every review; an expert reads only its own
    status: str
    scores: dict
    comments: dict
    overall: str
    recommendation: str
    submitted_at: datetime | None


class RankingOut(Schema):
    application: int
    reference: str
    title: str
    rank: int
    raw_rank: int
    calibrated: float
    lower: float
    upper: float
    mean: float
    median: float
    reviews: int
    disagreement: bool


class ReviewIn(Schema):
    """An expert's review: scores 1-5 by criterion code, comments by code, and whether to submit it."""

    scores: dict[Code, int | None] = {}
    comments: dict[Code, Comment] = {}
    overall: LongComment = ""
    recommendation: Code = ""
    submit: bool = False


def _assignment_out(a: Assignment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "application": a.application_id,
        "expert": a.expert_id,
        "status": a.status,
        "source": a.source,
        "score": a.score,
        "explanation": a.explanation,
    }


def _review_out(review: Review) -> dict[str, Any]:
    return {
        "id": review.pk,
        "assignment": review.assignment_id,
        "application": review.assignment.application_id,
        "expert": review.assignment.expert_id,
        "status": review.status,
        "scores": review.scores,
        "comments": review.comments,
        "overall": review.overall,
        "recommendation": review.recommendation,
        "submitted_at": review.submitted_at,
    }


def _ranking_out(r: RankingEntry) -> dict[str, Any]:
    return {
        "application": r.application_id,
        "reference": r.application.reference,
        "title": r.application.title,
        "rank": r.rank,
        "raw_rank": r.raw_rank,
        "calibrated": r.calibrated,
        "lower": r.lower,
        "upper": r.upper,
        "mean": r.mean,
        "median": r.median,
        "reviews": r.reviews,
        "disagreement": r.disagreement,
    }


@router.get("/calls/{slug}/assignments", response=list[AssignmentOut])
@paged
def list_assignments(request: HttpRequest, slug: str) -> Rows:
    """Proposed, published and declined assignments of a call (programme staff only)."""
    call = team_call(require_staff(request), slug)
    return Rows(Assignment.objects.filter(application__challenge__call=call).order_by("pk"), _assignment_out)


@router.get("/me/assignments", response=list[AssignmentOut])
def my_assignments(request: HttpRequest) -> list[dict[str, Any]]:
    """The caller's published assignments (experts); nothing for anyone else."""
    user = caller(request)
    mine = Assignment.objects.filter(expert__user=user, status=Assignment.Status.ACTIVE).order_by("pk")
    return [_assignment_out(a) for a in mine]


@router.get("/calls/{slug}/reviews", response=list[ReviewOut])
@paged
def list_reviews(request: HttpRequest, slug: str) -> Rows:
    call = team_call(require_staff(request), slug)
    reviews = Review.objects.filter(assignment__application__challenge__call=call).select_related(
        "assignment"
    )
    return Rows(reviews.order_by("pk"), _review_out)


@router.get("/me/reviews/{assignment_id}", response=ReviewOut)
def my_review(request: HttpRequest, assignment_id: int) -> dict[str, Any]:
    review = get_object_or_404(
        Review.objects.select_related("assignment"),
        assignment_id=assignment_id,
        assignment__expert__user=caller(request),
        assignment__status=Assignment.Status.ACTIVE,
    )
    return _review_out(review)


@router.put("/me/reviews/{assignment_id}", response=ReviewOut)
def write_my_review(request: HttpRequest, assignment_id: int, payload: ReviewIn) -> dict[str, Any]:
    """Save the caller's review of an assignment as a draft, or submit it (`"submit": true`)."""
    user = caller(request)
    assignment = get_object_or_404(
        Assignment.objects.select_related("application__challenge__call", "expert"),
        pk=assignment_id,
        expert__user=user,
        status=Assignment.Status.ACTIVE,
    )
    data = ReviewData(
        scores=payload.scores,
        comments=payload.comments,
        overall=payload.overall,
        recommendation=payload.recommendation,
    )
    review = (check_submit_review if payload.submit else check_save_review)(assignment, user, data)
    return _review_out(review)


@router.get("/calls/{slug}/ranking", response=list[RankingOut])
@paged
def ranking(request: HttpRequest, slug: str) -> Rows:
    """The call's ranking: calibrated merit with its interval beside the raw mean and median."""
    call = team_call(require_staff(request), slug)
    rows = RankingEntry.objects.filter(call=call).select_related("application").order_by("rank")
    return Rows(rows, _ranking_out)
