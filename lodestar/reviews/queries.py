"""Read-side questions the review stages ask of each other's data."""

from __future__ import annotations

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.programmes.models import Call
from lodestar.reviews import workflow as rwf
from lodestar.reviews.models import Conflict


def blocking_pairs(call: Call) -> set[tuple[int, int]]:
    """(application id, expert id) pairs never to assign: confirmed conflicts, and suggestions nobody
    has dismissed yet (a suggestion blocks until a person looks at it). The conflicts stage writes
    them; the assignment (its optimiser, hand changes and reassignment) reads them here."""
    return set(
        Conflict.objects.filter(application__challenge__call=call)
        .filter(state__in=rwf.BLOCKING)
        .values_list("application_id", "expert_id")
    )


def nothing_to_assign(call: Call) -> dict[str, int]:
    """Why no application of `call` waits for experts, as counts: applications still to screen
    (submitted), and those that already have their experts (in review or decided)."""
    statuses = Application.objects.filter(challenge__call=call).values_list("status", flat=True)
    counts = {"submitted": 0, "in_review": 0}
    for status in statuses:
        if status == wf.SUBMITTED:
            counts["submitted"] += 1
        elif status in wf.REVIEWED:
            counts["in_review"] += 1
    return counts
