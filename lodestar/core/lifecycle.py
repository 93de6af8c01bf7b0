"""What a lifecycle is, as data: the states of a model, the moves between them, who may take each,
the states a new row may start in and named groups of states. Each app declares its workflows in
its `workflow.py` and attaches each to its model as the class attribute `workflow`.

This module imports no model, so that a models module may declare its own lifecycle with it (core's
`Job`, below). Moving an object along its workflow is core/workflow.py's `transition()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

WORKFLOWS: dict[str, Workflow] = {}

# Labels of audit actions that are not moves between states, registered by each app.
ACTION_LABELS: dict[str, str | Promise] = {}

Guard = Callable[[Any, Any], bool]  # (actor, obj) -> may this actor take this move on this object?


def anyone(actor: Any, obj: Any) -> bool:
    return True


def platform_only(actor: Any, obj: Any) -> bool:
    """Nobody takes this move by hand: only the platform, with `system=True`."""
    return False


@dataclass(frozen=True)
class Transition:
    source: frozenset[str]
    target: str
    label: str | Promise
    allowed: Guard = anyone


@dataclass(frozen=True)
class Workflow:
    """The lifecycle of one model.

    `initial` names the states a row may be created in: creating a row is not a move, so it is
    neither checked nor audited by `transition()` (the action that creates a row in a state other than
    the field's default records why). `audited=False` is for the platform's own machinery only:
    its moves are still checked, but no audit event is written (see `JOB_WORKFLOW`).
    """

    name: str
    states: Mapping[str, str | Promise]
    transitions: tuple[Transition, ...]
    groups: dict[str, frozenset[str]] = field(default_factory=dict)
    initial: frozenset[str] = frozenset()
    field_name: str = "status"
    audited: bool = True

    def __post_init__(self) -> None:
        named = set(self.initial).union(*self.groups.values())
        for move in self.transitions:
            named |= move.source | {move.target}
        unknown = named - set(self.states)
        if unknown:
            raise ValueError(f"workflow {self.name}: unknown states {sorted(unknown)}")
        WORKFLOWS[self.name] = self

    def starting(self, state: str) -> str:
        """`state`, checked to be one a new row may be created in (the one home of that check, for
        actions that create rows in a state other than the field's default)."""
        if state not in self.initial:
            raise ValueError(f"workflow {self.name}: a new row cannot start in {state!r}")
        return state

    def find(self, source: str, target: str) -> Transition | None:
        for move in self.transitions:
            if source in move.source and move.target == target:
                return move
        return None

    def available(self, obj: Any, actor: Any) -> list[Transition]:
        current = getattr(obj, self.field_name)
        return [m for m in self.transitions if current in m.source and m.allowed(actor, obj)]

    def label(self, state: str) -> str:
        return str(self.states.get(state, state))


class TransitionNotAllowed(Exception):
    """A move that the workflow does not permit, or that this actor may not take."""


def workflow_of(model: type[models.Model] | models.Model) -> Workflow:
    workflow = getattr(model, "workflow", None)
    if not isinstance(workflow, Workflow):
        raise TypeError(f"{model} declares no workflow")
    return workflow


# --- The lifecycle of a background job (core's own model) -----------------------------------------


class JobStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Queued")
    RUNNING = "running", gettext_lazy("Running")
    DONE = "done", gettext_lazy("Done")
    FAILED = "failed", gettext_lazy("Failed")


JOB_ACTIVE = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
JOB_FINISHED = frozenset({JobStatus.DONE, JobStatus.FAILED})

# Only the platform moves a job (`system=True`). Its moves are checked, so that two workers cannot
# both start one job, but not audited: the job row itself records who started it and when it
# started and finished, and the audit trail is kept for decisions about applicants, experts and
# calls, which the action that starts a job records itself ("Expert assignment started" on the call).
# Auditing the machinery would add three rows to every matching, assignment, selection and letters
# run without telling anyone anything the job row does not.
JOB_WORKFLOW = Workflow(
    name="job",
    states=dict(JobStatus.choices),
    transitions=(
        Transition(frozenset({JobStatus.QUEUED}), JobStatus.RUNNING, gettext_lazy("Start"), platform_only),
        Transition(frozenset({JobStatus.RUNNING}), JobStatus.DONE, gettext_lazy("Finish"), platform_only),
        Transition(frozenset({JobStatus.RUNNING}), JobStatus.FAILED, gettext_lazy("Fail"), platform_only),
        Transition(frozenset({JobStatus.FAILED}), JobStatus.QUEUED, gettext_lazy("Run again"), platform_only),
        # Its worker died and the kind is safe to repeat: queued again automatically (core/jobs.py).
        Transition(frozenset({JobStatus.RUNNING}), JobStatus.QUEUED, gettext_lazy("Retry"), platform_only),
    ),
    groups={"active": JOB_ACTIVE, "finished": JOB_FINISHED},
    initial=frozenset({JobStatus.QUEUED}),
    audited=False,
)
