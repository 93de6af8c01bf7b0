"""Reading the grants: which decision notes the company reads.

A note on a milestone or report decision is internal (the programme team only) unless the person who
wrote it shared it with the company; the audience is kept on the decision's audit event (core's
AuditEvent.audience), as for screening notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from lodestar.core.models import Audience, AuditEvent
from lodestar.grants import workflow as wf

DECIDED = (wf.ACCEPTED, wf.RETURNED)


def decision_audiences(objects: Iterable[models.Model]) -> dict[Any, str]:
    """The audience of each object's latest decision note (milestones or reports, one model at a
    time), by primary key; objects without a decision are left out. One query."""
    items = list(objects)
    if not items:
        return {}
    events = (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(type(items[0])),
            object_id__in=[str(o.pk) for o in items],
            to_state__in=DECIDED,
        )
        .order_by("at", "pk")
        .values_list("object_id", "audience")
    )
    latest = dict(events)  # later events overwrite earlier ones
    return {o.pk: latest[str(o.pk)] for o in items if str(o.pk) in latest}


def mark_notes(objects: Iterable[models.Model], *, team: bool) -> list[Any]:
    """Give each milestone or report `note_audience` and `company_note` (its decision note when
    shared with the company, else "") and `shown_note` (what this reader reads)."""
    items: list[Any] = list(objects)
    audiences = decision_audiences(items)
    for item in items:
        item.note_audience = audiences.get(item.pk, Audience.INTERNAL)
        item.company_note = item.decision_note if item.note_audience == Audience.SHARED else ""
        item.shown_note = item.decision_note if team else item.company_note
    return items
