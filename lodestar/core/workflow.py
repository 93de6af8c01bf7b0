"""Moving objects along their workflows (declared as data: core/lifecycle.py).

`transition()` moves one object; `transition_many()` moves many at once (publishing thousands of
assignments). Both check every move against the object's workflow, save it and write one audit
event per object in one database transaction. Nothing else writes a status field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from lodestar.core.lifecycle import (
    ACTION_LABELS,
    WORKFLOWS,
    Guard,
    Transition,
    TransitionNotAllowed,
    Workflow,
    anyone,
    platform_only,
    workflow_of,
)
from lodestar.core.models import Audience, AuditEvent

# The declarations, re-exported: apps declare their workflows with `core.workflow` alone.
__all__ = [
    "ACTION_LABELS",
    "WORKFLOWS",
    "Audience",
    "Guard",
    "Transition",
    "TransitionNotAllowed",
    "Workflow",
    "anyone",
    "describe_event",
    "describe_note",
    "history",
    "platform_only",
    "record",
    "record_many",
    "transition",
    "transition_many",
    "workflow_of",
]

M = TypeVar("M", bound=models.Model)

# Rows changed per UPDATE and audit events per INSERT in `transition_many`.
BATCH_SIZE = 1000


def _check(workflow: Workflow, obj: Any, current: str, to: str, actor: Any, system: bool) -> None:
    move = workflow.find(current, to)
    if move is None:
        raise TransitionNotAllowed(
            _("This cannot move from “%(source)s” to “%(target)s”.")
            % {"source": workflow.label(current), "target": workflow.label(to)}
        )
    if not system and not move.allowed(actor, obj):
        raise TransitionNotAllowed(_("You are not allowed to do this."))


def new_in(model: type[M], state: str, **fields: Any) -> M:
    """An unsaved row of `model` that starts in `state`, checked against the starting states of its
    workflow: the one way an action creates a row in a state other than its field's default (a
    distribution notice starts paid, a full event's registration starts on the waitlist)."""
    workflow: Workflow = model.workflow  # type: ignore[attr-defined]
    return model(**fields, **{workflow.field_name: workflow.starting(state)})


def transition(
    obj: models.Model,
    to: str,
    actor: Any,
    note: str = "",
    *,
    system: bool = False,
    field_name: str | None = None,
    also_save: Iterable[str] = (),
    audience: str = Audience.INTERNAL,
) -> AuditEvent | None:
    """Move `obj` to state `to` on behalf of `actor`, and record it.

    `system=True` is for moves the platform makes itself (a deadline, a job, a rule such as "a
    conflict blocks"); it skips the actor check but not the workflow's own rules, and the event
    still names the actor who set it off. Other fields already set on `obj` and named in `also_save`
    are saved in the same transaction. `audience` says who reads the note (internal by default;
    `Audience.SHARED` shows it to the applicant). The current state is re-read under a row lock, so two people
    acting at once cannot both move the object from the same state. Returns the audit event, or
    None for a workflow that is not audited.
    """
    workflow = workflow_of(obj)
    field_name = field_name or workflow.field_name
    with transaction.atomic():
        current = (
            type(obj)
            ._default_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list(field_name, flat=True)
            .get()
        )
        _check(workflow, obj, current, to, actor, system)
        setattr(obj, field_name, to)
        obj.save(update_fields=[field_name, *also_save])
        if not workflow.audited:
            return None
        return record(
            obj,
            action=f"{workflow.name}:{to}",
            actor=actor,
            note=note,
            from_state=current,
            to_state=to,
            audience=audience,
        )


