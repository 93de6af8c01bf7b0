"""Staff pages of the follow-up: review progress per expert and per challenge, the calibrated ranking
beside the raw one, and an application's reviews with their comments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lodestar.accounts.users import signed_in_user
from lodestar.applications.models import Application
from lodestar.core.errors import error_text, parse_id
from lodestar.core.i18n import current_language
from lodestar.core.mail import letters_about
from lodestar.core.permissions import staff_only
from lodestar.experts.models import Expert
from lodestar.programmes.models import Call
from lodestar.programmes.queries import team_call
from lodestar.reviews import workflow as rwf
from lodestar.reviews.actions import ranking as actions
from lodestar.reviews.actions.reviewing import (
    REMINDER_TEMPLATE,
    check_remind_expert,
    is_late,
    preview_reminder,
    review_of,
)
from lodestar.reviews.engine_adapter import ranking as ranking_adapter
from lodestar.reviews.models import Assignment, RankingEntry, Review, ReviewRules
from lodestar.reviews.models.rules import review_rules

PAGE_SIZE = 50


def _progress_rows(call: Call, setup: ReviewRules, group: str, label: str) -> list[dict[str, Any]]:
    """Published reviews grouped by `group`: assigned, submitted, drafts and late, in one query."""
    now = timezone.now()
    deadline = setup.review_deadline
    submitted = Q(review__status=Review.Status.SUBMITTED)
    counts: dict[str, Any] = {
        "assigned": Count("id"),
        "submitted": Count("id", filter=submitted),
        "drafts": Count("id", filter=Q(review__status=Review.Status.DRAFT) & ~Q(review__scores={})),
    }
    if deadline is not None:
        counts["late_submitted"] = Count("id", filter=submitted & Q(review__submitted_at__gt=deadline))
    rows = (
        Assignment.objects.filter(application__challenge__call=call, status=Assignment.Status.ACTIVE)
        .values(group, label)
        .annotate(**counts)
        .order_by(label)
    )
    overdue = deadline is not None and now > deadline
    out = []
    for row in rows:
        missing = row["assigned"] - row["submitted"]
        late = row.get("late_submitted", 0) + (missing if overdue else 0)
        out.append(
            {
                "label": row[label],
                "id": row[group],
                "assigned": row["assigned"],
                "submitted": row["submitted"],
                "drafts": row["drafts"],
                "missing": missing,
                "late": late,
                "percent": round(100 * row["submitted"] / row["assigned"]) if row["assigned"] else 0,
            }
        )
    return out


@staff_only
def progress(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    setup = review_rules(call)
    by_expert = _progress_rows(call, setup, "expert_id", "expert__full_name")
    titles = {c.pk: c.title for c in call.challenges.all()}
    by_challenge = _progress_rows(
        call, setup, "application__challenge_id", "application__challenge__position"
    )
    for row in by_challenge:
        row["label"] = titles.get(row["id"], row["label"])
    totals = {
        key: sum(r[key] for r in by_expert) for key in ("assigned", "submitted", "drafts", "missing", "late")
    }
    totals["percent"] = round(100 * totals["submitted"] / totals["assigned"]) if totals["assigned"] else 0
    order = request.GET.get("order", "")
    if order == "late":
        by_expert.sort(key=lambda r: (-r["late"], -r["missing"], r["label"]))
    return render(
        request,
        "reviews/ranking/progress.html",
        {
            "call": call,
            "setup": setup,
            "by_expert": by_expert,
            "by_challenge": by_challenge,
            "totals": totals,
            "overdue": setup.review_deadline is not None and timezone.now() > setup.review_deadline,
            "order": order,
        },
    )


@staff_only
@require_POST
def remind(request: HttpRequest, slug: str, expert_pk: int) -> HttpResponse:
    """Remind one expert, by hand, of the reviews of this call it has not submitted."""
    call = team_call(signed_in_user(request), slug)
    try:
        count = check_remind_expert(call, expert_pk, signed_in_user(request))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            ngettext("Reminder sent: %(n)d review listed.", "Reminder sent: %(n)d reviews listed.", count)
            % {"n": count},
        )
    return redirect(f"{reverse('reviews:progress', args=[call.slug])}?order=late")


@staff_only
def preview_remind(request: HttpRequest, slug: str, expert_pk: int) -> HttpResponse:
    """The reminder the "Remind" button would send this expert now, and the reminders sent before."""
    call = team_call(signed_in_user(request), slug)
    expert = (
        Expert.objects.select_related("user")
        .filter(
            pk=expert_pk,
            assignments__application__challenge__call=call,
            assignments__status__in=rwf.PUBLISHED,
        )
        .distinct()
        .first()
    )
    if expert is None:
        raise Http404
    back = f"{reverse('reviews:progress', args=[call.slug])}?order=late"
    empty = ""
    try:
        previews = [preview_reminder(call, expert.pk, signed_in_user(request))]
    except ValidationError as exc:
        previews, empty = [], error_text(exc)
    email = expert.user.email if expert.user is not None else expert.email
    sent = letters_about(call).filter(template=REMINDER_TEMPLATE, email=email)
    return render(
        request,
        "core/letter_preview.html",
        {
            "title": _("Reminder to %(name)s") % {"name": expert.full_name},
            "previews": previews,
            "empty": empty,
            "sent": list(sent[:50]),
            "back_url": back,
            "back_label": _("Back to the review progress"),
        },
    )


@staff_only
def ranking(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    challenge = request.GET.get("challenge", "").strip()
    disagreement = request.GET.get("disagreement") == "1"
    rows = RankingEntry.objects.filter(call=call).select_related(
        "application__organisation", "application__challenge"
    )
    if (challenge_id := parse_id(challenge)) is not None:
        rows = rows.filter(application__challenge_id=challenge_id)
    if disagreement:
        rows = rows.filter(disagreement=True)
    page = Paginator(rows.order_by("rank"), PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in page:
        entry.shift = entry.raw_rank - entry.rank  # type: ignore[attr-defined]
        entry.shift_size = abs(entry.raw_rank - entry.rank)  # type: ignore[attr-defined]
    ranked = RankingEntry.objects.filter(call=call)
    # Applications the ranking cannot place yet: in review, with no review submitted so far.
    waiting = (
        Application.objects.filter(challenge__call=call, status__in=ranking_adapter.RANKED)
        .exclude(assignments__review__status=Review.Status.SUBMITTED)
        .count()
    )
    return render(
        request,
        "reviews/ranking/ranking.html",
        {
            "call": call,
            "page": page,
            "challenges": call.challenges.all(),
            "filters": {"challenge": challenge, "disagreement": disagreement},
            "computed_at": ranked.order_by("-computed_at").values_list("computed_at", flat=True).first(),
            "flagged": ranked.filter(disagreement=True).count(),
            "waiting": waiting,
            # For the empty state: why there is no row, and what to do next.
            "any_ranked": ranked.exists(),
            "submitted": Review.objects.filter(
                assignment__application__challenge__call=call, status=Review.Status.SUBMITTED
            ).count(),
        },
    )


@staff_only
@require_POST
def recompute(request: HttpRequest, slug: str) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    try:
        count = actions.check_compute_ranking(call, signed_in_user(request))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The ranking is computed: %(n)d applications ranked.") % {"n": count})
    return redirect("reviews:ranking", slug=call.slug)


def application_reviews(application: Application) -> dict[str, Any]:
    """The reviews of one application shaped for a staff page (also meant for the application's own
    staff page): each expert's scores, comments and recommendation, and its place in the ranking."""
    setup = review_rules(application.call)
    language = current_language()
    assignments = list(
        application.assignments.exclude(status=Assignment.Status.PROPOSED)
        .select_related("expert", "review")
        .order_by("status", "expert__full_name")
    )
    reviews = []
    for assignment in assignments:
        review = review_of(assignment)
        reviews.append(
            {
                "assignment": assignment,
                "review": review,
                "submitted": review is not None and review.status == Review.Status.SUBMITTED,
                "late": review is not None
                and review.status == Review.Status.SUBMITTED
                and is_late(review, setup.review_deadline),
                "criteria": [
                    (
                        setup.criterion_label(code, language),
                        review.scores.get(code) if review else None,
                        review.comments.get(code, "") if review else "",
                    )
                    for code in setup.criterion_codes
                ],
            }
        )
    return {
        "reviews": reviews,
        "entry": RankingEntry.objects.filter(application=application).first(),
        "setup": setup,
    }


@staff_only
def reviews_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = team_call(signed_in_user(request), slug)
    application = get_object_or_404(
        Application.objects.select_related("challenge__call", "organisation"), pk=pk, challenge__call=call
    )
    return render(
        request,
        "reviews/ranking/application_reviews.html",
        {"application": application, "call": application.call, **application_reviews(application)},
    )
