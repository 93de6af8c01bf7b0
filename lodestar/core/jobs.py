"""Background jobs: long work runs in a task worker and reports its progress on a `Job` row.

An app registers a runner with `@job_runner("kind")`: a function `(job, progress) -> dict` that
does the work and returns the result to keep. `start_job()` creates the row and queues the task;
in tests the immediate backend runs it at once. A runner must be repeatable and write its results as
a whole: it computes first and replaces the previous results in one transaction at the end (never
deletes them first), so a run that stops anywhere leaves the last good results in place, and a
failed job is started again as a new job that replaces, not duplicates, what was there.

A worker can die at any moment (killed, out of memory, the machine restarted). The job row holds a
lease: while the runner works, a thread of the worker writes `heartbeat_at` every quarter of
settings.JOB_LEASE_SECONDS. A running job whose heartbeat is older than the lease lost its worker:
`reap_stale_jobs()` queues it again when its kind is safe to repeat (registered with
`retry=True`) and it has attempts left (settings.JOB_MAX_ATTEMPTS runs in all, counted on the row and
shown on its page); otherwise it marks it failed, with a reason staff read in their language. It
runs when a worker starts and before each job it runs, and whenever a page or action asks for a
stage's latest job, so "one is already running" never waits on a dead worker, and the stage can be
run again. Only kinds whose run replaces its results as a whole, or skips what an earlier run
already did (letters), opt in: a second run after a death is then the same as the first.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_tasks import task

from lodestar.core.models import Job
from lodestar.core.workflow import TransitionNotAllowed, transition

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, message: a gettext_noop msgid, shown translated)
Runner = Callable[[Job, Progress], dict[str, Any]]

RUNNERS: dict[str, Runner] = {}
# Kinds safe to run again after their worker died (see the module's docstring).
RETRYABLE: set[str] = set()

# Who, besides its creator and the team of every programme, may follow a job: `(user, job) -> bool`
# checks that apps register from `AppConfig.ready()` (core cannot tell what a job's parameters
# name; programmes knows that `{"call": pk}` is a call and whose it is).
JOB_READERS: list[Callable[[Any, Job], bool]] = []

# Why a job failed, as staff read it (translated when shown; `Job.failure`).
WORKER_LOST = gettext_noop(
    "The worker running this job stopped before it finished (it was ended, or lost the database). "
    "Nothing of this run was kept; the previous results are unchanged. Run it again."
)
# Shown while a job queued again after its worker died waits for, and runs in, its next attempt.
RETRIED = gettext_noop(
    "The worker of the previous attempt stopped before it finished; nothing of it was kept. "
    "The job was queued again automatically."
)
FAILED_ON_ERROR = gettext_noop(
    "This job stopped on an unexpected error. Nothing of this run was kept; the previous results are "
    "unchanged. Run it again; if it fails again, the administrators have the details."
)


def lease() -> timedelta:
    return timedelta(seconds=settings.JOB_LEASE_SECONDS)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def job_runner(kind: str, *, retry: bool = False) -> Callable[[Runner], Runner]:
    """Register `kind`'s runner; `retry=True` when a run after a dead worker's is safe (idempotent)."""

    def register(func: Runner) -> Runner:
        RUNNERS[kind] = func
        if retry:
            RETRYABLE.add(kind)
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
        max_attempts=max(1, settings.JOB_MAX_ATTEMPTS) if kind in RETRYABLE else 1,
    )


def start_job(kind: str, label: str, params: dict[str, Any] | None = None, user: Any = None) -> Job:
    """Create the job and queue it for a worker."""
    job = create_job(kind, label, params, user)
    run_job_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def latest_job(kind: str, **params: Any) -> Job | None:
    """The newest job of `kind` whose parameters include `params` (for example `call=<pk>`). When it
    is running and its lease has run out (its worker died), it is marked failed first, so that
    callers never see a dead job as still running (no extra query otherwise: pages pin theirs)."""
    lookups = {f"params__{key}": value for key, value in params.items()}
    job = Job.objects.filter(kind=kind, **lookups).order_by("-created_at", "-id").first()
    if job is not None and job.status == Job.Status.RUNNING:
        last = job.heartbeat_at or job.started_at
        if last is None or last < timezone.now() - lease():
            reap_stale_jobs()
            job.refresh_from_db()
    return job


def reap_stale_jobs(now: datetime | None = None) -> list[int]:
    """Deal with every running job whose lease ran out (its worker died); returns their ids.

    A job with attempts left is queued again (its task enqueued once this commits), any other is
    marked failed. Each is re-checked under its row lock: a worker that renewed its lease a moment ago
    keeps its job. Its results were never half-written (runners replace them in one transaction at
    the end), so neither loses anything that was kept."""
    now = now or timezone.now()
    cutoff = now - lease()
    expired = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    reaped = []
    for pk in Job.objects.filter(expired, status=Job.Status.RUNNING).values_list("pk", flat=True):
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(expired, pk=pk, status=Job.Status.RUNNING).first()
            if job is None:
                continue
            last = job.heartbeat_at or job.started_at
            lost = f"Attempt {job.attempts}: no sign of life from worker {job.worker or '?'} since {last}."
            job.error = f"{job.error}\n{lost}".strip()[-4000:]
            if job.attempts < job.max_attempts:
                job.message, job.heartbeat_at = RETRIED, None
                transition(
                    job, Job.Status.QUEUED, None, system=True, also_save=["error", "message", "heartbeat_at"]
                )
                transaction.on_commit(partial(run_job_task.enqueue, pk))
                logger.warning("job %s (%s) lost its worker %s: queued again", job.pk, job.kind, job.worker)
            else:
                job.failure, job.finished_at = WORKER_LOST, now
                transition(
                    job, Job.Status.FAILED, None, system=True, also_save=["failure", "error", "finished_at"]
                )
                logger.warning("job %s (%s) lost its worker %s: marked failed", job.pk, job.kind, job.worker)
            reaped.append(pk)
    return reaped


class _Heartbeat:
    """A thread that renews the job's lease while the runner works (a solver may not report progress
    for minutes). It stops with the job; if the process dies, the heartbeats stop with it."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"job-{job_id}-heartbeat", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join(10)

    def _beat(self) -> None:
        interval = max(0.2, settings.JOB_LEASE_SECONDS / 4)
        try:
            while not self.stopped.wait(interval):
                try:
                    Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
                except Exception:  # a busy database: the next beat tries again, well within the lease
                    logger.warning("job %s: heartbeat not written", self.job_id, exc_info=True)
        finally:
            connections.close_all()  # this thread's own connection


