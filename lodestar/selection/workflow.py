"""The lifecycle of a selection run, as data (see core/workflow.py).

Each run of the cohort selection is a new row. The latest proposed one is what the director
overrides and confirms; a new run supersedes every proposed one before it. A confirmed selection is
final: its decisions have gone out as letters.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.applications.workflow import is_director
from lodestar.core.workflow import Transition, Workflow


class SelectionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", pgettext_lazy("a selection", "Confirmed")
    SUPERSEDED = "superseded", _("Superseded")


# The director may still override and confirm it (when it is the latest run).
OPEN = frozenset({SelectionStatus.PROPOSED})
# Kept as history: nothing changes it any more.
CLOSED = frozenset({SelectionStatus.CONFIRMED, SelectionStatus.SUPERSEDED})

SELECTION_WORKFLOW = Workflow(
    name="selection",
    states=dict(SelectionStatus.choices),
    transitions=(
        Transition(OPEN, SelectionStatus.CONFIRMED, _("Confirm the selection"), is_director),
        # A command run by the platform (no person) supersedes as a system move.
        Transition(OPEN, SelectionStatus.SUPERSEDED, _("Replace by a new run"), is_director),
    ),
    groups={"open": OPEN, "closed": CLOSED},
    initial=frozenset({SelectionStatus.PROPOSED}),
)
