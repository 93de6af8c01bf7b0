"""Assignment of experts to a call's applications: its rules, the optimiser run (a job), changes by
hand, publication, and the reassignment of one application when an expert drops out.

Every refusal raises `ValidationError` or `PermissionDenied` with a message in the active language
and leaves the stored assignment as it was. Proposed assignments can be changed freely until they
are published; after that an application changes experts only through `check_reassign`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core import jobs
from lodestar.core.job_text import count, describe_job
from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.mail import Outgoing, send_letters
from lodestar.core.models import Job
from lodestar.core.permissions import require_programme_team
from lodestar.core.workflow import ACTION_LABELS, TransitionNotAllowed, record, transition_many
from lodestar.experts.models import Expert
from lodestar.programmes.models import Call
from lodestar.programmes.rules import for_change
from lodestar.reviews import eligibility
from lodestar.reviews import workflow as rwf
from lodestar.reviews.engine_adapter import assignment as adapter
from lodestar.reviews.engine_adapter.diagnosis import describe_reasons, no_applications_text
from lodestar.reviews.models import Assignment, AssignmentRules, Conflict
from lodestar.reviews.models.rules import assignment_rules, review_rules
from lodestar.reviews.queries import blocking_pairs, nothing_to_assign

JOB_KIND = "reviews:assignment"
LIVE = rwf.LIVE
# Applications whose experts may still change: waiting for review, or in it.
REASSIGNABLE = frozenset({wf.ELIGIBLE, wf.UNDER_REVIEW, wf.SHORTLISTED})

ACTION_LABELS.update(
    {
        # Events before the set-up was split by stage keep this label.
        "reviews:setup_changed": gettext_lazy("Review set-up changed"),
        "reviews:assignment_rules_changed": gettext_lazy("Assignment rules changed"),
        "reviews:assignment_started": gettext_lazy("Expert assignment started"),
        "reviews:assignment_published": gettext_lazy("Expert assignment published"),
        "reviews:expert_added": gettext_lazy("Expert added by staff"),
        "reviews:expert_removed": gettext_lazy("Expert removed by staff"),
        "reviews:expert_swapped": gettext_lazy("Expert replaced by staff"),
        "reviews:assignment_declined": gettext_lazy("Expert withdrawn from the review"),
        "reviews:reassigned": gettext_lazy("Replacement expert assigned"),
        "reviews:reassignment_failed": gettext_lazy("No replacement expert found"),
    }
)

RULE_FIELDS = (
    "experts_per_application",
    "min_load",
    "max_load",
    "min_business",
    "max_same_nation",
    "fair",
    "weak_match",
)


def _require_staff(actor: Any, on: Any) -> None:
    require_programme_team(actor, _("Only programme staff may change the assignment of experts."), on=on)


def check_update_assignment_rules(call: Call, actor: Any, fields: dict[str, Any]) -> AssignmentRules:
    """Change the call's assignment rules; refused, unchanged, when the numbers clash. Nothing is
    written when nothing changes (the defaults stay unsaved)."""
    _require_staff(actor, call)
    saved = assignment_rules(call)
    if all(fields.get(name, getattr(saved, name)) == getattr(saved, name) for name in RULE_FIELDS):
        return saved
    with transaction.atomic():
        rules = for_change(AssignmentRules, call)
        values = {name: fields.get(name, getattr(rules, name)) for name in RULE_FIELDS}
        errors = []
        if values["min_load"] > values["max_load"]:
            errors.append(_("The minimum load per expert cannot be above the maximum load."))
        if values["min_business"] > values["experts_per_application"]:
            errors.append(_("The business pool cannot give more experts than an application gets."))
        if not 0 <= values["weak_match"] <= 1:
            errors.append(_("The weak-match threshold is an affinity between 0 and 1."))
        if errors:
            raise ValidationError(errors)  # also undoes a first creation of the row
        changed = [name for name in RULE_FIELDS if getattr(rules, name) != values[name]]
        for name in changed:
            setattr(rules, name, values[name])
        if changed:
            rules.save(update_fields=changed)
            labels = [str(getattr(AssignmentRules._meta.get_field(n), "verbose_name", n)) for n in changed]
            record(call, action="reviews:assignment_rules_changed", actor=actor, note=", ".join(labels))
    return rules


def latest_job(call: Call) -> Job | None:
    return jobs.latest_job(JOB_KIND, call=call.pk)


def check_run_assignment(call: Call, actor: Any) -> Job:
    """Queue the optimiser for `call`'s eligible applications (a run already under way is returned)."""
    _require_staff(actor, call)
    running = latest_job(call)
    if running is not None and running.is_active:
        return running
    if not Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE).exists():
        raise ValidationError(no_applications_text(nothing_to_assign(call)), code="nothing_to_assign")
    record(call, action="reviews:assignment_started", actor=actor)
    return start_job(
        JOB_KIND,
        _("Assignment of experts for %(call)s") % {"call": call.title},
        params={"call": call.pk},
        user=actor,
    )


