"""Cohort selection: the director sets the rules, runs the selection, overrides it with a reason,
confirms it; then every applicant gets a decision letter in its own language.

`check_run_selection` runs the engine in the caller's process (commands, the API, the job);
the pages start it as a job with `check_start_selection`, since a call of 2,600 proposals takes
seconds (each proposal near the line is solved again to explain it). Confirming moves every
candidate through `transition_many()` in one transaction, then queues the letters as a job that can be
run again without writing to anyone twice.

Every refusal raises `ValidationError` or `PermissionDenied` with a message in the active language
and leaves stored state as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core import jobs
from lodestar.core.job_text import count, describe_job
from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.mail import Outgoing, send_letters, sent_to
from lodestar.core.models import AuditEvent, Job
from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS
from lodestar.core.workflow import (
    ACTION_LABELS,
    TransitionNotAllowed,
    record,
    record_many,
    transition,
    transition_many,
)
from lodestar.organisations.models import Membership
from lodestar.programmes.models import Call
from lodestar.programmes.rules import for_change
from lodestar.reviews import workflow as rwf
from lodestar.reviews.models import Assignment, RankingEntry, Review, ReviewRules
from lodestar.reviews.models.rules import review_rules
from lodestar.selection import engine_adapter as adapter
from lodestar.selection import workflow as swf
from lodestar.selection.models import Selection, SelectionEntry, SelectionRules, selection_rules

logger = logging.getLogger(__name__)

JOB_KIND = "reviews:selection"
LETTERS_JOB_KIND = "reviews:decision_letters"
LETTER_SENT = "selection:letter_sent"

ACTION_LABELS.update(
    {
        "selection:rules_changed": gettext_lazy("Selection rules changed"),
        "selection:run": gettext_lazy("Selection run"),
        "selection:forced_in": gettext_lazy("Taken into the cohort by the director"),
        "selection:forced_out": gettext_lazy("Left out of the cohort by the director"),
        "selection:override_cleared": gettext_lazy("Director's override withdrawn"),
        "selection:confirmed": gettext_lazy("Selection confirmed"),
        "selection:open_reviews_closed": gettext_lazy("Open reviews closed by the cohort decision"),
        LETTER_SENT: gettext_lazy("Decision letter sent"),
        "selection:letters_sent": gettext_lazy("Decision letters sent"),
        "selection:letters_failed": gettext_lazy("Some decision letters could not be sent"),
        "selection:letters_resent": gettext_lazy("Unsent decision letters sent again"),
    }
)

RULE_FIELDS = ("budget", "min_per_challenge", "max_per_challenge", "max_nation_share", "min_nations")


def _require_director(actor: Any, call: Call) -> None:
    """`actor=None` is the platform itself (a command); a person must direct the call's programme
    (or every programme)."""
    if actor is not None and not may_act(actor, DIRECTORS, call):
        raise PermissionDenied(_("Only the programme director may do this."))


def latest_selection(call: Call) -> Selection | None:
    return call.selections.select_related("created_by", "confirmed_by").order_by("-created_at", "-id").first()


def confirmed_selection(call: Call) -> Selection | None:
    return call.selections.filter(status=swf.SelectionStatus.CONFIRMED).first()


def latest_job(call: Call) -> Job | None:
    return jobs.latest_job(JOB_KIND, call=call.pk)


def check_update_rules(
    call: Call, actor: Any, fields: Mapping[str, Any], type_minimums: Mapping[str, int]
) -> SelectionRules:
    """Store the selection rules of `call` (the next run uses them; past runs keep their snapshot)."""
    _require_director(actor, call)
    minimum, maximum = fields.get("min_per_challenge") or 0, fields.get("max_per_challenge")
    if maximum is not None and maximum < minimum:
        raise ValidationError(_("The maximum per challenge cannot be below the minimum per challenge."))
    if fields.get("budget") is not None and fields["budget"] <= Decimal(0):
        raise ValidationError(_("The budget must be greater than zero."))
    with transaction.atomic():
        setup = for_change(SelectionRules, call)
        before = adapter.rules_of(setup)
        for name in RULE_FIELDS:
            if name in fields:
                setattr(setup, name, fields[name])
        setup.min_per_type = {kind: int(n) for kind, n in type_minimums.items() if int(n) > 0}
        setup.save()
        after = adapter.rules_of(setup)
        changed = sorted(k for k in after if after[k] != before[k])
        record(call, action="selection:rules_changed", actor=actor, note=", ".join(changed))
    return setup


def _require_runnable(call: Call, actor: Any) -> None:
    _require_director(actor, call)
    if confirmed_selection(call) is not None:
        raise ValidationError(_("The selection of this call is confirmed; it cannot be run again."))
    if not RankingEntry.objects.filter(call=call).exists():
        raise ValidationError(
            _("There is no ranking for this call yet: compute the ranking before running the selection.")
        )
    if not adapter.candidates(call).exists():
        raise ValidationError(_("No ranked application is under review or shortlisted in this call."))


def check_start_selection(call: Call, actor: Any) -> Job:
    """Queue a selection run of `call` (refused at once, not in the job, when it cannot run)."""
    _require_runnable(call, actor)
    running = latest_job(call)
    if running is not None and running.is_active:
        return running
    return start_job(
        JOB_KIND,
        _("Selection for %(call)s") % {"call": call.title},
        params={"call": call.pk},
        user=actor,
    )


@job_runner(JOB_KIND)
def _run_job(job: Job, progress: Progress) -> dict[str, Any]:
    call = Call.objects.get(pk=job.params["call"])
    progress(0, 1, gettext_noop("Solving"))
    selection = check_run_selection(call, job.created_by)
    progress(1, 1, "")
    return {"selection": selection.pk, "feasible": selection.feasible}


def check_run_selection(call: Call, actor: Any) -> Selection:
    """Select a cohort of `call` under its rules and the director's overrides.

    Candidates are the call's applications under review or shortlisted with a ranking entry; the
    overrides come from the latest proposed selection, which this run supersedes (with every other
    proposed one). Repeatable: each run writes a new Selection and leaves older ones as history.
    """
    _require_runnable(call, actor)
    setup = selection_rules(call)
    previous = call.selections.filter(status__in=swf.OPEN).order_by("-created_at", "-id").first()
    overrides = adapter.Overrides.of(previous)
    problem, applications = adapter.build_problem(call, setup, overrides)
    result = adapter.solve(problem)  # outside the transaction: it can take seconds
    with transaction.atomic():
        # A command (no person) supersedes as the platform; a person must be the director.
        transition_many(
            call.selections.filter(status__in=swf.OPEN),
            swf.SelectionStatus.SUPERSEDED,
            actor,
            system=actor is None,
        )
        selection = adapter.save_selection(
            call, actor, adapter.rules_of(setup), applications, result, overrides
        )
        record(
            call,
            action="selection:run",
            actor=actor,
            note=_("%(chosen)s of %(candidates)s chosen")
            % {"chosen": len(result.chosen), "candidates": len(applications)}
            if result.feasible
            else selection.diagnosis,
        )
    return selection


def _require_latest_proposed(selection: Selection) -> None:
    if selection.status == Selection.Status.CONFIRMED:
        raise ValidationError(_("This selection is already confirmed."))
    latest = selection.call.selections.order_by("-created_at", "-id").first()
    if selection.status not in swf.OPEN or latest is None or latest.pk != selection.pk:
        raise ValidationError(_("This selection has been replaced by a newer run; open the latest one."))


def check_override(entry: SelectionEntry, actor: Any, override: str, reason: str) -> SelectionEntry:
    """Take a proposal into the cohort ("in"), leave it out ("out") or withdraw an override ("").

    The reason is required and recorded on the application. The override holds from the next run
    on (`check_start_selection` / `check_run_selection`), which the caller starts.
    """
    _require_director(actor, entry.selection.call)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for this decision; it is recorded."))
    if override not in SelectionEntry.Override.values and override != "":
        raise ValidationError(_("Unknown override."))
    if override == "" and not entry.override:
        raise ValidationError(_("There is no override to withdraw on this proposal."))
    job = latest_job(entry.selection.call)
    if job is not None and job.is_active:
        raise ValidationError(_("A selection is running; wait until it has finished."))
    with transaction.atomic():
        entry = SelectionEntry.objects.select_for_update().select_related("selection__call").get(pk=entry.pk)
        _require_latest_proposed(entry.selection)
        entry.override = override
        entry.override_reason = reason if override else ""
        entry.save(update_fields=["override", "override_reason"])
        actions: dict[str, str] = {
            SelectionEntry.Override.FORCE_IN: "selection:forced_in",
            SelectionEntry.Override.FORCE_OUT: "selection:forced_out",
        }
        action = actions.get(override, "selection:override_cleared")
        record(entry.application, action=action, actor=actor, note=reason)
    return entry


def check_override_and_rerun(entry: SelectionEntry, actor: Any, override: str, reason: str) -> Job:
    """The director's decision on one proposal: record the override and run the selection again
    with it. Both happen or neither (a refused run leaves no override behind)."""
    with transaction.atomic():
        check_override(entry, actor, override, reason)
        return check_start_selection(entry.selection.call, actor)


def open_reviews(call: Call) -> int:
    """Published assignments of the call's undecided applications whose review is not submitted:
    the reviews a confirmation would close (their experts then read "Closed" in their list)."""
    return (
        Assignment.objects.filter(
            application__challenge__call=call,
            application__status__in=adapter.CANDIDATE_STATES,
            status__in=rwf.PUBLISHED,
        )
        .exclude(review__status=Review.Status.SUBMITTED)
        .count()
    )


def check_confirm_selection(selection: Selection, actor: Any, reason: str = "") -> Selection:
    """Confirm the latest proposed selection: chosen applications become selected, every other one
    under review or shortlisted becomes not selected, all through `transition_many()`; then the decision
    letters are queued. Refused a second time, on an older run, or when no cohort was found.

    While reviews are still open, confirming closes them: it then needs `reason` (internal, recorded
    on the call with the number of reviews closed). The count is taken under the selection's lock,
    after the applications are locked, so a review submitted meanwhile is counted as submitted."""
    _require_director(actor, selection.call)
    call = selection.call
    reason = reason.strip()
    with transaction.atomic():
        selection = Selection.objects.select_for_update().get(pk=selection.pk)
        _require_latest_proposed(selection)
        list(
            Application.objects.filter(challenge__call=call, status__in=adapter.CANDIDATE_STATES)
            .select_for_update()
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        still_open = open_reviews(call)
        if still_open and not reason:
            raise ValidationError(
                ngettext(
                    "%(n)d review is still open. Confirming closes it: give the reason (recorded).",
                    "%(n)d reviews are still open. Confirming closes them: give the reason (recorded).",
                    still_open,
                )
                % {"n": still_open},
                code="open_reviews",
            )
        if not selection.feasible:
            raise ValidationError(
                _("This run found no cohort that meets the rules; change them and run again.")
            )
        entries = {e.application_id: e for e in selection.entries.all()}
        chosen = {pk for pk, e in entries.items() if e.chosen}
        deciding = Application.objects.filter(challenge__call=call, status__in=adapter.CANDIDATE_STATES)
        missing = chosen - set(deciding.filter(pk__in=chosen).values_list("pk", flat=True))
        if missing:
            raise ValidationError(
                _("Some chosen applications are no longer under review (%(refs)s); run the selection again.")
                % {"refs": ", ".join(f"A-{pk:05d}" for pk in sorted(missing))}
            )
        # Msgids, translated for each reader; a director's reason stays internal (core.workflow).
        default_note = gettext_noop("Decided by the cohort selection.")
        notes = {
            pk: (entry.override_reason or default_note)
            if (entry := entries.get(pk))
            else gettext_noop("Not ranked: no completed review.")
            for pk in deciding.values_list("pk", flat=True)
        }
        try:
            # Two bulk moves, one audit event per application with its own note.
            for target, decided in (
                (wf.SELECTED, deciding.filter(pk__in=chosen)),
                (wf.REJECTED, deciding.exclude(pk__in=chosen)),
            ):
                transition_many(decided, target, actor, notes=notes, system=actor is None)
            selection.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
            selection.confirmed_at = timezone.now()
            transition(
                selection,
                swf.SelectionStatus.CONFIRMED,
                actor,
                system=actor is None,
                also_save=["confirmed_by", "confirmed_at"],
            )
        except TransitionNotAllowed as exc:
            raise ValidationError(str(exc)) from exc
        record(call, action="selection:confirmed", actor=actor, note=_("%(n)s selected") % {"n": len(chosen)})
        if still_open:
            record(
                call,
                action="selection:open_reviews_closed",
                actor=actor,
                note=ngettext(
                    "%(n)d open review closed: %(reason)s",
                    "%(n)d open reviews closed: %(reason)s",
                    still_open,
                )
                % {"n": still_open, "reason": reason},
            )
    start_job(
        LETTERS_JOB_KIND,
        _("Decision letters for %(call)s") % {"call": call.title},
        params={"selection": selection.pk},
        user=actor,
    )
    selection.refresh_from_db()
    return selection


@job_runner(LETTERS_JOB_KIND, retry=True)  # skips every letter already sent
def _letters_job(job: Job, progress: Progress) -> dict[str, Any]:
    selection = Selection.objects.select_related("call").get(pk=job.params["selection"])
    return {"letters": do_send_decision_letters(selection, progress, sent_by=job.created_by)}


def reviewer_comments(reviews: list[Review], setup: ReviewRules, language: str) -> list[dict[str, Any]]:
    """What the experts wrote in their submitted `reviews` of one application, without their names:
    per review, the overall comment and each criterion's comment labelled in `language`."""
    shared = []
    for review in reviews:
        criteria = [
            {"label": setup.criterion_label(code, language), "comment": str(text).strip()}
            for code, text in (review.comments or {}).items()
            if str(text).strip()
        ]
        if review.overall.strip() or criteria:
            shared.append({"overall": review.overall.strip(), "criteria": criteria})
    return shared


