"""Lodestar's REST API (django-ninja): the same permission rules as the pages, the same actions.

Served at /api/ with its OpenAPI schema at /api/openapi.json and interactive docs at /api/docs.
Staff-only reads answer 403 to others; an object outside what the caller may see answers 404.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, overload

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI
from ninja.pagination import LimitOffsetPagination, paginate

from lodestar.api.auth import AUTH, require_director, require_staff
from lodestar.api.schemas import (
    ApplicationOut,
    AssignmentOut,
    CallOut,
    ExpertOut,
    RankingOut,
    ReviewIn,
    ReviewOut,
    ScreeningIn,
    SelectionOut,
)
from lodestar.applications.actions import check_screen
from lodestar.applications.models import Application
from lodestar.core.errors import error_text
from lodestar.core.workflow import TransitionNotAllowed
from lodestar.experts.models import Expert
from lodestar.programmes.models import Call, Challenge
from lodestar.reviews.actions.reviewing import ReviewData, check_save_review, check_submit_review
from lodestar.reviews.models import Assignment, RankingEntry, Review
from lodestar.selection.actions import check_confirm_selection, check_run_selection
from lodestar.selection.models import Selection

api = NinjaAPI(
    title="Lodestar API",
    version="1",
    description="Calls, applications, experts, assignments, reviews, rankings and selections.",
    urls_namespace="api",
    auth=AUTH,
)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": error_text(exc)}, status=400)


@api.exception_handler(TransitionNotAllowed)
def not_allowed(request: HttpRequest, exc: TransitionNotAllowed) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=409)


class Rows(Sequence[dict[str, Any]]):
    """A queryset read lazily for the pager: only the requested page is fetched and shaped, and the
    total is one COUNT, however large the call."""

    def __init__(self, queryset: QuerySet[Any], shape: Callable[[Any], dict[str, Any]]) -> None:
        self.queryset, self.shape = queryset, shape

    def __len__(self) -> int:
        return self.queryset.count()

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self.shape(row) for row in self.queryset[index]]
        return self.shape(self.queryset[index])


def _call_out(call: Call) -> dict[str, Any]:
    return {
        "slug": call.slug,
        "programme": call.programme.name_en,
        "title_en": call.title_en,
        "title_fr": call.title_fr,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "is_open": call.is_open(),
        "max_grant": call.max_grant,
        "eligible_nations": call.eligible_nations,
        "challenges": [
            {
                "id": c.pk,
                "slug": c.slug,
                "title_en": c.title_en,
                "title_fr": c.title_fr,
                "summary_en": c.summary_en,
                "summary_fr": c.summary_fr,
                "areas": [a.code for a in c.areas.all()],
            }
            for c in call.challenges.all()
        ],
    }


def _calls() -> QuerySet[Call]:
    return (
        Call.objects.published()
        .select_related("programme")
        .prefetch_related(Prefetch("challenges", queryset=Challenge.objects.prefetch_related("areas")))
    )


@api.get("/calls", response=list[CallOut], auth=None, tags=["calls"])
def list_calls(request: HttpRequest) -> list[dict[str, Any]]:
    """Published calls with their challenges, in both languages (no authentication needed)."""
    return [_call_out(c) for c in _calls().order_by("-closes_at")]


@api.get("/calls/{slug}", response=CallOut, auth=None, tags=["calls"])
def get_call(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _call_out(get_object_or_404(_calls(), slug=slug))


def _application_out(application: Application, user: Any) -> dict[str, Any]:
    setup = getattr(application.challenge.call, "review_setup", None)
    hidden = (
        setup is not None and setup.blind and not user.is_programme_team and not application.is_member(user)
    )
    return {
        "id": application.pk,
        "reference": application.reference,
        "call": application.challenge.call.slug,
        "challenge": application.challenge.slug,
        "title": application.title,
        "summary": application.summary,
        "status": application.status,
        "language": application.language,
        "trl": application.trl,
        "requested_amount": application.requested_amount,
        "submitted_at": application.submitted_at,
        "eligibility_verdict": application.eligibility_verdict,
        "organisation": None if hidden else application.organisation.legal_name,
        "nation": None if hidden else application.organisation.headquarters_nation,
    }


@api.get("/calls/{slug}/applications", response=list[ApplicationOut], tags=["applications"])
@paginate(LimitOffsetPagination)
def list_applications(
    request: HttpRequest, slug: str, status: str = "", challenge: str = "", nation: str = ""
) -> Rows:
    """Every application of a call (programme staff only), filtered by status, challenge slug or nation."""
    user = require_staff(request)
    call = get_object_or_404(Call, slug=slug)
    qs = Application.objects.filter(challenge__call=call).select_related(
        "challenge__call__review_setup", "organisation"
    )
    if status:
        qs = qs.filter(status=status)
    if challenge:
        qs = qs.filter(challenge__slug=challenge)
    if nation:
        qs = qs.filter(organisation__headquarters_nation=nation.upper())
    return Rows(qs.order_by("pk"), lambda a: _application_out(a, user))


@api.get("/applications/{application_id}", response=ApplicationOut, tags=["applications"])
def get_application(request: HttpRequest, application_id: int) -> dict[str, Any]:
    """One application: staff see any, members their organisation's, experts those assigned to them."""
    user: Any = request.auth  # type: ignore[attr-defined]
    application = get_object_or_404(
        Application.objects.visible_to(user).select_related("challenge__call", "organisation"),
        pk=application_id,
    )
    return _application_out(application, user)