@job_runner(JOB_KIND, retry=True)  # replaces its results in one transaction at the end
def _run(job: Job, progress: Progress) -> dict[str, Any]:
    call = Call.objects.get(pk=job.params["call"])
    return adapter.run_assignment(call, assignment_rules(call), progress)


def _outcome(job: Job) -> str:
    result = job.result
    if not result.get("feasible"):
        return _("No assignment meets the rules: the reasons are on this page.")
    n = int(result.get("assigned", 0))
    text = ngettext(
        "%(n)s assignment proposed for %(a)s applications.",
        "%(n)s assignments proposed for %(a)s applications.",
        n,
    ) % {"n": count(n), "a": count(result.get("applications"))}
    weak = int(result.get("weak", 0))
    if weak:
        text += " " + ngettext("%(n)s is a weak match.", "%(n)s are weak matches.", weak) % {"n": count(weak)}
    return text


describe_job(
    JOB_KIND,
    lambda job: (
        _("Assignment of experts for %(call)s") % {"call": Call.objects.get(pk=job.params["call"]).title}
    ),
    _outcome,
)


# --- Changes by hand ------------------------------------------------------------------------------


def _log(application: Application, action: str, actor: Any, note: str) -> None:
    """Audit a change of experts on the call, never on the application: the applicant reads the
    application's history, and must not learn who reviews it."""
    record(application.call, action=action, actor=actor, note=f"{application.reference}: {note}")


def _require_proposed_stage(application: Application) -> None:
    if application.status != wf.ELIGIBLE:
        raise ValidationError(
            _(
                "The experts of %(ref)s are published or it is not waiting for review: its experts "
                "change only when one declines or a conflict is confirmed."
            )
            % {"ref": application.reference}
        )


def check_can_take(application: Application, expert: Expert, setup: AssignmentRules) -> None:
    """Refuse, with the reason, an expert who may not review `application` (`reviews.eligibility`:
    available, not already on it, no conflict, reads its language, the same-nation limit, room left)."""
    context = eligibility.context_for(application.call, setup, LIVE, [application])
    refusal = eligibility.reviewer_ineligibility(expert, application, context)
    if refusal is not None:
        raise ValidationError(refusal.text)


def _new_assignment(
    application: Application, expert: Expert, source: str, status: str = Assignment.Status.PROPOSED
) -> Assignment:
    score, explanation = adapter.score_pairs(application, [expert])[expert.pk]
    return Assignment.objects.create(
        application=application,
        expert=expert,
        status=status,
        source=source,
        score=score,
        explanation=explanation,
    )


def check_add_expert(application: Application, expert: Expert, actor: Any) -> Assignment:
    """Add `expert` to the proposed experts of `application`."""
    _require_staff(actor, application)
    _require_proposed_stage(application)
    setup = assignment_rules(application.call)
    with transaction.atomic():
        _lock_expert(expert)
        check_can_take(application, expert, setup)
        assignment = _new_assignment(application, expert, Assignment.Source.MANUAL)
        _log(application, "reviews:expert_added", actor, expert.full_name)
    return assignment


def _lock_expert(expert: Expert) -> None:
    """Lock the expert's row while its load is counted and a pair added: two staff giving the expert
    its last free place at once get one assignment and one refusal, never a load past the limit."""
    Expert.objects.select_for_update().only("pk").get(pk=expert.pk)


def _delete_changeable(assignment: Assignment) -> None:
    """Delete the proposed pair, only while it is still proposed (it may have been published since the
    page was loaded): through the queryset, so the caller's instance keeps its id if refused."""
    deleted, _rows = Assignment.objects.filter(pk=assignment.pk, status__in=rwf.CHANGEABLE).delete()
    if not deleted:
        raise ValidationError(_("Only a proposed assignment can be removed; a published one is declined."))