def submitted_reviews(application_pks: list[int]) -> dict[int, list[Review]]:
    by_application: dict[int, list[Review]] = {pk: [] for pk in application_pks}
    reviews = Review.objects.filter(
        assignment__application_id__in=application_pks, status=Review.Status.SUBMITTED
    ).select_related("assignment")
    for review in reviews.order_by("submitted_at", "pk"):
        by_application[review.assignment.application_id].append(review)
    return by_application


LETTER_TEMPLATES = ("decision_selected", "decision_not_selected")
LETTER_BATCH = 200  # applications per batch: their members and reviews read in one query each


def decision_letter(
    application: Application,
    chosen: bool,
    setup: ReviewRules,
    grant: Decimal,
    reviews: Mapping[int, list[Review]],
    language: str,
) -> tuple[str, dict[str, Any]]:
    """The template and context of `application`'s decision letter for a member reading `language`:
    the one recipe of both the letters sent and their preview (selection/letters.py)."""
    return LETTER_TEMPLATES[0] if chosen else LETTER_TEMPLATES[1], {
        "application": application,
        "call": application.challenge.call,
        "challenge": application.challenge,
        "amount": adapter.cost_of(application, grant),
        "comments": reviewer_comments(reviews.get(application.pk, []), setup, language),
    }


