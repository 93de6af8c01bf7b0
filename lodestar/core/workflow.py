"""Workflows declared as data, and the one function that moves an object between states.

Each model with a lifecycle declares a `Workflow` (its states, the allowed moves and who may take
each) as a class attribute `workflow`. `transition()` checks a move against it, saves it and writes
an audit event in one database transaction. Nothing else writes a status field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from lodestar.core.models import AuditEvent

WORKFLOWS: dict[str, Workflow] = {}

# Labels of audit actions that are not moves between states, registered by each app.
ACTION_LABELS: dict[str, str | Promise] = {}

Guard = Callable[[Any, Any], bool]  # (actor, obj) -> may this actor take this move on this object?


def anyone(actor: Any, obj: Any) -> bool:
    return True


@dataclass(frozen=True)
class Transition:
    source: frozenset[str]
    target: str
    label: str | Promise
    allowed: Guard = anyone


@dataclass(frozen=True)
class Workflow:
    name: str
    states: Mapping[str, str | Promise]
    transitions: tuple[Transition, ...]
    groups: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for move in self.transitions:
            unknown = (move.source | {move.target}) - set(self.states)
            if unknown:
                raise ValueError(f"workflow {self.name}: unknown states {sorted(unknown)}")
        WORKFLOWS[self.name] = self

    def find(self, source: str, target: str) -> Transition | None:
        for move in self.transitions:
            if source in move.source and move.target == target:
                return move
        return None

    def available(self, obj: Any, actor: Any, field_name: str = "status") -> list[Transition]:
        current = getattr(obj, field_name)
        return [m for m in self.transitions if current in m.source and m.allowed(actor, obj)]

    def label(self, state: str) -> str:
        return str(self.states.get(state, state))


class TransitionNotAllowed(Exception):
    """A move that the workflow does not permit, or that this actor may not take."""


def transition(
    obj: models.Model,
    to: str,
    actor: Any,
    note: str = "",
    *,
    system: bool = False,
    field_name: str = "status",
    also_save: Iterable[str] = (),
) -> AuditEvent:
    """Move `obj` to state `to` on behalf of `actor`, and record it.

    `system=True` is for moves the platform makes itself (a deadline, a job); it skips the actor
    check but not the workflow's own rules. Other fields already set on `obj` and named in
    `also_save` are saved in the same transaction. The current state is re-read under a row lock,
    so two people acting at once cannot both move the object from the same state.
    """
    workflow: Workflow = type(obj).workflow  # type: ignore[attr-defined]
    with transaction.atomic():
        model = type(obj)
        current = (
            model._default_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list(field_name, flat=True)
            .get()
        )
        move = workflow.find(current, to)
        if move is None:
            raise TransitionNotAllowed(
                _("This cannot move from “%(source)s” to “%(target)s”.")
                % {"source": workflow.label(current), "target": workflow.label(to)}
            )
        if not system and not move.allowed(actor, obj):
            raise TransitionNotAllowed(_("You are not allowed to do this."))
        setattr(obj, field_name, to)
        obj.save(update_fields=[field_name, *also_save])
        return record(
            obj, action=f"{workflow.name}:{to}", actor=actor, note=note, from_state=current, to_state=to
        )


def record(
    obj: models.Model,
    *,
    action: str,
    actor: Any,
    note: str = "",
    from_state: str = "",
    to_state: str = "",
) -> AuditEvent:
    """Write an audit event about `obj` (used by transition() and by changes that are not moves)."""
    return AuditEvent.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
    )


def history(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("actor")


def describe_event(event: AuditEvent) -> str:
    """What an audit event means, in the active language."""
    name, _sep, rest = event.action.partition(":")
    if event.to_state and name in WORKFLOWS:
        return WORKFLOWS[name].label(event.to_state)
    return str(ACTION_LABELS.get(event.action, event.action))
