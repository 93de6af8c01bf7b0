from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lodestar.core.permissions import may_act
from lodestar.core.roles import DIRECTORS, PROGRAMME_TEAM
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.programmes.eligibility import DEFAULT_RULES
from lodestar.programmes.models import Call, Challenge, EligibilityRule, Phase, Programme, Question

ACTION_LABELS["call:created"] = _("Call created")


@transaction.atomic
def do_create_call(actor: Any, **fields: Any) -> Call:
    """Create a call with the accelerator's default eligibility rules (each can be edited later)."""
    call = Call(**fields)
    call.full_clean()
    call.save()
    EligibilityRule.objects.bulk_create(
        EligibilityRule(call=call, code=code, when_failed=outcome, message_en=en, message_fr=fr, position=i)
        for i, (code, outcome, en, fr) in enumerate(DEFAULT_RULES, start=1)
    )
    record(call, action="call:created", actor=actor)
    return call


# --- Set-up by programme staff (programmes/setup_views.py) -----------------------------------------

ACTION_LABELS.update(
    {
        "programme:created": _("Programme created"),
        "programme:changed": _("Programme changed"),
        "call:changed": _("Call changed"),
        "call:challenge_saved": _("Challenge saved"),
        "call:rules_changed": _("Eligibility rules changed"),
        "call:question_saved": _("Question of the form saved"),
        "call:question_removed": _("Question of the form removed"),
    }
)


def _require_team(actor: Any, programme: Programme) -> None:
    if not may_act(actor, PROGRAMME_TEAM, programme):
        raise PermissionDenied(gettext("Only the programme's team may set up its calls."))


def check_create_programme(actor: Any, fields: dict[str, Any]) -> Programme:
    """A new programme: for a director or administrator of every programme."""
    if not may_act(actor, DIRECTORS, None):
        raise PermissionDenied(gettext("Only a director of every programme may create one."))
    with transaction.atomic():
        programme = Programme(**fields)
        programme.full_clean()
        programme.save()
        record(programme, action="programme:created", actor=actor)
    return programme


def check_update_programme(programme: Programme, actor: Any, fields: dict[str, Any]) -> Programme:
    if not may_act(actor, DIRECTORS, programme):
        raise PermissionDenied(gettext("Only the programme's director may change it."))
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save(update_fields=list(fields))
        record(locked, action="programme:changed", actor=actor)
    return locked


def check_create_call(programme: Programme, actor: Any, fields: dict[str, Any]) -> Call:
    _require_team(actor, programme)
    return do_create_call(actor, programme=programme, **fields)


@dataclass(frozen=True)
class PhaseRow:
    """One row of the call's phases as staff left it: an existing phase (by id) or a new one."""

    pk: int | None
    fields: dict[str, Any]
    delete: bool = False


def check_update_call(call: Call, actor: Any, fields: dict[str, Any], phases: list[PhaseRow]) -> Call:
    """Change a call's texts, dates, conditions and phases in one transaction."""
    _require_team(actor, call.programme)
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save(update_fields=list(fields))
        for row in phases:
            if row.pk is not None:
                phase = Phase.objects.get(pk=row.pk, call=locked)
                if row.delete:
                    phase.delete()
                    continue
            elif row.delete:
                continue
            else:
                phase = Phase(call=locked)
            for name, value in row.fields.items():
                setattr(phase, name, value)
            phase.full_clean()
            phase.save()
        record(locked, action="call:changed", actor=actor)
    return locked


def check_save_challenge(
    call: Call, actor: Any, fields: dict[str, Any], areas: Any, challenge: Challenge | None = None
) -> Challenge:
    _require_team(actor, call.programme)
    with transaction.atomic():
        item = challenge or Challenge(call=call)
        if item.call_id != call.pk:
            raise PermissionDenied(gettext("This challenge belongs to another call."))
        for name, value in fields.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        item.areas.set(areas)
        record(call, action="call:challenge_saved", actor=actor, note=item.title_en)
    return item


@dataclass(frozen=True)
class RuleRow:
    code: str
    enabled: bool
    when_failed: str
    message_en: str
    message_fr: str


def check_save_rules(call: Call, actor: Any, rows: list[RuleRow]) -> None:
    """Switch each of the call's eligibility rules on or off and set its outcome and messages.
    Applications already checked keep their verdict; the next check uses the new rules."""
    _require_team(actor, call.programme)
    with transaction.atomic():
        Call.objects.select_for_update().get(pk=call.pk)
        for position, row in enumerate(rows, start=1):
            if row.code not in EligibilityRule.Code.values:
                raise ValidationError(gettext("Unknown eligibility rule."))
            if not row.enabled:
                EligibilityRule.objects.filter(call=call, code=row.code).delete()
                continue
            if not row.message_en.strip() or not row.message_fr.strip():
                raise ValidationError(gettext("A rule that is applied needs its message in both languages."))
            EligibilityRule.objects.update_or_create(
                call=call,
                code=row.code,
                defaults={
                    "when_failed": row.when_failed,
                    "message_en": row.message_en.strip(),
                    "message_fr": row.message_fr.strip(),
                    "position": position,
                },
            )
        record(call, action="call:rules_changed", actor=actor)


def _lock_open_form(call: Call, actor: Any) -> Call:
    """The call, locked, if its form may still change: refused once an application was submitted
    (its answers must keep meaning what the applicant meant)."""
    _require_team(actor, call.programme)
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if locked.form_frozen_at is not None:
        raise ValidationError(
            gettext(
                "The form is frozen: applications have been submitted since %(date)s. Its questions "
                "can no longer change; open a new call for a different form."
            )
            % {"date": formats.date_format(timezone.localtime(locked.form_frozen_at), "SHORT_DATE_FORMAT")}
        )
    return locked


def check_save_question(
    call: Call, actor: Any, fields: dict[str, Any], question: Question | None = None
) -> Question:
    with transaction.atomic():
        locked = _lock_open_form(call, actor)
        if question is not None and question.call_id != locked.pk:
            raise PermissionDenied(gettext("This question belongs to another call."))
        item = question or Question(call=locked, position=locked.questions.count() + 1)
        for name, value in fields.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        record(locked, action="call:question_saved", actor=actor, note=item.label_en)
    return item


def check_remove_question(call: Call, actor: Any, question: Question) -> None:
    with transaction.atomic():
        locked = _lock_open_form(call, actor)
        if question.call_id != locked.pk:
            raise PermissionDenied(gettext("This question belongs to another call."))
        label = question.label_en
        question.delete()  # the drafts' answers to it go too; no sent application has one
        for position, item in enumerate(locked.questions.order_by("position", "id"), start=1):
            if item.position != position:
                Question.objects.filter(pk=item.pk).update(position=position)
        record(locked, action="call:question_removed", actor=actor, note=label)


def check_move_question(call: Call, actor: Any, question: Question, step: int) -> None:
    """Move a question one place up (step -1) or down (+1) in the form."""
    with transaction.atomic():
        locked = _lock_open_form(call, actor)
        order = list(locked.questions.order_by("position", "id"))
        index = next((i for i, q in enumerate(order) if q.pk == question.pk), None)
        if index is None:
            raise PermissionDenied(gettext("This question belongs to another call."))
        target = index + step
        if 0 <= target < len(order):
            order[index], order[target] = order[target], order[index]
        for position, item in enumerate(order, start=1):
            Question.objects.filter(pk=item.pk).update(position=position)