def do_send_decision_letters(
    selection: Selection, progress: Progress | None = None, sent_by: Any = None
) -> int:
    """Write to every member of every organisation the confirmed selection decided about, each in
    their own language, with the experts' comments when the call shares them; returns how many
    letters went out.

    The applications go in batches of LETTER_BATCH (pk order), each batch reading its members and
    reviews in one query each and sent by `core.mail.send_letters` (recorded with one INSERT before
    they go out, over one connection, marked sent with one UPDATE, one LETTER_SENT event per
    application written together), so a call of any size takes a few queries per batch on SQLite
    and PostgreSQL alike. A run stopped anywhere loses nothing, and a run again writes only to
    those who have no letter marked sent: a letter marked sent is never sent twice (a process
    killed between a batch's sending and its marking would send that batch again). A letter the
    mail server refuses is recorded with its reason and the others still go; then the run ends
    refused, saying how many are left, to be sent again."""
    call = selection.call
    setup = review_rules(call)
    decided = list(
        Application.objects.filter(challenge__call=call, status__in={wf.SELECTED, wf.REJECTED})
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    finished = _finished(decided)  # every letter out (also those sent before letters were recorded)
    pks = [pk for pk in decided if str(pk) not in finished]
    grant = adapter.default_grant(call)
    sent = failed = 0
    for start in range(0, len(pks), LETTER_BATCH):
        batch = pks[start : start + LETTER_BATCH]
        applications = (
            Application.objects.filter(pk__in=batch)
            .select_related("organisation", "challenge__call")
            .prefetch_related(
                Prefetch("organisation__memberships", queryset=Membership.objects.select_related("user"))
            )
            .order_by("pk")
        )
        reviews = submitted_reviews(batch) if setup.share_comments else {}
        already = sent_to(Application, batch, LETTER_TEMPLATES)
        outgoing: list[Outgoing] = []
        members_of: list[tuple[Application, list[Membership]]] = []
        for application in applications:
            members = list(application.organisation.memberships.all())
            members_of.append((application, members))
            for membership in members:
                user = membership.user
                if (str(application.pk), user.pk) in already:
                    continue
                template, context = decision_letter(
                    application, application.status == wf.SELECTED, setup, grant, reviews, user.language
                )
                outgoing.append(Outgoing(user, template, context, about=application))
        # Recorded before they go out, marked sent after (`core.mail.send_letters`), no transaction
        # around: a letter that went out is never undone by a rollback.
        letters = send_letters(outgoing, sent_by=sent_by)
        unsent = [letter for letter in letters if letter.sent_at is None]
        for letter in unsent:
            logger.error(
                "letter of A-%05d to %s not sent: %s", int(letter.object_id), letter.email, letter.error
            )
        failed += len(unsent)
        sent += len(letters) - len(unsent)
        refused = {letter.object_id for letter in unsent}
        complete = [(a, members) for a, members in members_of if str(a.pk) not in refused]
        record_many(
            [a for a, _members in complete],
            action=LETTER_SENT,
            actors=[None] * len(complete),
            notes=[", ".join(m.user.email for m in members) for _a, members in complete],
        )
        if progress is not None:
            progress(min(start + LETTER_BATCH, len(pks)), len(pks), gettext_noop("decision letters"))
    if failed:
        record(call, action="selection:letters_failed", actor=None, note=str(failed))
        raise ValidationError(
            ngettext(
                "Letters sent: %(sent)d. %(failed)d letter could not be sent (the mail server refused "
                "it). Send the unsent letters again: nobody gets a letter twice.",
                "Letters sent: %(sent)d. %(failed)d letters could not be sent (the mail server refused "
                "them). Send the unsent letters again: nobody gets a letter twice.",
                failed,
            )
            % {"sent": sent, "failed": failed}
        )
    Selection.objects.filter(pk=selection.pk).update(letters_sent_at=timezone.now())
    record(call, action="selection:letters_sent", actor=None, note=str(sent))
    return sent


def _call_of(job: Job) -> Call:
    if "call" in job.params:
        return Call.objects.get(pk=job.params["call"])
    return Selection.objects.select_related("call").get(pk=job.params["selection"]).call


describe_job(
    JOB_KIND,
    lambda job: _("Selection for %(call)s") % {"call": _call_of(job).title},
    lambda job: (
        _("A cohort was found: it is shown below.")
        if job.result.get("feasible")
        else _("No cohort meets the rules: the reasons are shown below.")
    ),
)
describe_job(
    LETTERS_JOB_KIND,
    lambda job: _("Decision letters for %(call)s") % {"call": _call_of(job).title},
    lambda job: (
        ngettext(
            "%(n)s decision letter sent.", "%(n)s decision letters sent.", int(job.result.get("letters", 0))
        )
        % {"n": count(job.result.get("letters"))}
    ),
)


def _finished(pks: list[int]) -> set[str]:
    """The applications among `pks` whose letters all went out (the audit trail says so)."""
    return set(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id__in=[str(pk) for pk in pks],
            action=LETTER_SENT,
        ).values_list("object_id", flat=True)
    )


