"""Background jobs: long work runs in a task worker and reports its progress on a `Job` row.

An app registers a runner with `@job_runner("kind")`: a function `(job, progress) -> dict` that
does the work and returns the result to keep. `start_job()` creates the row and queues the task;
in tests the immediate backend runs it at once. A runner must be repeatable: a failed job is run
again by `retry_job()` and must then replace, not duplicate, what the first attempt wrote.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task

from lodestar.core.models import Job

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, message: a gettext_noop msgid, shown translated)
Runner = Callable[[Job, Progress], dict[str, Any]]

RUNNERS: dict[str, Runner] = {}


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


def retry_job(job: Job) -> Job:
    """Queue a failed job again with the same parameters."""
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.QUEUED, progress=0, error="", message="", started_at=None, finished_at=None
    )
    run_job_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def execute_job(job_id: int, echo: Progress | None = None) -> Job:
    """Run one job in this process; called by the task worker and by `lodestar` commands, which pass
    `echo` to show the progress in the terminal too."""
    job = Job.objects.get(pk=job_id)
    runner = RUNNERS[job.kind]
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())

    def progress(done: int, total: int, message: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(progress=done, total=total, message=message[:300])
        if echo is not None:
            echo(done, total, message)

    try:
        result = runner(job, progress)
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=traceback.format_exc()[-4000:], finished_at=timezone.now()
        )
    else:
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.DONE, result=result or {}, finished_at=timezone.now()
        )
    job.refresh_from_db()
    return job


@task()
def run_job_task(job_id: int) -> None:
    execute_job(job_id)