def check_remove_assignment(assignment: Assignment, actor: Any) -> None:
    """Take a proposed expert off an application (a published one declines instead)."""
    _require_staff(actor, assignment.application)
    if assignment.status not in rwf.CHANGEABLE:
        raise ValidationError(_("Only a proposed assignment can be removed; a published one is declined."))
    application = assignment.application
    _require_proposed_stage(application)
    with transaction.atomic():
        name = assignment.expert.full_name
        _delete_changeable(assignment)
        _log(application, "reviews:expert_removed", actor, name)


def check_swap_expert(assignment: Assignment, expert: Expert, actor: Any) -> Assignment:
    """Replace a proposed expert by `expert` on the same application, in one step."""
    _require_staff(actor, assignment.application)
    if assignment.status not in rwf.CHANGEABLE:
        raise ValidationError(_("Only a proposed assignment can be swapped."))
    application = assignment.application
    _require_proposed_stage(application)
    if expert.pk == assignment.expert_id:
        raise ValidationError(_("Choose another expert to swap with."))
    setup = assignment_rules(application.call)
    with transaction.atomic():
        old = assignment.expert.full_name
        _lock_expert(expert)
        _delete_changeable(assignment)
        # Checked after the old row is gone, so the old expert's slot is not counted twice.
        check_can_take(application, expert, setup)
        new = _new_assignment(application, expert, Assignment.Source.MANUAL)
        _log(application, "reviews:expert_swapped", actor, f"{old} → {expert.full_name}")
    return new


# --- Publication -----------------------------------------------------------------------------------


def check_publish_assignment(
    call: Call,
    actor: Any,
    now: datetime | None = None,
    *,
    applications: Collection[int] | None = None,
    challenge: int | None = None,
) -> int:
    """Publish the proposed assignment: experts see their applications, which move to review.

    Publishes the whole call, or only the `applications` given (by id) or those of one `challenge`.
    An application's experts are published together, since its proposed experts can no longer
    change once it is in review. Refused, with nothing changed, without a review deadline, when an
    application given no longer waits for publication, or while an eligible application in scope
    has fewer experts than the set-up asks or a proposed expert with a conflict. Every assignment
    and every application moves through `transition_many()` (one audit event each). Returns the
    number of applications sent to review.
    """
    _require_staff(actor, call)
    setup = assignment_rules(call)
    if review_rules(call).review_deadline is None:
        raise ValidationError(_("Set the review deadline in the review rules before publishing."))
    waiting = Application.objects.filter(challenge__call=call, status=wf.ELIGIBLE)
    if challenge is not None:
        waiting = waiting.filter(challenge_id=challenge)
    if applications is not None:
        if not applications:
            raise ValidationError(_("Tick the applications whose experts you want to publish."))
        gone = set(applications) - set(waiting.filter(pk__in=applications).values_list("pk", flat=True))
        if gone:
            raise ValidationError(
                _("These applications no longer wait for publication: %(list)s. Reload the page.")
                % {"list": ", ".join(f"A-{pk:05d}" for pk in sorted(gone))}
            )
        waiting = waiting.filter(pk__in=applications)
    proposed = Assignment.objects.filter(application__in=waiting, status__in=rwf.CHANGEABLE)
    if not proposed.exists():
        raise ValidationError(_("There is no proposed assignment to publish: run the assignment first."))
    in_scope = set(waiting.values_list("pk", flat=True))
    short = [
        (pk, held)
        for pk, held in adapter.applications_short_of_experts(call, setup, statuses=[wf.ELIGIBLE])
        if pk in in_scope
    ]
    if short:
        refs = ", ".join(f"A-{pk:05d} ({held})" for pk, held in short[:10])
        raise ValidationError(
            _(
                "%(n)d eligible application(s) have fewer than %(k)d experts: %(list)s. Add experts by "
                "hand or run the assignment again."
            )
            % {"n": len(short), "k": setup.experts_per_application, "list": refs}
        )
    # A conflict found or confirmed after the optimiser ran must not reach an expert.
    blocking = blocking_pairs(call)
    blocked = sorted(
        {a for a, e in proposed.values_list("application_id", "expert_id") if (a, e) in blocking}
    )
    if blocked:
        refs = ", ".join(f"A-{pk:05d}" for pk in blocked[:10])
        raise ValidationError(
            ngettext(
                "%(n)d application has a proposed expert with a conflict of interest: %(list)s. "
                "Swap that expert or run the assignment again.",
                "%(n)d applications have a proposed expert with a conflict of interest: %(list)s. "
                "Swap those experts or run the assignment again.",
                len(blocked),
            )
            % {"n": len(blocked), "list": refs}
        )
    now = now or timezone.now()
    try:
        with transaction.atomic():
            # The applications first, as every other change of experts does: a second publication
            # of the same ones waits here, then finds them in review and is refused whole.
            sent = transition_many(
                Application.objects.filter(pk__in=proposed.values("application_id")),
                wf.UNDER_REVIEW,
                actor,
                # A msgid, translated for each reader (core.workflow.describe_note).
                note=gettext_noop("Experts assigned"),
            )
            published = transition_many(
                Assignment.objects.filter(application__in=[a.pk for a in sent], status__in=rwf.CHANGEABLE),
                rwf.AssignmentStatus.ACTIVE,
                actor,
                values={"published_at": now},
            )
            record(
                call,
                action="reviews:assignment_published",
                actor=actor,
                note=_("%(a)d applications, %(n)d assignments") % {"a": len(sent), "n": len(published)},
            )
            expert_ids = {a.expert_id for a in published}
            transaction.on_commit(lambda: send_assignment_letters(call, expert_ids))
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    return len(sent)