def _expert_out(expert: Expert) -> dict[str, Any]:
    return {
        "id": expert.pk,
        "full_name": expert.full_name,
        "email": expert.email,
        "nation": expert.nation,
        "organisation": expert.organisation_name,
        "pool": expert.pool,
        "max_load": expert.max_load,
        "available": expert.available,
        "review_languages": expert.review_languages,
        "areas": [a.code for a in expert.areas.all()],
    }


@api.get("/experts", response=list[ExpertOut], tags=["experts"])
@paginate(LimitOffsetPagination)
def list_experts(request: HttpRequest) -> Rows:
    require_staff(request)
    return Rows(Expert.objects.prefetch_related("areas").order_by("pk"), _expert_out)


@api.get("/experts/me", response=ExpertOut, tags=["experts"])
def my_expert_profile(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    return _expert_out(get_object_or_404(Expert.objects.prefetch_related("areas"), user=user))


@api.get("/experts/{expert_id}", response=ExpertOut, tags=["experts"])
def get_expert(request: HttpRequest, expert_id: int) -> dict[str, Any]:
    require_staff(request)
    return _expert_out(get_object_or_404(Expert.objects.prefetch_related("areas"), pk=expert_id))


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


@api.get("/calls/{slug}/assignments", response=list[AssignmentOut], tags=["review"])
@paginate(LimitOffsetPagination)
def list_assignments(request: HttpRequest, slug: str) -> Rows:
    """Proposed, published and declined assignments of a call (programme staff only)."""
    require_staff(request)
    call = get_object_or_404(Call, slug=slug)
    return Rows(Assignment.objects.filter(application__challenge__call=call).order_by("pk"), _assignment_out)


@api.get("/me/assignments", response=list[AssignmentOut], tags=["review"])
def my_assignments(request: HttpRequest) -> list[dict[str, Any]]:
    """The caller's published assignments (experts); nothing for anyone else."""
    user: Any = request.auth  # type: ignore[attr-defined]
    mine = Assignment.objects.filter(expert__user=user, status=Assignment.Status.ACTIVE).order_by("pk")
    return [_assignment_out(a) for a in mine]


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


@api.get("/calls/{slug}/reviews", response=list[ReviewOut], tags=["review"])
@paginate(LimitOffsetPagination)
def list_reviews(request: HttpRequest, slug: str) -> Rows:
    require_staff(request)
    call = get_object_or_404(Call, slug=slug)
    reviews = Review.objects.filter(assignment__application__challenge__call=call).select_related(
        "assignment"
    )
    return Rows(reviews.order_by("pk"), _review_out)


@api.get("/me/reviews/{assignment_id}", response=ReviewOut, tags=["review"])
def my_review(request: HttpRequest, assignment_id: int) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    review = get_object_or_404(
        Review.objects.select_related("assignment"),
        assignment_id=assignment_id,
        assignment__expert__user=user,
        assignment__status=Assignment.Status.ACTIVE,
    )
    return _review_out(review)


@api.get("/calls/{slug}/ranking", response=list[RankingOut], tags=["review"])
@paginate(LimitOffsetPagination)
def ranking(request: HttpRequest, slug: str) -> Rows:
    """The call's ranking: calibrated merit with its interval beside the raw mean and median."""
    require_staff(request)
    call = get_object_or_404(Call, slug=slug)
    rows = RankingEntry.objects.filter(call=call).select_related("application").order_by("rank")
    return Rows(rows, _ranking_out)


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


def _selection_out(selection: Selection) -> dict[str, Any]:
    return {
        "id": selection.pk,
        "call": selection.call.slug,
        "status": selection.status,
        "feasible": selection.feasible,
        "proven_optimal": selection.proven_optimal,
        "objective": selection.objective,
        "cost": selection.cost,
        "diagnosis": selection.diagnosis,
        "created_at": selection.created_at,
        "confirmed_at": selection.confirmed_at,
        "entries": [
            {
                "application": e.application_id,
                "rank": e.rank,
                "merit": e.merit,
                "chosen": e.chosen,
                "near_line": e.near_line,
                "reasons": e.reasons,
                "override": e.override,
                "override_reason": e.override_reason,
            }
            for e in selection.entries.all()
        ],
    }


@api.get("/calls/{slug}/selection", response=SelectionOut, tags=["selection"])
def latest_selection(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The call's latest selection with every candidate and the reasons near the line."""
    require_staff(request)
    call = get_object_or_404(Call, slug=slug)
    selection = (
        Selection.objects.filter(call=call)
        .select_related("call")
        .prefetch_related("entries")
        .order_by("-created_at", "-id")
        .first()
    )
    if selection is None:
        raise Http404
    return _selection_out(selection)


# --- Writes: the same actions as the pages, the same refusals (400 with the message, 403, 404).


@api.post("/applications/{application_id}/screening", response=ApplicationOut, tags=["applications"])
def screen_application(request: HttpRequest, application_id: int, payload: ScreeningIn) -> dict[str, Any]:
    """Accept the automatic eligibility result or override it (a note is required to override)."""
    user = require_staff(request)
    application = get_object_or_404(Application.objects.select_related("challenge__call"), pk=application_id)
    check_screen(application, user, payload.decision, payload.note)
    application.refresh_from_db()
    return _application_out(application, user)


@api.put("/me/reviews/{assignment_id}", response=ReviewOut, tags=["review"])
def write_my_review(request: HttpRequest, assignment_id: int, payload: ReviewIn) -> dict[str, Any]:
    """Save the caller's review of an assignment as a draft, or submit it (`"submit": true`)."""
    user: Any = request.auth  # type: ignore[attr-defined]
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


@api.post("/calls/{slug}/selection", response=SelectionOut, tags=["selection"])
def run_selection(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Run the selection under the call's rules and the director's overrides (programme director)."""
    user = require_director(request)
    selection = check_run_selection(get_object_or_404(Call, slug=slug), user)
    return _selection_out(
        Selection.objects.select_related("call").prefetch_related("entries").get(pk=selection.pk)
    )


@api.post("/selections/{selection_id}/confirmation", response=SelectionOut, tags=["selection"])
def confirm_selection(request: HttpRequest, selection_id: int) -> dict[str, Any]:
    """Confirm a proposed selection: decisions move through the workflow and letters are sent."""
    user = require_director(request)
    selection = get_object_or_404(Selection.objects.select_related("call"), pk=selection_id)
    check_confirm_selection(selection, user)
    return _selection_out(
        Selection.objects.select_related("call").prefetch_related("entries").get(pk=selection.pk)
    )


__all__ = ["api"]
