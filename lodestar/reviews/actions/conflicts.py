"""Conflicts of interest: detection as a job, staff decisions, declarations by experts and applicants.

Detection suggests; a person decides. A suggestion blocks assignment until someone dismisses it
(with a note), a confirmed conflict always blocks, and an expert's own declaration is confirmed at
once. An applicant's declaration stays a suggestion, so that staff can check it is not a way to
avoid a strict reviewer. `reviews.queries.blocking_pairs(call)` is what the assignment reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.core import jobs
from lodestar.core.errors import error_text
from lodestar.core.job_text import count, describe_job
from lodestar.core.jobs import Progress, job_runner, start_job
from lodestar.core.models import Job
from lodestar.core.nations import nation_name
from lodestar.core.permissions import may_act, require_programme_team
from lodestar.core.roles import ANYWHERE, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, TransitionNotAllowed, record, transition, transition_many
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.programmes.models import Call
from lodestar.reviews import workflow as rwf
from lodestar.reviews.actions.assignment import LIVE, check_reassign
from lodestar.reviews.engine_adapter import conflicts as adapter
from lodestar.reviews.models import Assignment, Conflict

JOB_KIND = "reviews:conflicts"
MAX_APPLICANT_DECLARATIONS = 20
# An applicant may name people to avoid until the review is over.
DECLARABLE = wf.EDITABLE | wf.IN_COMPETITION

ACTION_LABELS.update(
    {
        "conflict:detection_started": gettext_lazy("Conflict detection started"),
        "conflict:confirmed": gettext_lazy("Conflict of interest confirmed"),
        "conflict:dismissed": gettext_lazy("Conflict of interest dismissed"),
        "conflict:declared_by_expert": gettext_lazy("Conflict declared by the expert"),
        "conflict:declared_by_applicant": gettext_lazy("Reviewers to avoid declared"),
        "conflict:declaration_removed": gettext_lazy("Declaration removed"),
        "conflict:reassignment_needed": gettext_lazy("Reassignment needed after a conflict"),
    }
)


def describe_conflict(conflict: Conflict) -> str:
    """The evidence in the active language, worded again from the conflict's kind and facts (the
    engine writes its evidence in English only)."""
    f = conflict.facts or {}
    kind = conflict.kind
    K = Conflict.Kind
    if kind == K.SAME_ORGANISATION and f.get("person"):
        return _("Named in the applicant's team (%(person)s)") % {"person": f["person"]}
    if kind == K.SAME_ORGANISATION and f.get("organisation"):
        return _("Works at %(org)s") % {"org": f["organisation"]}
    if kind == K.PAST_EMPLOYMENT and f.get("organisation"):
        return _("Worked at %(org)s until %(year)s") % {"org": f["organisation"], "year": f.get("until", "")}
    if kind == K.FINANCIAL_TIE and f.get("owner"):
        return _("%(owner)s is a shareholder or investor of %(org)s") % {
            "owner": f["owner"],
            "org": f.get("organisation", ""),
        }
    if kind == K.FINANCIAL_TIE and f.get("organisation"):
        return _("Holds shares in or invested in %(org)s") % {"org": f["organisation"]}
    if kind == K.CO_AUTHORSHIP and f.get("coauthor"):
        return _("Co-author of “%(document)s” with %(person)s") % {
            "document": f.get("document", ""),
            "person": f["coauthor"],
        }
    if kind == K.CO_AUTHORSHIP and f.get("document"):
        return _("Author of the applicant's document “%(document)s”") % {"document": f["document"]}
    if kind == K.SAME_NATION and f.get("nation"):
        return _("Both from %(nation)s") % {"nation": nation_name(f["nation"])}
    if kind == K.DECLARED_BY_EXPERT:
        if f.get("organisation"):
            return _("Declared by the expert: ties with %(org)s") % {"org": f["organisation"]}
        return _("Declared by the expert")
    if kind == K.DECLARED_BY_APPLICANT:
        if f.get("declared"):
            return _("The applicant asked that “%(name)s” not review it") % {"name": f["declared"]}
        return _("Declared by the applicant")
    return conflict.evidence


# --- Detection ------------------------------------------------------------------------------------


def latest_job(call: Call) -> Job | None:
    return jobs.latest_job(JOB_KIND, call=call.pk)


def check_run_detection(call: Call, actor: Any) -> Job:
    """Queue conflict detection for `call`; while a run is under way, return that one."""
    require_programme_team(actor, on=call)
    running = latest_job(call)
    if running is not None and running.is_active:
        return running
    record(call, action="conflict:detection_started", actor=actor)
    return start_job(
        JOB_KIND,
        _("Conflicts of interest for %(call)s") % {"call": call.title},
        params={"call": call.pk},
        user=actor,
    )


@job_runner(JOB_KIND, retry=True)  # replaces its results in one transaction at the end
def _run(job: Job, progress: Progress) -> dict[str, Any]:
    call = Call.objects.get(pk=job.params["call"])
    return adapter.run_detection(call, progress)


def _outcome(job: Job) -> str:
    found = int(job.result.get("found", 0))
    return ngettext(
        "%(n)s possible conflict found among %(a)s applications and %(e)s experts.",
        "%(n)s possible conflicts found among %(a)s applications and %(e)s experts.",
        found,
    ) % {"n": count(found), "a": count(job.result.get("applications")), "e": count(job.result.get("experts"))}


describe_job(
    JOB_KIND,
    lambda job: (
        _("Conflicts of interest for %(call)s") % {"call": Call.objects.get(pk=job.params["call"]).title}
    ),
    _outcome,
)


# --- Staff decisions ------------------------------------------------------------------------------


def _decide(conflict: Conflict, actor: Any, state: str, note: str) -> None:
    """Move `conflict` to `state` with the deciding person's note; the caller holds its row lock."""
    conflict.note = note.strip()
    conflict.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    conflict.decided_at = timezone.now()
    try:
        transition(conflict, state, actor, note=conflict.note, also_save=["note", "decided_by", "decided_at"])
    except TransitionNotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc


def check_confirm(conflict: Conflict, actor: Any, note: str = "") -> Conflict:
    """Confirm a suggestion (or go back on a dismissal): the pair is never assigned."""
    require_programme_team(actor, on=conflict.application)
    with transaction.atomic():
        conflict = Conflict.objects.select_for_update().select_related("application").get(pk=conflict.pk)
        if conflict.state == Conflict.State.CONFIRMED:
            raise ValidationError(_("This conflict is already confirmed."))
        _decide(conflict, actor, Conflict.State.CONFIRMED, note)
    on_conflict_confirmed(conflict, actor)
    return conflict


def check_confirm_many(conflicts: Iterable[Conflict], actor: Any) -> int:
    """Confirm every conflict given that is not confirmed yet, in one bulk move (one audit event
    each); returns how many changed."""
    require_programme_team(actor, on=ANYWHERE)  # and the workflow checks each one's programme
    pending = Conflict.objects.filter(pk__in=[c.pk for c in conflicts]).exclude(
        state=Conflict.State.CONFIRMED
    )
    try:
        confirmed = transition_many(
            pending,
            Conflict.State.CONFIRMED,
            actor,
            values={"note": "", "decided_by": actor, "decided_at": timezone.now()},
        )
    except TransitionNotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    for conflict in confirmed:
        on_conflict_confirmed(conflict, actor)
    return len(confirmed)


def check_dismiss(conflict: Conflict, actor: Any, note: str) -> Conflict:
    """Dismiss a suggestion as a false positive; the note saying why is required."""
    require_programme_team(actor, on=conflict.application)
    if not note.strip():
        raise ValidationError(_("Dismissing a conflict needs a note saying why it is not one."))
    with transaction.atomic():
        conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
        if conflict.kind == Conflict.Kind.DECLARED_BY_EXPERT:
            raise ValidationError(
                _("An expert's own declaration cannot be dismissed: the expert knows its ties best.")
            )
        if conflict.state == Conflict.State.DISMISSED:
            raise ValidationError(_("This conflict is already dismissed."))
        _decide(conflict, actor, Conflict.State.DISMISSED, note)
    return conflict


def on_conflict_confirmed(conflict: Conflict, actor: Any = None) -> None:
    """A pair that now blocks may already be assigned, proposed or published: have that application
    reassigned (the assignment stage replaces the blocked expert); when it cannot, the need is
    recorded for staff to act on."""
    pair = Assignment.objects.filter(
        application_id=conflict.application_id, expert_id=conflict.expert_id, status__in=LIVE
    )
    if not pair.exists():
        return
    application = Application.objects.get(pk=conflict.application_id)
    note = _("%(expert)s has a conflict of interest with this application.") % {"expert": conflict.expert}
    try:
        check_reassign(application, actor)
    except (ValidationError, PermissionDenied) as exc:
        note = f"{note} {error_text(exc)}"
    if pair.exists():  # refused, or an application the stage leaves as it is: staff must act
        record(application, action="conflict:reassignment_needed", actor=actor, note=note)


# --- Declarations by experts ----------------------------------------------------------------------


