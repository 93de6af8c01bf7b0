"""An expert's work on its published assignments: save and submit reviews, decline, get reminders.

Only the assigned expert acts on an assignment, and only while it is published (active) and the
application still waits for its decision. A refused submission keeps the draft just saved; a
submitted review is final. A review sent after the deadline is accepted and counted as late.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core.i18n import current_language
from lodestar.core.mail import Rendered, render_letter, send_letter
from lodestar.core.permissions import may_act
from lodestar.core.roles import PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, TransitionNotAllowed, record, transition, transition_many
from lodestar.reviews import workflow as rwf
from lodestar.reviews.actions.assignment import (
    REASSIGNABLE,
    Reassignment,
    check_reassign,
    recipient,
)
from lodestar.reviews.models import Assignment, Review, ReviewRules
from lodestar.reviews.models.rules import review_rules

# Applications whose reviews are still open: a decision closes them.
OPEN_FOR_REVIEW = frozenset({wf.UNDER_REVIEW, wf.SHORTLISTED})
REMINDER_INTERVAL = timedelta(days=1)
SCORES = range(1, 6)

# What the expert types; saved with the draft and again with the submission.
REVIEW_FIELDS = ("scores", "comments", "overall", "recommendation")

ACTION_LABELS.update(
    {
        # Events written before submissions went through transition() (now "review:submitted").
        "reviews:review_submitted": gettext_lazy("Review submitted"),
        "reviews:review_submitted_late": gettext_lazy("Review submitted after the deadline"),
    }
)


@dataclass(frozen=True)
class ReviewData:
    """What the expert typed: scores by criterion code (None when not scored yet), comments by code."""

    scores: Mapping[str, int | None] = field(default_factory=dict)
    comments: Mapping[str, str] = field(default_factory=dict)
    overall: str = ""
    recommendation: str = ""


def review_of(assignment: Assignment) -> Review | None:
    try:
        return assignment.review
    except Review.DoesNotExist:
        return None


def is_late(review: Review | None, deadline: datetime | None, now: datetime | None = None) -> bool:
    """Submitted after the deadline, or not submitted and the deadline has passed."""
    if deadline is None:
        return False
    if review is not None and review.status == Review.Status.SUBMITTED and review.submitted_at:
        return review.submitted_at > deadline
    return (now or timezone.now()) > deadline


def _require_reviewer(assignment: Assignment, actor: Any) -> None:
    if assignment.status not in rwf.PUBLISHED or assignment.expert.user_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("Only the expert assigned to this application may review it."))
    if assignment.application.status not in OPEN_FOR_REVIEW:
        raise ValidationError(_("A decision has been taken on this application: its reviews are closed."))


def _apply(review: Review, setup: ReviewRules, data: ReviewData) -> None:
    scores: dict[str, int] = {}
    for code in setup.criterion_codes:
        value = data.scores.get(code)
        if value is None or value == "":
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number not in SCORES:
            raise ValidationError(_("Each score goes from 1 to 5."))
        scores[code] = number
    if data.recommendation and data.recommendation not in Review.Recommendation.values:
        raise ValidationError(_("Choose one of the recommendations offered."))
    review.scores = scores
    review.comments = {
        code: text for code in setup.criterion_codes if (text := (data.comments.get(code) or "").strip())
    }
    review.overall = data.overall.strip()
    review.recommendation = data.recommendation


def _require_open_for_review(assignment: Assignment) -> None:
    """Refuse once the application is decided (the cohort confirmed): its reviews are closed.

    Call inside a transaction: the application's row stays locked until the review is saved, and
    the confirmation locks the same rows before it counts the open reviews, so a review is either
    in before the decision (and counted as submitted) or refused after it."""
    status = (
        Application.objects.select_for_update()
        .filter(pk=assignment.application_id)
        .values_list("status", flat=True)
        .first()
    )
    if status not in OPEN_FOR_REVIEW:
        raise ValidationError(
            _("A decision has been taken on this application: its reviews are closed."), code="closed"
        )


def _draft(assignment: Assignment, actor: Any, data: ReviewData) -> tuple[Review, ReviewRules]:
    """The assignment's review with `data` applied, not saved yet; refused once submitted, and once
    the application is decided (the caller holds a transaction)."""
    _require_reviewer(assignment, actor)
    _require_open_for_review(assignment)
    setup = review_rules(assignment.application.call)
    review = review_of(assignment) or Review(assignment=assignment)
    if review.status in rwf.FINAL:
        raise ValidationError(_("This review is submitted and can no longer be changed."))
    _apply(review, setup, data)
    return review, setup


def _store_draft(review: Review) -> None:
    """Write the review's own fields as a draft. Its row is locked and its status read again first,
    and only those fields are written: a save from a tab loaded before the submission is refused and
    never turns the submitted review back into a draft (nor resets its reminders). Two tabs creating
    the review at once write one row (the assignment has one review)."""
    if review.pk is None:
        try:
            with transaction.atomic():
                review.save()
            return
        except IntegrityError:  # created a moment ago by another tab: update that one
            review.pk = Review.objects.only("pk").get(assignment_id=review.assignment_id).pk
            review._state.adding = False
    with transaction.atomic():
        current = Review.objects.select_for_update().values_list("status", flat=True).get(pk=review.pk)
        if current in rwf.FINAL:
            raise ValidationError(_("This review is submitted and can no longer be changed."))
        review.save(update_fields=[*REVIEW_FIELDS, "updated_at"])


@transaction.atomic
def check_save_review(assignment: Assignment, actor: Any, data: ReviewData) -> Review:
    """Save the review as a draft; scores may be missing."""
    review, _setup = _draft(assignment, actor, data)
    _store_draft(review)
    return review


def check_submit_review(
    assignment: Assignment, actor: Any, data: ReviewData, now: datetime | None = None
) -> Review:
    """Submit: every criterion scored and a recommendation chosen. When something is missing the
    draft is saved all the same (before the refusal, outside it) and the message says what.

    A handful of queries whatever the rubric (the simulation submits thousands in a row); pass an
    assignment with `review` and `application__challenge__call` selected to save two more.
    """
    errors: list[str] = []
    with transaction.atomic():  # the application stays locked (see _require_open_for_review)
        review, setup = _draft(assignment, actor, data)
        language = current_language()
        missing = [
            setup.criterion_label(code, language)
            for code in setup.criterion_codes
            if code not in review.scores
        ]
        if missing:
            errors.append(
                _("Score every criterion before submitting; missing: %(list)s.")
                % {"list": "; ".join(missing)}
            )
        if not review.recommendation:
            errors.append(_("Choose a recommendation before submitting."))
        if errors:
            _store_draft(review)  # committed: the refusal below keeps the draft
            errors.append(_("Your draft is saved."))
        else:
            if review.pk is None:
                _store_draft(review)  # a review submitted without a draft first: the move needs its row
            review.submitted_at = now or timezone.now()
            late = is_late(review, setup.review_deadline)
            try:
                # The scores are saved with the move, so that a review is never submitted without them.
                transition(
                    review,
                    rwf.ReviewStatus.SUBMITTED,
                    actor,
                    note=gettext_noop("After the deadline") if late else "",
                    also_save=[*REVIEW_FIELDS, "submitted_at", "updated_at"],
                )
            except TransitionNotAllowed as exc:  # submitted meanwhile, from another tab
                raise ValidationError(str(exc)) from exc
    if errors:
        raise ValidationError(errors)
    return review


def check_submit_reviews_many(
    submissions: Sequence[tuple[Assignment, Any, ReviewData]], now: datetime | None = None
) -> list[Review]:
    """Submit many reviews at once, each by its own expert (`(assignment, actor, data)`): the checks of
    `check_submit_review` with a fixed number of queries whatever their number, and all or none: one
    refusal (not the assigned expert, a decided application, a review already submitted, a criterion
    not scored) refuses them all and nothing is saved. The moves go through `transition_many`, one
    audit event per review by its own expert, a late one noted as after the deadline."""
    if not submissions:
        return []
    now = now or timezone.now()
    by_pk = {
        a.pk: a
        for a in Assignment.objects.filter(pk__in=[a.pk for a, _actor, _data in submissions])
        .select_related("expert", "application__challenge__call")
        .prefetch_related("review")
    }
    errors: list[str] = []
    reviews: list[Review] = []
    actors: dict[int, Any] = {}
    setups: dict[int, ReviewRules] = {}
    with transaction.atomic():
        # The applications stay locked until the reviews are in (see _require_open_for_review).
        open_ids = set(
            Application.objects.select_for_update()
            .filter(pk__in={a.application_id for a in by_pk.values()}, status__in=OPEN_FOR_REVIEW)
            .values_list("pk", flat=True)
        )
        for given, actor, data in submissions:
            assignment = by_pk[given.pk]
            _require_reviewer(assignment, actor)
            if assignment.application_id not in open_ids:
                raise ValidationError(
                    _("A decision has been taken on this application: its reviews are closed."), code="closed"
                )
            call = assignment.application.call
            setup = setups.get(call.pk) or setups.setdefault(call.pk, review_rules(call))
            review = review_of(assignment) or Review(assignment=assignment)
            if review.status in rwf.FINAL:
                raise ValidationError(_("This review is submitted and can no longer be changed."))
            _apply(review, setup, data)
            if any(code not in review.scores for code in setup.criterion_codes) or not review.recommendation:
                errors.append(
                    _("%(reference)s: score every criterion and choose a recommendation before submitting.")
                    % {"reference": assignment.application.reference}
                )
            review.submitted_at = now
            reviews.append(review)
            actors[assignment.pk] = actor
        if errors:
            raise ValidationError(errors)
        # New reviews are written with what the experts typed, as drafts; drafts saved before get it too.
        drafts = [r for r in reviews if r.pk is not None]
        Review.objects.bulk_create([r for r in reviews if r.pk is None], batch_size=500)
        Review.objects.bulk_update(drafts, list(REVIEW_FIELDS), batch_size=500)
        late = {
            r.pk: gettext_noop("After the deadline")
            for r in reviews
            if is_late(r, setups[by_pk[r.assignment_id].application.call.pk].review_deadline)
        }
        moved = transition_many(
            Review.objects.filter(pk__in=[r.pk for r in reviews]),
            rwf.ReviewStatus.SUBMITTED,
            None,
            notes=late,
            actors={r.pk: actors[r.assignment_id] for r in reviews},
            values={"submitted_at": now, "updated_at": now},
            related=("assignment__expert",),
        )
    return moved


def check_decline(
    assignment: Assignment, actor: Any, reason: str, now: datetime | None = None
) -> Reassignment:
    """The expert (or staff for it) withdraws from one application, saying why; that application
    alone gets a replacement (`check_reassign`)."""
    is_expert = assignment.expert.user_id == getattr(actor, "pk", None)
    if not (is_expert or may_act(actor, PROGRAMME_TEAM, assignment.application)):
        raise PermissionDenied(_("Only the assigned expert or programme staff may decline this assignment."))
    if assignment.status not in rwf.PUBLISHED:
        raise ValidationError(_("Only a published assignment can be declined."))
    existing = review_of(assignment)
    if existing is not None and existing.status in rwf.FINAL:
        raise ValidationError(_("The review is submitted: the assignment can no longer be declined."))
    if not reason.strip():
        raise ValidationError(_("Say why you decline, so that staff can find the right replacement."))
    now = now or timezone.now()
    application = assignment.application
    with transaction.atomic():
        assignment.declined_at = now
        assignment.decline_reason = reason.strip()
        try:
            transition(
                assignment,
                rwf.AssignmentStatus.DECLINED,
                actor,
                note=assignment.decline_reason,
                also_save=["declined_at", "decline_reason"],
            )
        except TransitionNotAllowed as exc:
            raise ValidationError(str(exc)) from exc
        # On the call too: staff follow an application's changes of experts in the call's history.
        record(
            application.call,
            action="reviews:assignment_declined",
            actor=actor,
            note=f"{application.reference}: {assignment.expert.full_name}: {assignment.decline_reason}",
        )
        if application.status not in REASSIGNABLE:
            return Reassignment()
        return check_reassign(application, actor, now)


# --- Reminders -------------------------------------------------------------------------------------


def do_send_review_reminders(days: int = 3, now: datetime | None = None) -> int:
    """Remind each expert of its unsubmitted reviews due within `days` or late, at most once a day.

    One letter per expert, in its language, listing each review with its deadline; every review
    listed records the reminder. Returns the number of experts reminded.
    """
    now = now or timezone.now()
    due = (
        Assignment.objects.filter(
            status__in=rwf.PUBLISHED,
            application__status__in=OPEN_FOR_REVIEW,
            application__challenge__call__review_rules__review_deadline__lte=now + timedelta(days=days),
        )
        .exclude(review__status__in=rwf.FINAL)
        .select_related("application__challenge__call__review_rules", "expert__user")
        .order_by("expert_id", "application_id")
    )
    by_expert: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in due:
        by_expert[assignment.expert_id].append(assignment)
    last_sent = dict(
        Review.objects.filter(assignment__expert_id__in=list(by_expert), last_reminder_at__isnull=False)
        .values_list("assignment__expert_id")
        .annotate(last=Max("last_reminder_at"))
        .order_by()
    )
    reminded = 0
    for expert_id, assignments in by_expert.items():
        last = last_sent.get(expert_id)
        if last is not None and now - last < REMINDER_INTERVAL:
            continue
        _remind(assignments, now)
        reminded += 1
    return reminded


REMINDER_TEMPLATE = "review_reminder"


def reminder_letter(assignments: list[Assignment], now: datetime) -> tuple[Any, str, dict[str, Any]]:
    """To whom, which template and with what the reminder of `assignments` (one expert's) is written:
    the one recipe of the letter sent and of its preview."""
    items = [
        {
            "assignment": a,
            "application": a.application,
            "deadline": a.application.call.review_rules.review_deadline,
            "late": now > a.application.call.review_rules.review_deadline,
        }
        for a in assignments
    ]
    expert = assignments[0].expert
    return recipient(expert), REMINDER_TEMPLATE, {"expert": expert, "items": items}


def _remind(assignments: list[Assignment], now: datetime, actor: Any = None) -> None:
    """One letter to the assignments' expert, in its language, listing each review with its deadline;
    each review listed records the reminder. The letter is kept about the call (its team reads it),
    or about the expert when it lists reviews of several calls."""
    to, template, context = reminder_letter(assignments, now)
    calls = {a.application.call for a in assignments}
    about = calls.pop() if len(calls) == 1 else assignments[0].expert
    send_letter(to, template, context, about=about, sent_by=actor)
    with transaction.atomic():
        for a in assignments:
            Review.objects.get_or_create(assignment=a)
        Review.objects.filter(assignment__in=assignments).update(
            reminders_sent=F("reminders_sent") + 1, last_reminder_at=now
        )


def outstanding_reviews(call: Any, expert_id: int) -> Any:
    """The published assignments of `call` to this expert whose review is not submitted yet."""
    return (
        Assignment.objects.filter(
            expert_id=expert_id,
            application__challenge__call=call,
            status__in=rwf.PUBLISHED,
            application__status__in=OPEN_FOR_REVIEW,
        )
        .exclude(review__status__in=rwf.FINAL)
        .select_related("application__challenge__call__review_rules", "expert__user")
        .order_by("application_id")
    )


def preview_reminder(call: Any, expert_id: int, actor: Any, now: datetime | None = None) -> Rendered:
    """The reminder this expert would get now, as it will read it; nothing is sent. Refused like the
    reminder itself when there is nothing to remind of or no deadline to state."""
    if not may_act(actor, PROGRAMME_TEAM, call.programme):
        raise PermissionDenied(_("Only the programme team may remind experts."))
    outstanding = list(outstanding_reviews(call, expert_id))
    if not outstanding:
        raise ValidationError(_("This expert has no review left to write in this call."))
    if review_rules(call).review_deadline is None:
        raise ValidationError(_("Set the review deadline first: the reminder states it."))
    return render_letter(*reminder_letter(outstanding, now or timezone.now()))


# A reminder sent by hand waits at least this long before the next one, so that two staff members
# clicking at once, or one clicking twice, do not flood the expert.
MANUAL_REMINDER_INTERVAL = timedelta(hours=1)


def check_remind_expert(call: Any, expert_id: int, actor: Any, now: datetime | None = None) -> int:
    """Staff remind one expert of the reviews of `call` it has not submitted. Returns how many were
    listed. Refused when nothing is left to write or when it was reminded less than an hour ago."""
    if not may_act(actor, PROGRAMME_TEAM, call.programme):
        raise PermissionDenied(_("Only the programme team may remind experts."))
    now = now or timezone.now()
    with transaction.atomic():
        outstanding = list(outstanding_reviews(call, expert_id).select_for_update(of=("self",)))
        if not outstanding:
            raise ValidationError(_("This expert has no review left to write in this call."))
        last = Review.objects.filter(assignment__in=outstanding).aggregate(last=Max("last_reminder_at"))[
            "last"
        ]
        if last is not None and now - last < MANUAL_REMINDER_INTERVAL:
            raise ValidationError(
                _("This expert was reminded at %(time)s; wait an hour before reminding again.")
                % {"time": timezone.localtime(last).strftime("%H:%M")}
            )
        if review_rules(call).review_deadline is None:
            raise ValidationError(_("Set the review deadline first: the reminder states it."))
        _remind(outstanding, now, actor)
        record(
            call,
            action="reviews:expert_reminded",
            actor=actor,
            note=f"{outstanding[0].expert.full_name}: {len(outstanding)}",
        )
    return len(outstanding)


ACTION_LABELS["reviews:expert_reminded"] = gettext_lazy("Expert reminded of their reviews")