def unsent_letters(selection: Selection) -> int:
    """How many members of the decided organisations have no decision letter yet (0 before the
    confirmation): what "send the unsent letters" would write."""
    if selection.status != Selection.Status.CONFIRMED:
        return 0
    decided = list(
        Application.objects.filter(
            challenge__call=selection.call, status__in={wf.SELECTED, wf.REJECTED}
        ).values_list("pk", flat=True)
    )
    done = _finished(decided)
    open_pks = [pk for pk in decided if str(pk) not in done]
    wanted = {
        (str(pk), user_id)
        for pk, user_id in Application.objects.filter(pk__in=open_pks).values_list(
            "pk", "organisation__memberships__user_id"
        )
        if user_id is not None
    }
    return len(wanted - sent_to(Application, open_pks, LETTER_TEMPLATES))


def latest_letters_job(selection: Selection) -> Job | None:
    return jobs.latest_job(LETTERS_JOB_KIND, selection=selection.pk)


def check_send_unsent_letters(selection: Selection, actor: Any) -> Job:
    """Queue the decision letters of a confirmed selection again: only those not sent yet go out."""
    _require_director(actor, selection.call)
    if selection.status != Selection.Status.CONFIRMED:
        raise ValidationError(_("Letters go out once the selection is confirmed."))
    running = latest_letters_job(selection)
    if running is not None and running.is_active:
        return running
    if not unsent_letters(selection):
        raise ValidationError(_("Every decision letter of this call has been sent."))
    record(selection.call, action="selection:letters_resent", actor=actor)
    return start_job(
        LETTERS_JOB_KIND,
        _("Decision letters for %(call)s") % {"call": selection.call.title},
        params={"selection": selection.pk},
        user=actor,
    )