def _language_of(job: Job) -> str:
    return getattr(job.created_by, "language", "") or settings.LANGUAGE_CODE


def _failure_text(exc: BaseException, job: Job) -> str:
    """A refusal (ValidationError, PermissionDenied) is worded for the person who started the job, in
    their language; anything else is an unexpected error, shown in the reader's language."""
    if not isinstance(exc, (ValidationError, PermissionDenied)):
        return FAILED_ON_ERROR
    with translation.override(_language_of(job)):
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        return " ".join(str(m) for m in messages)[:500]


def execute_job(job_id: int, echo: Progress | None = None) -> Job:
    """Run one job in this process; called by the task worker and by `lodestar` commands, which pass
    `echo` to show the progress in the terminal too. A job that is not queued any more (a second
    worker got the same task) is left as it is. Jobs whose worker died are marked failed first."""
    reap_stale_jobs()
    job = Job.objects.select_related("created_by").get(pk=job_id)
    runner = RUNNERS[job.kind]
    job.started_at = job.heartbeat_at = timezone.now()
    job.worker = worker_name()
    job.attempts += 1
    try:
        transition(
            job,
            Job.Status.RUNNING,
            None,
            system=True,
            also_save=["started_at", "heartbeat_at", "worker", "attempts"],
        )
    except TransitionNotAllowed:
        logger.warning("job %s (%s) is %s, not queued: not run again", job.pk, job.kind, job.status)
        job.refresh_from_db()
        return job

    def progress(done: int, total: int, message: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(
            progress=done, total=total, message=message[:300], heartbeat_at=timezone.now()
        )
        if echo is not None:
            echo(done, total, message)

    try:
        # In the language of the person who started it: a refusal reads as the page would have said it.
        with _Heartbeat(job.pk), translation.override(_language_of(job)):
            result = runner(job, progress)
    except Exception as exc:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        job.error, job.finished_at = traceback.format_exc()[-4000:], timezone.now()
        job.failure = _failure_text(exc, job)
        _finish(job, Job.Status.FAILED, ["error", "failure", "finished_at"])
    else:
        job.result, job.finished_at = result or {}, timezone.now()
        _finish(job, Job.Status.DONE, ["result", "finished_at"])
    job.refresh_from_db()
    return job


def _finish(job: Job, status: str, fields: list[str]) -> None:
    """Record the end of the run; a job whose lease ran out meanwhile (this worker was stalled) was
    marked failed, or queued again and perhaps started by another worker: it is left to that, under
    its row lock, and this run's results, written as a whole, are kept all the same."""
    with transaction.atomic():
        current = Job.objects.select_for_update().filter(pk=job.pk).values_list("attempts", flat=True).first()
        try:
            if current != job.attempts:  # another attempt has started since
                raise TransitionNotAllowed
            transition(job, status, None, system=True, also_save=fields)
        except TransitionNotAllowed:
            logger.warning("job %s (%s): its lease ran out during attempt %s", job.pk, job.kind, job.attempts)


@task()
def run_job_task(job_id: int) -> None:
    execute_job(job_id)