def _require_expert_or_staff(expert: Expert, actor: Any, on: Any) -> None:
    """The expert itself, or the programme team of `on`."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in first."))
    if expert.user_id != actor.pk and not may_act(actor, PROGRAMME_TEAM, on):
        raise PermissionDenied(_("Only the expert or programme staff may do this."))


def check_declare_application(expert: Expert, application: Application, actor: Any, reason: str) -> Conflict:
    """The expert declares a conflict with an application assigned to it: confirmed at once, and
    the proposal goes to another expert."""
    _require_expert_or_staff(expert, actor, on=application)
    if not reason.strip():
        raise ValidationError(_("Say in a few words why you should not review this application."))
    if not Assignment.objects.filter(
        application=application,
        expert=expert,
        status__in=rwf.LIVE,
    ).exists():
        raise PermissionDenied(_("This application is not assigned to you."))
    with transaction.atomic():
        # A declaration starts confirmed (a state the workflow allows new rows to start in).
        conflict, created = Conflict.objects.select_for_update().get_or_create(
            application=application,
            expert=expert,
            kind=Conflict.Kind.DECLARED_BY_EXPERT,
            defaults={
                "evidence": "Declared by the expert",
                "facts": {},
                "state": Conflict.State.CONFIRMED,
                "note": reason.strip(),
                "decided_by": actor,
                "decided_at": timezone.now(),
            },
        )
        if created:
            record(
                conflict,
                action="conflict:declared_by_expert",
                actor=actor,
                note=conflict.note,
                to_state=conflict.state,
            )
        elif conflict.state == Conflict.State.CONFIRMED:
            raise ValidationError(_("You have already declared this conflict."))
        else:
            _decide(conflict, actor, Conflict.State.CONFIRMED, reason)
    on_conflict_confirmed(conflict, actor)
    return conflict


def confirm_declared_ties(declaration: ConflictDeclaration, actor: Any) -> list[Conflict]:
    """An expert declared ties with an organisation (experts.actions.check_declare_organisation sends
    `organisation_declared` inside its transaction): every application of it still in review becomes a
    confirmed conflict now, and is reassigned; every later detection run adds that organisation's new
    ones."""
    expert = declaration.expert
    assert expert is not None  # an organisation is declared by an expert, never by an applicant
    reason = declaration.reason
    conflicts: list[Conflict] = []
    now = timezone.now()
    for application in adapter.applications_of_organisation(declaration.name):
        conflict, created = Conflict.objects.get_or_create(
            application=application,
            expert=expert,
            kind=Conflict.Kind.DECLARED_BY_EXPERT,
            defaults={
                "evidence": f"Declared by the expert: {application.organisation.legal_name}",
                "facts": {"organisation": application.organisation.legal_name},
                "state": Conflict.State.CONFIRMED,
                "note": reason,
                "decided_by": actor,
                "decided_at": now,
            },
        )
        if created:
            record(conflict, action="conflict:declared_by_expert", actor=actor, to_state=conflict.state)
            conflicts.append(conflict)
    for conflict in conflicts:
        on_conflict_confirmed(conflict, actor)
    return conflicts


def on_organisation_declared(
    sender: Any, declaration: ConflictDeclaration, actor: Any, **kwargs: Any
) -> None:
    """Receiver of experts.actions.organisation_declared, connected in ReviewsConfig.ready()."""
    confirm_declared_ties(declaration, actor)


# --- Declarations by applicants -------------------------------------------------------------------


def check_applicant_declare(
    application: Application, actor: Any, names: Iterable[str], reason: str = ""
) -> list[ConflictDeclaration]:
    """A member of the applying organisation names people or organisations that should not review
    it. Matching experts get a suggested conflict now (staff confirm or dismiss it); detection reads
    the names again on every run."""
    if not application.is_member(actor):
        raise PermissionDenied(_("Only members of the applying organisation may do this."))
    if application.status not in DECLARABLE:
        raise ValidationError(_("The review of this application is over; nothing can be declared any more."))
    existing = {d.name.casefold() for d in application.conflict_declarations.all()}
    new = [
        n
        for n in dict.fromkeys(" ".join(n.split())[:200] for n in names)
        if n and n.casefold() not in existing
    ]
    if not new:
        raise ValidationError(_("These names are already declared."))
    if len(existing) + len(new) > MAX_APPLICANT_DECLARATIONS:
        raise ValidationError(
            _("An application can name at most %(n)s people or organisations.")
            % {"n": MAX_APPLICANT_DECLARATIONS}
        )
    with transaction.atomic():
        declarations = ConflictDeclaration.objects.bulk_create(
            ConflictDeclaration(application=application, name=n, reason=reason.strip(), declared_by=actor)
            for n in new
        )
        adapter.sync_applicant_declarations(application)
        record(application, action="conflict:declared_by_applicant", actor=actor, note="; ".join(new))
    return declarations


def check_remove_applicant_declaration(declaration: ConflictDeclaration, actor: Any) -> None:
    application = declaration.application
    if application is None or not application.is_member(actor):
        raise PermissionDenied(_("Only members of the applying organisation may do this."))
    if application.status not in DECLARABLE:
        raise ValidationError(_("The review of this application is over; nothing can be changed any more."))
    with transaction.atomic():
        name = declaration.name
        declaration.delete()
        adapter.sync_applicant_declarations(application)
        record(application, action="conflict:declaration_removed", actor=actor, note=name)