def transition_many(
    objects: models.QuerySet[M],
    to: str,
    actor: Any,
    note: str = "",
    *,
    notes: Mapping[Any, str] | None = None,
    system: bool = False,
    values: Mapping[str, Any] | None = None,
    audience: str = Audience.INTERNAL,
    audiences: Mapping[Any, str] | None = None,
    actors: Mapping[Any, Any] | None = None,
    related: Sequence[str] = (),
) -> list[M]:
    """Move every row of `objects` to state `to`, all or none; one audit event per row.

    The rows are locked (in primary-key order, so that two bulk moves cannot deadlock) and their
    states read under the lock; every move is checked before anything is written, so one refused
    move refuses them all and nothing changes. Then one UPDATE per `BATCH_SIZE` rows sets the state
    and `values` (other fields, the same for every row: `published_at`, `decided_by`...), and the
    audit events are written with `bulk_create`: publishing 7,800 assignments is a few dozen
    queries, not 7,800 saves. `notes` gives a row its own note by primary key, `audiences` its own
    audience (else `audience`, internal by default).

    The guard of each move runs once per row: moves taken in bulk should have guards that read the
    actor only (a role), or the row's own columns. `save()` and signals are not called, as with
    `QuerySet.update()`. Returns the moved rows, their state and `values` set.
    """
    model = objects.model
    workflow = workflow_of(model)
    values = dict(values or {})
    with transaction.atomic():
        # Locked through the primary keys: a filter that joins other tables locks this table only.
        locked = model._default_manager.filter(pk__in=objects.values("pk"))
        if related:  # the related rows are read, not locked
            locked = locked.select_related(*related).select_for_update(of=("self",))
        else:
            locked = locked.select_for_update()
        rows = list(locked.order_by("pk"))
        before = {row.pk: getattr(row, workflow.field_name) for row in rows}
        by = actors or {}
        for row in rows:
            try:
                _check(workflow, row, before[row.pk], to, by.get(row.pk, actor), system)
            except TransitionNotAllowed as exc:
                raise TransitionNotAllowed(
                    _("%(object)s: %(reason)s (%(n)d in all; nothing was changed)")
                    % {"object": row, "reason": str(exc), "n": len(rows)}
                ) from exc
        pks = [row.pk for row in rows]
        for batch in _batches(pks):
            model._default_manager.filter(pk__in=batch).update(**{workflow.field_name: to}, **values)
        for row in rows:
            setattr(row, workflow.field_name, to)
            for name, value in values.items():
                setattr(row, name, value)
        if workflow.audited and rows:
            content_type = ContentType.objects.get_for_model(model)
            now = timezone.now()

            # Ids rather than objects: 7,800 events skip 15,600 descriptor checks.
            def who(someone: Any) -> Any:
                return someone.pk if getattr(someone, "is_authenticated", False) else None

            default_actor = who(actor)
            AuditEvent.objects.bulk_create(
                (
                    AuditEvent(
                        content_type_id=content_type.pk,
                        object_id=str(row.pk),
                        actor_id=who(by[row.pk]) if row.pk in by else default_actor,
                        at=now,
                        action=f"{workflow.name}:{to}",
                        from_state=before[row.pk],
                        to_state=to,
                        note=(notes or {}).get(row.pk, note),
                        audience=(audiences or {}).get(row.pk, audience),
                    )
                    for row in rows
                ),
                batch_size=BATCH_SIZE,
            )
    return rows


def _batches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


def record(
    obj: models.Model,
    *,
    action: str,
    actor: Any,
    note: str = "",
    from_state: str = "",
    to_state: str = "",
    audience: str = Audience.INTERNAL,
) -> AuditEvent:
    """Write an audit event about `obj` (used by transition() and by changes that are not moves).
    Its note is internal unless `audience` is `Audience.SHARED`."""
    return AuditEvent.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        audience=audience,
    )


def record_many(
    objects: Sequence[models.Model],
    *,
    action: str,
    actors: Sequence[Any],
    note: str = "",
    notes: Sequence[str] | None = None,
) -> list[AuditEvent]:
    """`record()` for many objects of one model at once (bulk creations): one event per object, by
    the actor at the same position, written with `bulk_create`; `notes` gives each its own note."""
    if not objects:
        return []
    each = list(notes) if notes is not None else [note] * len(objects)
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    now = timezone.now()
    return AuditEvent.objects.bulk_create(
        (
            AuditEvent(
                content_type_id=content_type.pk,
                object_id=str(obj.pk),
                actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
                at=now,
                action=action,
                note=text,
            )
            for obj, actor, text in zip(objects, actors, each, strict=True)
        ),
        batch_size=BATCH_SIZE,
    )


def history(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("actor")


def describe_note(event: AuditEvent, *, shared_only: bool = False) -> str:
    """The note of an event in the active language: a note the platform wrote is a msgid and is
    translated; a person's note is shown as typed. With `shared_only`, an internal note is ""."""
    if not event.note or (shared_only and event.audience != Audience.SHARED):
        return ""
    return gettext(event.note)


def describe_event(event: AuditEvent) -> str:
    """What an audit event means, in the active language."""
    name, _sep, rest = event.action.partition(":")
    if event.to_state and name in WORKFLOWS:
        return WORKFLOWS[name].label(event.to_state)
    return str(ACTION_LABELS.get(event.action, event.action))