def publication_time(call: Call) -> datetime | None:
    """When the call's assignment was last published: the latest `published_at` of its assignments,
    replacements excluded (they are published one by one when an expert drops out)."""
    latest = (
        Assignment.objects.filter(application__challenge__call=call, published_at__isnull=False)
        .exclude(source=Assignment.Source.REASSIGNMENT)
        .aggregate(latest=Max("published_at"))
    )
    return latest["latest"]


class MailRefused(Exception):
    """Some assignment letters could not be sent: recorded with the reason, the others went out."""


@dataclass(frozen=True)
class Recipient:
    """An expert without a user account yet: the letter goes to the address staff entered."""

    email: str
    full_name: str
    language: str = "en"
    time_zone: str = ""

    def get_short_name(self) -> str:
        return self.full_name


def recipient(expert: Expert) -> Any:
    if expert.user is not None:
        return expert.user
    languages = expert.review_languages or ["en"]
    return Recipient(expert.email, expert.full_name, "en" if "en" in languages else languages[0])


def send_assignment_letters(call: Call, expert_ids: Iterable[int], only: Iterable[int] | None = None) -> None:
    """One letter per expert listing its published applications of `call` and the review deadline;
    `only` restricts each letter to those assignments (a reassignment tells of the new one alone)."""
    deadline = review_rules(call).review_deadline
    rows = Assignment.objects.filter(
        application__challenge__call=call, status__in=rwf.PUBLISHED, expert_id__in=list(expert_ids)
    )
    if only is not None:
        rows = rows.filter(pk__in=list(only))
    # The letter names each application and its challenge: read once each, not once per pair (an
    # expert's letter lists up to its load; the applications' texts and explanations are not read).
    pairs = list(rows.only("pk", "application_id", "expert_id").order_by("application_id", "pk"))
    challenges = {c.pk: c for c in call.challenges.all()}
    applications = Application.objects.filter(pk__in=rows.values("application_id")).only(
        "pk", "title", "challenge_id"
    )
    named = {a.pk: a for a in applications}
    for application in named.values():
        application.challenge = challenges[application.challenge_id]
    experts = {
        e.pk: e
        for e in Expert.objects.filter(pk__in=rows.values("expert_id"))
        .select_related("user")
        .defer("expertise")
    }
    by_expert: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in pairs:
        assignment.application = named[assignment.application_id]
        assignment.expert = experts[assignment.expert_id]
        by_expert[assignment.expert_id].append(assignment)
    # Every expert's letter in one batch (one connection, a few queries); kept in full about the
    # call: its team and the expert read it again. A refused letter is recorded with its reason.
    letters = send_letters(
        [
            Outgoing(
                recipient(assignments[0].expert),
                "review_assigned",
                {
                    "expert": assignments[0].expert,
                    "call": call,
                    "assignments": assignments,
                    "deadline": deadline,
                },
                about=call,
            )
            for assignments in by_expert.values()
        ]
    )
    unsent = [letter for letter in letters if letter.sent_at is None]
    if unsent:
        raise MailRefused(
            "; ".join(f"{letter.email}: {letter.error}" for letter in unsent[:10])
            + f" ({len(unsent)} in all)"
        )


