"""A call's stages, declared once: the staff dashboard, the stage navigation and the menus read them.

A stage is one step from a closed call to its cohort (screening, matching, conflicts, assignment,
reviewing, ranking, selection; the accelerator adds its own later). `programmes` sits below the apps
that own those steps, so it cannot name them: each app registers its stages with `register_stage()`
from its `AppConfig.ready()`, and pages ask `stages_for(user, call)` for the ones to show.

Every page of a stage lives under `/staff/calls/<slug>/<key>/`: the key is the URL segment, so an
address tells which stage it belongs to (a test holds every registered stage to it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext

from lodestar.core.models import Job
from lodestar.core.permissions import may_act
from lodestar.core.roles import PROGRAMME_TEAM

if TYPE_CHECKING:
    from lodestar.programmes.models import Call


@dataclass(frozen=True)
class StageStatus:
    """Where a call stands in one stage. `done` is None when there is nothing to judge yet (the stage
    has not started, or does not apply to this call); `summary` is one line of counts, translated."""

    done: bool | None
    summary: str


def programme_team(user: Any, call: Call) -> bool:
    """On the team of the call's programme (or of every programme)."""
    return may_act(user, PROGRAMME_TEAM, call)


@dataclass(frozen=True)
class Stage:
    """One stage of a call.

    `status(call)` is computed together rather than as separate "done" and "summary" functions
    because both come from the same counts; it must make a fixed, small number of queries whatever
    the size of the call (the dashboard's query count is pinned in a test). `visible_to` decides
    what the menus show; the stage's views keep their own permission checks, and the two must agree
    (tests/test_stages.py checks that whoever sees a stage may open it).
    """

    key: str
    label: str | Promise
    url_name: str
    order: int
    status: Callable[[Call], StageStatus]
    visible_to: Callable[[Any, Call], bool] = programme_team

    def url(self, call: Call) -> str:
        return reverse(self.url_name, kwargs={"slug": call.slug})


_STAGES: dict[str, Stage] = {}


def register_stage(stage: Stage) -> Stage:
    """Add `stage`. Registering the same stage again is harmless (an app may be set up twice in one
    process); two different stages under one key are a mistake caught at start-up."""
    known = _STAGES.get(stage.key)
    if known is not None and known != stage:
        raise ImproperlyConfigured(f"two stages are registered under the key {stage.key!r}")
    if any(s.order == stage.order and s.key != stage.key for s in _STAGES.values()):
        raise ImproperlyConfigured(f"two stages are registered at position {stage.order}")
    _STAGES[stage.key] = stage
    return stage


def all_stages() -> list[Stage]:
    return sorted(_STAGES.values(), key=lambda s: s.order)


def get_stage(key: str) -> Stage:
    return _STAGES[key]


def stages_for(user: Any, call: Call) -> list[Stage]:
    """The stages `user` may follow for `call`, in pipeline order."""
    return [stage for stage in all_stages() if stage.visible_to(user, call)]


def job_status(job: Job | None) -> StageStatus | None:
    """The status of a stage whose work is a background job, while the job decides it: never run,
    running or failed. None once the job has finished, when the stage's own counts tell the rest."""
    if job is None:
        return StageStatus(False, gettext("Not run yet"))
    if job.is_active:
        return StageStatus(False, gettext("Running: %(percent)d%% done") % {"percent": job.percent})
    if job.status == Job.Status.FAILED:
        return StageStatus(False, gettext("The last run failed; it can be run again"))
    return None
