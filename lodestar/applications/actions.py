"""Everything that changes an application. HTML views, htmx partials, the API and commands call
these functions; none of them takes a request. `check_*` validate then act, `do_*` just act.

Every refusal raises `ValidationError` (or `TransitionNotAllowed`) with a message in the active
language and leaves the stored application as it was: a refused submission keeps the draft.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lodestar.applications import workflow as wf
from lodestar.applications.engine_adapter import language_of
from lodestar.applications.files import check_pdf
from lodestar.applications.models import Answer, Application, Attachment, TeamMember
from lodestar.applications.reasons import ineligibility_reasons
from lodestar.core.mail import send_letter
from lodestar.core.models import Audience, EdtArea
from lodestar.core.workflow import TransitionNotAllowed, record, transition
from lodestar.organisations.models import Organisation, is_member
from lodestar.programmes import eligibility
from lodestar.programmes.models import Call, Challenge, EligibilityRule, Question

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 10
DRAFT_FIELDS = ("title", "summary", "description", "trl", "requested_amount")


@dataclass(frozen=True)
class TeamMemberData:
    name: str
    role: str
    nation: str = ""
    expertise: str = ""


def _require_member(application: Application, actor: Any) -> None:
    if not application.is_member(actor):
        raise PermissionDenied(_("Only members of the applying organisation may do this."))


def _require_open(challenge: Challenge, now: datetime | None = None) -> None:
    call = challenge.call
    now = now or timezone.now()
    if now < call.opens_at:
        raise ValidationError(_("This call is not open yet."), code="not_open")
    if now >= call.closes_at:
        raise ValidationError(
            _(
                "The deadline of this call has passed; applications can no longer be sent. "
                "Your draft is kept."
            ),
            code="deadline",
        )


def _require_positive_amount(fields: dict[str, Any]) -> None:
    amount = fields.get("requested_amount")
    if amount is not None and Decimal(amount) <= 0:
        raise ValidationError(_("The requested amount must be greater than zero."), code="amount")


def _save_team(application: Application, team: Iterable[TeamMemberData]) -> None:
    application.team.all().delete()
    TeamMember.objects.bulk_create(
        TeamMember(application=application, name=m.name, role=m.role, nation=m.nation, expertise=m.expertise)
        for m in team
        if m.name.strip()
    )


# Checks that apps above this one add to sending an application (which this module cannot import):
# each raises ValidationError to refuse. Partner grants send their applications from their own page.
SUBMISSION_GUARDS: list[Callable[[Application], None]] = []
# The same for editing a draft (partner grants edit their applications from their own page too).
EDIT_GUARDS: list[Callable[[Application], None]] = []
# A submission guard's variant for many applications at once (bulk.py's `check_submit_many`), with one
# query whatever their number: it raises as the guard would for the first one refused.
SUBMISSION_GUARDS_MANY: dict[Callable[[Application], None], Callable[[Sequence[Application]], None]] = {}


@transaction.atomic
def check_create_draft(
    actor: Any,
    organisation: Organisation,
    challenge: Challenge,
    fields: dict[str, Any],
    areas: Iterable[EdtArea] = (),
    team: Iterable[TeamMemberData] = (),
    now: datetime | None = None,
) -> Application:
    """Start an application of `organisation` to `challenge`; the call must be open."""
    if not is_member(organisation.pk, actor):
        raise PermissionDenied(_("Only members of the applying organisation may do this."))
    _require_open(challenge, now)
    _require_positive_amount(fields)
    if Application.objects.filter(organisation=organisation, challenge=challenge).exists():
        raise ValidationError(
            _("%(organisation)s has already applied to this challenge; open that application instead.")
            % {"organisation": organisation.legal_name},
            code="duplicate",
        )
    application = Application(organisation=organisation, challenge=challenge, created_by=actor)
    for name in DRAFT_FIELDS:
        if name in fields:
            setattr(application, name, fields[name])
    application.language = language_of(application)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # a second tab created it a moment ago
        raise ValidationError(
            _("This organisation has already applied to this challenge."), code="duplicate"
        ) from exc
    application.areas.set(list(areas))
    _save_team(application, team)
    record(application, action="application:created", actor=actor)
    return application


def _require_draft_locked(application: Application, message: str) -> None:
    """Lock the application's row and refuse with `message` unless it is still a draft (call inside a
    transaction): the copy loaded at the start of the request may be stale by now (a submission in
    another tab), so the state is read again under the lock."""
    current = Application.objects.select_for_update().values_list("status", flat=True).get(pk=application.pk)
    if current not in wf.EDITABLE:
        raise ValidationError(message, code="not_draft")


@transaction.atomic
def check_update_draft(
    application: Application,
    actor: Any,
    fields: dict[str, Any],
    areas: Iterable[EdtArea] | None = None,
    team: Iterable[TeamMemberData] | None = None,
) -> Application:
    """Save the draft's own fields. The row is locked and its status read again first, and only the
    draft's fields are written: a save that loses a race with a submission is refused, and it never
    writes the status it loaded back over the submission."""
    _require_member(application, actor)
    for guard in EDIT_GUARDS:
        guard(application)
    _require_draft_locked(application, _("Only a draft can be edited."))
    _require_positive_amount(fields)
    for name in DRAFT_FIELDS:
        if name in fields:
            setattr(application, name, fields[name])
    application.language = language_of(application)
    application.save(update_fields=[*DRAFT_FIELDS, "language", "updated_at"])
    if areas is not None:
        application.areas.set(list(areas))
    if team is not None:
        _save_team(application, team)
    return application


def missing_for_submission(application: Application) -> list[str]:
    """What the draft still lacks, as messages for the applicant (empty when complete)."""
    return _missing(application, application.team.exists(), unanswered(application))


def _missing(application: Application, has_team: bool, unanswered_questions: list[str]) -> list[str]:
    missing = []
    if not application.title.strip():
        missing.append(_("a title"))
    if not application.summary.strip():
        missing.append(_("a summary"))
    if len(application.description.strip()) < 200:
        missing.append(_("a description of at least 200 characters"))
    if application.trl is None:
        missing.append(_("the technology readiness level"))
    if application.requested_amount is None:
        missing.append(_("the requested amount"))
    elif application.requested_amount <= 0:
        # A draft saved before amounts were checked: never called complete.
        missing.append(_("a requested amount greater than zero"))
    if not has_team:
        missing.append(_("at least one team member"))
    return missing + unanswered_questions


def check_submit(application: Application, actor: Any, now: datetime | None = None) -> Application:
    """Send the application. Refused, with the draft untouched, when incomplete or after the deadline.

    The row is locked before anything is checked, so of several submissions at once (a double click,
    two tabs) exactly one goes through and one confirmation letter goes to each member; the others
    are told it has already been sent."""
    _require_member(application, actor)
    for guard in SUBMISSION_GUARDS:
        guard(application)
    with transaction.atomic():
        _require_draft_locked(application, _("This application has already been sent."))
        # What another tab saved a moment ago counts.
        application.refresh_from_db(fields=list(DRAFT_FIELDS))
        _require_open(application.challenge, now)
        missing = missing_for_submission(application)
        if missing:
            raise ValidationError(
                _("Before sending, please add: %(missing)s.") % {"missing": ", ".join(missing)},
                code="incomplete",
            )
        if application.requested_amount is not None and application.requested_amount <= Decimal(0):
            raise ValidationError(_("The requested amount must be greater than zero."), code="amount")
        report = eligibility.evaluate(
            application.call, application.organisation, application.requested_amount
        )
        application.submitted_at = now or timezone.now()
        application.eligibility_verdict = report.verdict
        application.eligibility_report = report.as_json()
        transition(
            application,
            wf.SUBMITTED,
            actor,
            also_save=["submitted_at", "eligibility_verdict", "eligibility_report", "updated_at"],
        )
        # The first submission freezes the call's own questions: answers sent keep their meaning.
        Call.objects.filter(pk=application.call.pk, form_frozen_at__isnull=True).update(
            form_frozen_at=application.submitted_at
        )
        members = [m.user for m in application.organisation.memberships.select_related("user")]
        transaction.on_commit(lambda: _send_confirmations(application, members, actor))
    return application


def _send_confirmations(application: Application, members: list[Any], actor: Any) -> None:
    """After the commit: one confirmation per member, each recorded on the application. A letter that
    cannot be sent (the mail server refused it) is recorded with the reason for staff to see; the
    submission stands."""
    for user in members:
        try:
            send_letter(
                user,
                "application_submitted",
                {"application": application, "call": application.call},
                about=application,
                sent_by=actor,
            )
        except Exception:
            logger.exception("confirmation of %s to %s not sent", application.reference, user.email)


def check_withdraw(
    application: Application, actor: Any, note: str = "", now: datetime | None = None
) -> Application:
    _require_member(application, actor)
    if (now or timezone.now()) >= application.call.closes_at:
        raise ValidationError(_("The deadline has passed: the application can no longer be withdrawn."))
    # The applicant's own words: shared (it reads them back in its history), and read by staff.
    transition(application, wf.WITHDRAWN, actor, note=note, audience=Audience.SHARED)
    return application


def check_reopen(application: Application, actor: Any) -> Application:
    """Bring a withdrawn application back as a draft while the call is open."""
    _require_member(application, actor)
    _require_open(application.challenge)
    application.submitted_at = None
    transition(application, wf.DRAFT, actor, also_save=["submitted_at"])
    return application


def check_add_attachment(application: Application, actor: Any, upload: Any) -> Attachment:
    """Store `upload` as an attachment of a draft. The file is checked first (outside any lock: it can
    take a moment); then, with the application's row locked, the draft state and the limit of
    MAX_ATTACHMENTS are checked in the same transaction as the write, so parallel uploads cannot go
    past the limit. A refused or failed write leaves no stored file behind."""
    _require_member(application, actor)
    digest = check_pdf(upload)
    with transaction.atomic():
        _require_draft_locked(
            application, _("Attachments can be changed only while the application is a draft.")
        )
        if Attachment.objects.filter(application=application).count() >= MAX_ATTACHMENTS:
            raise ValidationError(
                _("An application may have at most %(n)s attachments.") % {"n": MAX_ATTACHMENTS}
            )
        attachment = Attachment(
            application=application,
            original_name=upload.name[-200:],
            size=upload.size,
            sha256=digest,
            uploaded_by=actor,
        )
        attachment.file.save(upload.name, upload, save=False)
        stored = attachment.file.name
        try:
            attachment.save()
            record(
                application, action="application:attachment_added", actor=actor, note=attachment.original_name
            )
        except Exception:
            attachment.file.storage.delete(stored)
            raise
    return attachment


def check_remove_attachment(attachment: Attachment, actor: Any) -> None:
    """Remove an attachment of a draft (the application's row locked while its state is checked);
    the file goes once the row's removal is committed."""
    application = attachment.application
    _require_member(application, actor)
    with transaction.atomic():
        _require_draft_locked(
            application, _("Attachments can be changed only while the application is a draft.")
        )
        name, stored, storage = attachment.original_name, attachment.file.name, attachment.file.storage
        deleted, _rows = Attachment.objects.filter(pk=attachment.pk).delete()
        if deleted:
            record(application, action="application:attachment_removed", actor=actor, note=name)
            transaction.on_commit(lambda: storage.delete(stored))


class Screening:
    ACCEPT = "accept"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"


def check_screen(
    application: Application,
    actor: Any,
    decision: str,
    note: str = "",
    audience: str = Audience.INTERNAL,
) -> Application:
    """Staff screening: accept the automatic verdict, or set one; any override needs a note.

    The note is internal unless `audience` shares it with the applicant. A "not eligible" decision
    that no rule of the call refuses needs a shared note: the applicant is always told why. The
    members of the organisation then receive a letter with the reasons (in their language)."""
    target = _screening_target(application, actor, decision, note, audience)
    application.screening_note = note.strip()
    application.screened_by = actor
    application.screened_at = timezone.now()
    try:
        with transaction.atomic():
            transition(
                application,
                target,
                actor,
                note=note.strip(),
                audience=audience,
                also_save=["screening_note", "screened_by", "screened_at"],
            )
            if target == wf.INELIGIBLE:
                members = [m.user for m in application.organisation.memberships.select_related("user")]
                transaction.on_commit(lambda: _send_ineligibility_letters(application, members))
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    return application


def _screening_target(application: Application, actor: Any, decision: str, note: str, audience: str) -> str:
    """The state a screening decision moves the application to, or the refusal (see check_screen)."""
    if not wf.is_programme_team(actor, application):
        raise PermissionDenied(_("Only programme staff may screen applications."))
    if application.status not in wf.SCREENABLE:
        raise ValidationError(_("Only submitted applications can be screened."))
    automatic = application.eligibility_verdict
    if decision == Screening.ACCEPT:
        if automatic not in (eligibility.Verdict.ELIGIBLE, eligibility.Verdict.INELIGIBLE):
            raise ValidationError(
                _(
                    "The automatic check flagged this application for review: "
                    "decide eligible or not, with a note."
                )
            )
        target = wf.ELIGIBLE if automatic == eligibility.Verdict.ELIGIBLE else wf.INELIGIBLE
    elif decision in (Screening.ELIGIBLE, Screening.INELIGIBLE):
        target = wf.ELIGIBLE if decision == Screening.ELIGIBLE else wf.INELIGIBLE
        if target != automatic and not note.strip():
            raise ValidationError(_("Overriding the automatic result needs a note explaining why."))
    else:
        raise ValidationError(_("Unknown screening decision."))
    if target == application.status:
        raise ValidationError(_("The application already has this status."))
    if audience not in Audience.values:
        raise ValidationError(_("Choose who reads the note."))
    refused_by_rule = any(
        not o.get("met", True) and o.get("outcome") == EligibilityRule.Outcome.REFUSE
        for o in application.eligibility_report or []
    )
    if target == wf.INELIGIBLE and not refused_by_rule and not (note.strip() and audience == Audience.SHARED):
        raise ValidationError(
            _(
                "No rule of the call refuses this application: tell the applicant why it is not "
                "eligible, in a note shared with the applicant."
            )
        )
    return target


def _send_ineligibility_letters(application: Application, members: list[Any]) -> None:
    """The "not eligible" letter, each member in its own language, with the reasons it may read."""
    for user in members:
        with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            reasons = ineligibility_reasons(application)
        send_letter(
            user,
            "application_ineligible",
            {"application": application, "call": application.call, "reasons": reasons},
            about=application,  # kept in full on the application's page, like its other letters
        )


# --- Answers to the call's own questions (the form staff build in programmes) ----------------------


def unanswered(application: Application) -> list[str]:
    """The required questions of the call that the draft leaves without an answer, named."""
    return _unanswered(application.answers.all(), application.call.questions.all())


def _unanswered(given: Iterable[Answer], questions: Iterable[Question]) -> list[str]:
    answers = {a.question_id: a for a in given}
    missing = []
    for question in questions:
        answer = answers.get(question.pk)
        empty = answer is None or (
            answer.attachment_id is None if question.kind == Question.Kind.FILE else not answer.value.strip()
        )
        if question.required and empty:
            missing.append(_("an answer to “%(question)s”") % {"question": question.label})
    return missing


def check_save_answers(
    application: Application,
    actor: Any,
    values: dict[int, str],
    uploads: dict[int, Any] | None = None,
    now: datetime | None = None,
) -> None:
    """Keep the draft's answers to its call's questions (`values` by question id, already cleaned by
    the form; an empty string clears an answer). A file is added as an attachment of the application,
    checked as any other, and replaces the one the question had."""
    _require_member(application, actor)
    _require_open(application.challenge, now)
    questions = {q.pk: q for q in application.call.questions.all()}
    with transaction.atomic():
        # Under the row lock, as a draft save: a submission in another tab meanwhile refuses this.
        _require_draft_locked(application, _("This application has already been sent."))
        for question_id, value in values.items():
            if question_id not in questions or questions[question_id].kind == Question.Kind.FILE:
                continue
            Answer.objects.update_or_create(
                application=application, question_id=question_id, defaults={"value": value}
            )
        for question_id, upload in (uploads or {}).items():
            if question_id not in questions or questions[question_id].kind != Question.Kind.FILE:
                continue
            attachment = check_add_attachment(application, actor, upload)
            answer, _created = Answer.objects.get_or_create(application=application, question_id=question_id)
            previous = answer.attachment
            answer.attachment = attachment
            answer.value = ""
            answer.save(update_fields=["attachment", "value"])
            if previous is not None:
                check_remove_attachment(previous, actor)
