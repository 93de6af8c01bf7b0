"""A worker process killed (SIGKILL) in the middle of a matching job (issue 13, item 2): the previous
results are all still there; once its lease runs out the job is queued again automatically (its
second attempt, counted on the job) and gives the same results; killed in its last attempt, it is
marked failed, and running it again by hand works.

The worker is a real `lodestar worker` subprocess (tests/stalling_worker.py, whose engine stalls in
the middle of ranking experts so that the kill lands mid-job) on the test database, which it must
share with this process: PostgreSQL only (the SQLite test database lives in this process's memory).
Stella is programme staff; the call and experts are those of tests/reviews_assignment_fixtures.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from lodestar.core import jobs
from lodestar.core.models import Job
from lodestar.matching import actions as matching
from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion

pytest_plugins = ["tests.reviews_assignment_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process shares the database"),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parent.parent


def results(call) -> list[tuple]:
    return [
        *ChallengeFit.objects.filter(application__challenge__call=call)
        .order_by("application_id")
        .values_list("application_id", "best_challenge_id"),
        *DuplicatePair.objects.filter(call=call).order_by("pk").values_list("first_id", "second_id"),
        *ExpertSuggestion.objects.filter(application__challenge__call=call)
        .order_by("application_id", "rank")
        .values_list("application_id", "expert_id", "rank"),
    ]


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def kill_mid_job(queued: Job, tmp_path) -> None:
    """Run `queued` in a real worker process, stalled mid-job, and kill it there (SIGKILL)."""
    marker = tmp_path / "stalled"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "JOB_LEASE_SECONDS": "2",
        "LODESTAR_STALL_MARKER": str(marker),
        "PYTHONPATH": str(ROOT),
    }
    worker = subprocess.Popen(  # noqa: S603  # this interpreter, a script of the suite
        [sys.executable, str(ROOT / "tests" / "stalling_worker.py")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert worker.poll() is None, worker.stderr.read().decode() if worker.stderr else ""
            assert time.monotonic() < deadline, "the worker never reached the middle of the job"
            time.sleep(0.1)
        queued.refresh_from_db()
        assert queued.status == Job.Status.RUNNING and queued.worker.endswith(f":{worker.pid}")
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)


def test_a_worker_killed_mid_job_loses_nothing_and_the_job_is_retried(
    review_field, call, stella, settings, tmp_path
):
    matching.check_run_matching(call, stella)  # a first run, in this process: the results to keep
    before = results(call)
    assert before

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    queued = matching.check_run_matching(call, stella)
    assert queued.status == Job.Status.QUEUED and queued.max_attempts == 3
    kill_mid_job(queued, tmp_path)
    assert results(call) == before  # nothing lost: the old results are whole

    queued.refresh_from_db()
    assert queued.status == Job.Status.RUNNING and queued.attempts == 1  # nobody knows yet...
    settings.JOB_LEASE_SECONDS = 2
    time.sleep(2.5)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    latest = matching.latest_job(call)  # ...until someone looks: queued again, run at once here
    assert latest is not None and latest.pk == queued.pk
    assert latest.status == Job.Status.DONE and latest.attempts == 2
    assert "Attempt 1: no sign of life" in latest.error
    assert results(call) == before  # the same data gives the same results, once each


def test_a_worker_killed_in_the_last_attempt_leaves_a_failed_job_to_run_again(
    review_field, call, stella, settings, tmp_path
):
    matching.check_run_matching(call, stella)
    before = results(call)
    settings.JOB_MAX_ATTEMPTS = 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    queued = matching.check_run_matching(call, stella)
    assert queued.max_attempts == 1
    kill_mid_job(queued, tmp_path)
    assert results(call) == before

    queued.refresh_from_db()
    assert queued.status == Job.Status.RUNNING  # nobody knows yet...
    settings.JOB_LEASE_SECONDS = 2
    time.sleep(2.5)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    latest = matching.latest_job(call)  # ...until someone looks: the lease has run out
    assert latest is not None and latest.pk == queued.pk
    assert latest.status == Job.Status.FAILED and latest.failure == jobs.WORKER_LOST

    again = matching.check_run_matching(call, stella)
    assert again.pk != queued.pk and again.status == Job.Status.DONE
    assert results(call) == before  # the same data gives the same results, once each
