"""Bulk variants of the application actions (actions.py), for the simulation's thousands of rows.

Each applies, row by row, the same checks as its one-at-a-time action (the same helpers), with a fixed
number of queries whatever the number of rows; all or none (one refusal refuses them all and nothing
changes); the moves go through `transition_many`, one audit event per row; the same letters go out
after the commit. tests/test_simulation_bulk.py checks each gives the same result as its action.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lodestar.applications import workflow as wf
from lodestar.applications.actions import (
    DRAFT_FIELDS,
    SUBMISSION_GUARDS,
    SUBMISSION_GUARDS_MANY,
    TeamMemberData,
    _missing,
    _require_open,
    _require_positive_amount,
    _screening_target,
    _send_ineligibility_letters,
    _unanswered,
)
from lodestar.applications.engine_adapter import language_of
from lodestar.applications.models import Answer, Application, TeamMember
from lodestar.core.mail import Outgoing, send_letters
from lodestar.core.models import Audience, EdtArea
from lodestar.core.workflow import TransitionNotAllowed, record_many, transition_many
from lodestar.organisations.models import Membership, Organisation, members_read
from lodestar.programmes import eligibility
from lodestar.programmes.models import Call, Challenge, Question

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """One application to start in bulk: what `check_create_draft` takes."""

    actor: Any
    organisation: Organisation
    challenge: Challenge
    fields: dict[str, Any]
    areas: tuple[EdtArea, ...] = ()
    team: tuple[TeamMemberData, ...] = ()


def _update_by_value(applications: Sequence[Application], fields: Sequence[str]) -> None:
    """Save `fields` of `applications` as they are set on them: one UPDATE per distinct set of values
    when the rows share a few (thousands of submissions have a few dozen eligibility reports, the
    screening two notes), else `bulk_update`, whose CASE of one branch per row costs far more to
    build than a plain UPDATE."""
    groups: dict[str, tuple[dict[str, Any], list[int]]] = {}
    for application in applications:
        values = {name: getattr(application, name) for name in fields}
        key = json.dumps(values, sort_keys=True, default=repr)
        groups.setdefault(key, (values, []))[1].append(application.pk)
    if len(groups) > max(10, len(applications) // 4):
        Application.objects.bulk_update(applications, list(fields), batch_size=500)
        return
    for values, pks in groups.values():
        for start in range(0, len(pks), 1000):
            Application.objects.filter(pk__in=pks[start : start + 1000]).update(**values)


@transaction.atomic
def check_create_drafts(drafts: Sequence[Draft], now: datetime | None = None) -> list[Application]:
    """`check_create_draft` for many at once: membership, an open call, a positive amount and one
    application per organisation and challenge checked for each; all or none."""
    if not drafts:
        return []
    pairs = {(d.organisation.pk, d.actor.pk) for d in drafts if getattr(d.actor, "is_authenticated", False)}
    members = set(
        Membership.objects.filter(organisation_id__in={o for o, _u in pairs}).values_list(
            "organisation_id", "user_id"
        )
    )
    taken = set(
        Application.objects.filter(organisation_id__in={d.organisation.pk for d in drafts}).values_list(
            "organisation_id", "challenge_id"
        )
    )
    applications = []
    for draft in drafts:
        if (draft.organisation.pk, getattr(draft.actor, "pk", None)) not in members:
            raise PermissionDenied(_("Only members of the applying organisation may do this."))
        _require_open(draft.challenge, now)
        _require_positive_amount(draft.fields)
        if (draft.organisation.pk, draft.challenge.pk) in taken:
            raise ValidationError(
                _("%(organisation)s has already applied to this challenge; open that application instead.")
                % {"organisation": draft.organisation.legal_name},
                code="duplicate",
            )
        taken.add((draft.organisation.pk, draft.challenge.pk))
        application = Application(
            organisation=draft.organisation, challenge=draft.challenge, created_by=draft.actor
        )
        for name in DRAFT_FIELDS:
            if name in draft.fields:
                setattr(application, name, draft.fields[name])
        application.language = language_of(application)
        applications.append(application)
    try:
        with transaction.atomic():
            Application.objects.bulk_create(applications, batch_size=500)
    except IntegrityError as exc:  # one of them was created a moment ago, elsewhere
        raise ValidationError(
            _("This organisation has already applied to this challenge."), code="duplicate"
        ) from exc
    Through = Application.areas.through
    Through.objects.bulk_create(
        (
            Through(application_id=a.pk, edtarea_id=area.pk)
            for a, d in zip(applications, drafts, strict=True)
            for area in dict.fromkeys(d.areas)
        ),
        batch_size=1000,
    )
    TeamMember.objects.bulk_create(
        (
            TeamMember(application=a, name=m.name, role=m.role, nation=m.nation, expertise=m.expertise)
            for a, d in zip(applications, drafts, strict=True)
            for m in d.team
            if m.name.strip()
        ),
        batch_size=1000,
    )
    record_many(applications, action="application:created", actors=[d.actor for d in drafts])
    return applications


def check_submit_many(
    submissions: Sequence[tuple[Application, Any]], now: datetime | None = None
) -> list[Application]:
    """Send many applications at once, each by its own member (`(application, actor)` pairs): the
    checks of `check_submit`, row by row, with a fixed number of queries whatever their number, and
    all or none: one refusal refuses them all and every draft stays as it was. The moves go through
    `transition_many` (one audit event per application, by its own actor) and each member gets the
    same confirmation as after `check_submit`."""
    if not submissions:
        return []
    applications = [a for a, _actor in submissions]
    actors = {a.pk: actor for a, actor in submissions}
    org_ids = {a.organisation_id for a in applications}
    pks = [a.pk for a in applications]
    now = now or timezone.now()
    with transaction.atomic():
        # Every member of these organisations, read in this transaction: the membership check here,
        # the workflow's guard of each move (`members_read`) and the confirmations all use it.
        members_of: dict[int, list[Any]] = {o: [] for o in org_ids}
        for m in Membership.objects.filter(organisation_id__in=org_ids).select_related("user"):
            members_of[m.organisation_id].append(m.user)
        member_ids = {o: frozenset(u.pk for u in users) for o, users in members_of.items()}
        for application in applications:
            actor = actors[application.pk]
            if (
                not getattr(actor, "is_authenticated", False)
                or actor.pk not in member_ids[application.organisation_id]
            ):
                raise PermissionDenied(_("Only members of the applying organisation may do this."))
        for guard in SUBMISSION_GUARDS:
            many = SUBMISSION_GUARDS_MANY.get(guard)
            if many is not None:
                many(applications)
            else:
                for application in applications:
                    guard(application)
        fresh = {
            row["pk"]: row
            for row in Application.objects.select_for_update()
            .filter(pk__in=pks)
            .values("pk", "status", "organisation_id", "challenge_id", *DRAFT_FIELDS)
        }
        has_team = set(
            TeamMember.objects.filter(application_id__in=pks).values_list("application_id", flat=True)
        )
        answers: dict[int, list[Answer]] = {}
        for answer in Answer.objects.filter(application_id__in=pks):
            answers.setdefault(answer.application_id, []).append(answer)
        # The challenges, calls and organisations (with their shareholders) read once for all: each
        # challenge and call is one object however many applications share it.
        organisations = {
            o.pk: o
            for o in Organisation.objects.filter(
                pk__in={row["organisation_id"] for row in fresh.values()}
            ).prefetch_related("shareholders")
        }
        challenges = {
            c.pk: c
            for c in Challenge.objects.filter(pk__in={row["challenge_id"] for row in fresh.values()})
            .select_related("call")
            .prefetch_related("call__rules")
        }
        calls = {c.call_id: c.call for c in challenges.values()}
        questions: dict[int, list[Question]] = {c: [] for c in calls}
        for question in Question.objects.filter(call_id__in=list(calls)).order_by(
            "call_id", "position", "pk"
        ):
            questions[question.call_id].append(question)
        for application in applications:
            row = fresh[application.pk]
            application.challenge = challenges[row["challenge_id"]]
            application.organisation = organisations[row["organisation_id"]]
            if row["status"] not in wf.EDITABLE:
                raise ValidationError(_("This application has already been sent."), code="not_draft")
            for name in DRAFT_FIELDS:
                setattr(application, name, row[name])
            call = application.challenge.call
            _require_open(application.challenge, now)
            missing = _missing(
                application,
                application.pk in has_team,
                _unanswered(answers.get(application.pk, []), questions[call.pk]),
            )
            if missing:
                raise ValidationError(
                    _("Before sending, please add: %(missing)s.") % {"missing": ", ".join(missing)},
                    code="incomplete",
                )
            report = eligibility.evaluate(call, application.organisation, application.requested_amount)
            application.submitted_at = now
            application.eligibility_verdict = report.verdict
            application.eligibility_report = report.as_json()
        _update_by_value(applications, ("eligibility_verdict", "eligibility_report"))
        with members_read(member_ids):
            moved = {
                row.pk: row
                for row in transition_many(
                    Application.objects.filter(pk__in=pks),
                    wf.SUBMITTED,
                    None,
                    actors=actors,
                    values={"submitted_at": now, "updated_at": now},
                )
            }
        Call.objects.filter(pk__in=list(calls), form_frozen_at__isnull=True).update(form_frozen_at=now)
        confirmations = [
            (application, members_of[application.organisation_id], actors[application.pk])
            for application in applications
        ]
        transaction.on_commit(lambda: send_confirmations_many(confirmations))
    return [moved[a.pk] for a in applications]


def send_confirmations_many(confirmations: Sequence[tuple[Application, list[Any], Any]]) -> None:
    """After the commit: `_send_confirmations` for many applications (`(application, members, actor)`):
    the same letters, written and recorded by `core.mail.send_letters` (one INSERT per batch, one
    connection to the mail server), each with its applicant as sender. A letter the server refuses
    is recorded with why; the others still go."""
    outgoing = [
        Outgoing(user, "application_submitted", {"application": a, "call": a.call}, a, sent_by=actor)
        for a, members, actor in confirmations
        for user in members
    ]
    refused = [letter for letter in send_letters(outgoing) if letter.sent_at is None]
    if refused:
        logger.warning("%d of %d confirmations not sent", len(refused), len(outgoing))


def check_screen_many(
    decisions: Sequence[tuple[Application, str, str]], actor: Any, audience: str = Audience.INTERNAL
) -> list[Application]:
    """Screen many applications at once (`(application, decision, note)`): the checks of
    `check_screen` for each, all or none, the moves through `transition_many` (one per target state)
    and the same letters. A fixed number of queries whatever their number."""
    if not decisions:
        return []
    loaded = {
        a.pk: a
        for a in Application.objects.filter(pk__in=[a.pk for a, _d, _n in decisions]).select_related(
            "challenge__call", "organisation"
        )
    }
    targets: dict[str, list[Application]] = {}
    now = timezone.now()
    for given, decision, note in decisions:
        application = loaded[given.pk]
        target = _screening_target(application, actor, decision, note, audience)
        application.screening_note = note.strip()
        application.screened_by = actor
        application.screened_at = now
        targets.setdefault(target, []).append(application)
    members_of: dict[int, list[Any]] = {}
    refused = {a.organisation_id for a in targets.get(wf.INELIGIBLE, [])}
    for m in Membership.objects.filter(organisation_id__in=refused).select_related("user"):
        members_of.setdefault(m.organisation_id, []).append(m.user)
    moved: dict[int, Application] = {}
    try:
        with transaction.atomic():
            for target, group in targets.items():
                _update_by_value(group, ("screening_note",))
                for row in transition_many(
                    Application.objects.filter(pk__in=[a.pk for a in group]),
                    target,
                    actor,
                    notes={a.pk: a.screening_note for a in group},
                    audience=audience,
                    values={"screened_by": actor, "screened_at": now, "updated_at": now},
                    related=("challenge__call",),
                ):
                    moved[row.pk] = row
                for application in group:
                    if target == wf.INELIGIBLE:
                        members = members_of.get(application.organisation_id, [])
                        transaction.on_commit(
                            lambda a=application, m=members: _send_ineligibility_letters(a, m)  # type: ignore[misc]
                        )
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    return [moved[a.pk] for a, _d, _n in decisions]
