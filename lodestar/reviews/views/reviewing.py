"""The expert's pages: its published assignments, the review form, declining an assignment.

Every page looks the assignment up among the signed-in expert's own active ones: another expert's
assignment, a proposed or a declined one does not exist here (404).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lodestar.accounts.users import signed_in_user
from lodestar.core.errors import error_text
from lodestar.core.i18n import current_language
from lodestar.core.permissions import expert_only
from lodestar.reviews.actions import reviewing as actions
from lodestar.reviews.forms import DeclineForm, ReviewForm
from lodestar.reviews.models import Assignment, Review
from lodestar.reviews.models.rules import review_rules


def _mine(request: HttpRequest) -> QuerySet[Assignment]:
    return Assignment.objects.filter(expert__user=signed_in_user(request), status=Assignment.Status.ACTIVE)


def _state(assignment: Assignment, review: Review | None) -> str:
    if review is not None and review.status == Review.Status.SUBMITTED:
        return "submitted"
    if assignment.application.status not in actions.OPEN_FOR_REVIEW:
        # The application was decided (the cohort confirmed) before this review came in.
        return "closed"
    if review is not None and (review.scores or review.comments or review.overall or review.recommendation):
        return "draft"
    return "not_started"


@expert_only
def mine(request: HttpRequest) -> HttpResponse:
    assignments = list(
        _mine(request)
        .select_related("application__challenge__call__review_rules", "review")
        .order_by("application__challenge__call_id", "application_id")
    )
    now = timezone.now()
    rows = []
    for assignment in assignments:
        review = actions.review_of(assignment)
        deadline = getattr(
            getattr(assignment.application.challenge.call, "review_rules", None), "review_deadline", None
        )
        rows.append(
            {
                "assignment": assignment,
                "application": assignment.application,
                "review": review,
                "state": _state(assignment, review),
                "deadline": deadline,
                "late": actions.is_late(review, deadline, now),
            }
        )
    return render(request, "reviews/reviewing/mine.html", {"rows": rows})


@expert_only
def review(request: HttpRequest, assignment_pk: int) -> HttpResponse:
    assignment = get_object_or_404(
        _mine(request).select_related("application__challenge__call", "application__organisation", "expert"),
        pk=assignment_pk,
    )
    application = assignment.application
    setup = review_rules(application.call)
    existing = actions.review_of(assignment)
    language = current_language()
    form = ReviewForm(
        request.POST or None, setup=setup, language=language, initial=ReviewForm.initial_from(existing)
    )
    if request.method == "POST" and form.is_valid():
        data = form.review_data()
        user = signed_in_user(request)
        try:
            if "submit" in request.POST:
                actions.check_submit_review(assignment, user, data)
            else:
                actions.check_save_review(assignment, user, data)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            if "submit" in request.POST:
                messages.success(request, _("Your review is submitted. Thank you."))
                return redirect("reviews:mine")
            messages.success(request, _("Your draft is saved."))
        return redirect("reviews:review", assignment_pk=assignment.pk)
    submitted = existing is not None and existing.status == Review.Status.SUBMITTED
    return render(
        request,
        "reviews/reviewing/review.html",
        {
            "assignment": assignment,
            "application": application,
            "call": application.call,
            "setup": setup,
            "blind": setup.blind,
            "team": application.team.all(),
            "areas": application.areas.all(),
            "attachments": application.attachments.all(),
            "form": form,
            "review": existing,
            "submitted": submitted,
            "scored": [
                (
                    setup.criterion_label(code, language),
                    existing.scores.get(code),
                    existing.comments.get(code, ""),
                )
                for code in setup.criterion_codes
            ]
            if submitted and existing
            else [],
            "late": actions.is_late(existing, setup.review_deadline),
            "open": application.status in actions.OPEN_FOR_REVIEW,
        },
    )


@expert_only
def decline(request: HttpRequest, assignment_pk: int) -> HttpResponse:
    assignment = get_object_or_404(
        _mine(request).select_related("application__challenge__call", "expert"), pk=assignment_pk
    )
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_decline(assignment, signed_in_user(request), form.cleaned_data["reason"])
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request,
                _("You no longer review %(ref)s; staff are told why.")
                % {"ref": assignment.application.reference},
            )
            return redirect("reviews:mine")
    return render(
        request,
        "reviews/reviewing/decline.html",
        {"assignment": assignment, "application": assignment.application, "form": form},
    )
