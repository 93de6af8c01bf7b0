"""Background jobs: long work runs in a task worker and reports its progress on a `Job` row.

An app registers a runner with `@job_runner("kind")`: a function `(job, progress) -> dict` that
does the work and returns the result to keep. `start_job()` creates the row and queues the task;
in tests the immediate backend runs it at once. A runner must be repeatable: a failed job is started
again as a new job, which must then replace, not duplicate, what the first attempt wrote.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task

from lodestar.core.models import Job
from lodestar.core.workflow import TransitionNotAllowed, transition

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, message: a gettext_noop msgid, shown translated)
Runner = Callable[[Job, Progress], dict[str, Any]]

RUNNERS: dict[str, Runner] = {}

# Who, besides its creator and the team of every programme, may follow a job: `(user, job) -> bool`
# checks that apps register from `AppConfig.ready()` (core cannot tell what a job's parameters
# name; programmes knows that `{"call": pk}` is a call and whose it is).
JOB_READERS: list[Callable[[Any, Job], bool]] = []


def job_runner(kind: str) -> Callable[[Runner], Runner]:
    def register(func: Runner) -> Runner:
        RUNNERS[kind] = func
        return func

    return register


def create_job(kind: str, label: str, params: dict[str, Any] | None = None, user: Any = None) -> Job:
    if kind not in RUNNERS:
        raise KeyError(f"no job runner registered for {kind!r}")
    return Job.objects.create(
        kind=kind,
        label=label,
        params=params or {},
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def start_job(kind: str, label: str, params: dict[str, Any] | None = None, user: Any = None) -> Job:
    """Create the job and queue it for a worker."""
    job = create_job(kind, label, params, user)
    run_job_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def latest_job(kind: str, **params: Any) -> Job | None:
    """The newest job of `kind` whose parameters include `params` (for example `call=<pk>`)."""
    lookups = {f"params__{key}": value for key, value in params.items()}
    return Job.objects.filter(kind=kind, **lookups).order_by("-created_at", "-id").first()


def execute_job(job_id: int, echo: Progress | None = None) -> Job:
    """Run one job in this process; called by the task worker and by `lodestar` commands, which pass
    `echo` to show the progress in the terminal too. A job that is not queued any more (a second
    worker got the same task) is left as it is."""
    job = Job.objects.get(pk=job_id)
    runner = RUNNERS[job.kind]
    job.started_at = timezone.now()
    try:
        transition(job, Job.Status.RUNNING, None, system=True, also_save=["started_at"])
    except TransitionNotAllowed:
        logger.warning("job %s (%s) is %s, not queued: not run again", job.pk, job.kind, job.status)
        job.refresh_from_db()
        return job

    def progress(done: int, total: int, message: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(progress=done, total=total, message=message[:300])
        if echo is not None:
            echo(done, total, message)

    try:
        result = runner(job, progress)
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        job.error, job.finished_at = traceback.format_exc()[-4000:], timezone.now()
        transition(job, Job.Status.FAILED, None, system=True, also_save=["error", "finished_at"])
    else:
        job.result, job.finished_at = result or {}, timezone.now()
        transition(job, Job.Status.DONE, None, system=True, also_save=["result", "finished_at"])
    job.refresh_from_db()
    return job


@task()
def run_job_task(job_id: int) -> None:
    execute_job(job_id)