# --- Reassignment ----------------------------------------------------------------------------------


@dataclass
class Reassignment:
    """What `check_reassign` did: experts withdrawn for a conflict, experts added, or why none."""

    withdrawn: list[Assignment] = field(default_factory=list)
    added: list[Assignment] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def check_reassign(application: Application, actor: Any, now: datetime | None = None) -> Reassignment:
    """Bring `application` back to its k experts after one declined or a conflict was confirmed.

    Only this application changes. Experts it may no longer have are withdrawn (a proposed one with
    any conflict not dismissed, a published one with a confirmed conflict); the missing ones are
    then chosen by the engine on a one-application problem (`adapter.choose_replacements`), among the
    experts `reviews.eligibility` allows.
    When published, the newcomers are active at once and get a letter; before publication they are
    proposed. When nobody fits, the reasons are recorded in the call's history for staff and
    returned. The caller has checked the actor's right to start this (the expert declining, staff
    confirming a conflict). An application already decided, or waiting for its first assignment
    (the optimiser will give it experts), is left as it is.
    """
    outcome = Reassignment()
    if application.status not in REASSIGNABLE:
        return outcome
    if application.status == wf.ELIGIBLE and not application.assignments.filter(status__in=LIVE).exists():
        return outcome
    call = application.call
    setup = assignment_rules(call)
    now = now or timezone.now()
    status = Assignment.Status.PROPOSED if application.status == wf.ELIGIBLE else Assignment.Status.ACTIVE
    with transaction.atomic():
        # A proposal gives way to any blocking pair; a published review only to a confirmed conflict,
        # so that an unchecked suggestion does not take an expert off work under way.
        blocked = {e for a, e in blocking_pairs(call) if a == application.pk}
        confirmed = set(
            Conflict.objects.filter(application=application, state=Conflict.State.CONFIRMED).values_list(
                "expert_id", flat=True
            )
        )
        withdrawn = Q(status=Assignment.Status.PROPOSED, expert_id__in=blocked) | Q(
            status=Assignment.Status.ACTIVE, expert_id__in=confirmed
        )
        # A system move: the rule "a conflict blocks" withdraws them, whoever set it off.
        for assignment in transition_many(
            application.assignments.filter(withdrawn),
            rwf.AssignmentStatus.DECLINED,
            actor,
            note=gettext_noop("Conflict of interest"),
            system=True,
            values={"declined_at": now, "decline_reason": gettext_noop("Conflict of interest")},
        ):
            _log(
                application,
                "reviews:assignment_declined",
                actor,
                f"{assignment.expert.full_name}: {assignment.decline_reason}",
            )
            outcome.withdrawn.append(assignment)
        current = [a.expert for a in application.assignments.filter(status__in=LIVE).select_related("expert")]
        needed = setup.experts_per_application - len(current)
        if needed <= 0:
            return outcome
        replacement = adapter.choose_replacements(application, setup, current, needed)
        if not replacement.found:
            outcome.reasons = describe_reasons(replacement.reasons, adapter.rules_json(setup))
            _log(application, "reviews:reassignment_failed", actor, " ".join(outcome.reasons))
            return outcome
        for expert_id, score, explanation in replacement.chosen:
            outcome.added.append(
                Assignment.objects.create(
                    application=application,
                    expert_id=expert_id,
                    status=status,
                    source=Assignment.Source.REASSIGNMENT,
                    score=score,
                    explanation=explanation,
                    published_at=now if status == Assignment.Status.ACTIVE else None,
                )
            )
        names = dict(
            Expert.objects.filter(pk__in=[a.expert_id for a in outcome.added]).values_list("pk", "full_name")
        )
        _log(application, "reviews:reassigned", actor, ", ".join(names[a.expert_id] for a in outcome.added))
        if status == Assignment.Status.ACTIVE:
            added = [a.pk for a in outcome.added]
            experts = [a.expert_id for a in outcome.added]
            transaction.on_commit(lambda: send_assignment_letters(call, experts, only=added))
    return outcome
