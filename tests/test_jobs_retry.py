"""Jobs whose worker died are retried automatically, a bounded number of times (issue 13, item 2):
a kind safe to repeat (its run replaces its results as a whole, or skips what is done) is queued
again while it has attempts left, each attempt counted on the job and shown on its page; the others,
and a job on its last attempt, are marked failed as before (tests/test_jobs_leases.py).

Stella is programme staff; the call, its applications and experts are those of
tests/reviews_assignment_fixtures.py. tests/test_jobs_worker_kill.py kills a real worker process.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lodestar.core import jobs
from lodestar.core.models import Job
from lodestar.matching import actions as matching
from lodestar.matching.models import ExpertSuggestion
from lodestar.selection import actions as selection
from tests.test_jobs_leases import abandoned

pytest_plugins = ["tests.reviews_assignment_fixtures"]


def test_only_kinds_safe_to_repeat_get_more_than_one_attempt(review_field, call, settings):
    settings.JOB_MAX_ATTEMPTS = 3
    assert jobs.create_job(matching.JOB_KIND, "m", {"call": call.pk}).max_attempts == 3
    assert jobs.create_job(selection.LETTERS_JOB_KIND, "l", {"selection": 1}).max_attempts == 3
    # A selection run adds a run to the call's history: run again only by a person.
    assert jobs.create_job(selection.JOB_KIND, "s", {"call": call.pk}).max_attempts == 1


def test_a_dead_job_with_attempts_left_is_queued_again_and_runs(
    review_field, call, stella, django_capture_on_commit_callbacks
):
    dead = abandoned(matching.JOB_KIND, call, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.reap_stale_jobs() == [dead.pk]
    dead.refresh_from_db()
    # The immediate task backend of the tests ran the second attempt at once.
    assert dead.status == Job.Status.DONE and dead.attempts == 2
    assert "Attempt 1: no sign of life from worker gone:4242" in dead.error
    assert ExpertSuggestion.objects.filter(application__challenge__call=call).exists()


def test_the_job_waiting_for_its_next_attempt_says_so_in_the_reader_s_language(
    client, review_field, call, stella
):
    dead = abandoned(matching.JOB_KIND, call, attempts=1)
    jobs.reap_stale_jobs()  # the test's transaction never commits: the task is not run
    dead.refresh_from_db()
    assert dead.status == Job.Status.QUEUED and dead.message == jobs.RETRIED and not dead.failure
    client.force_login(stella)
    page = client.get("/fr" + reverse("core:job_progress", args=[dead.pk])[3:]).content.decode()
    assert "remise automatiquement en file d’attente" in page


def test_each_attempt_is_counted_and_shown(client, review_field, call, stella):
    job = matching.check_run_matching(call, stella)
    assert job.attempts == 1
    Job.objects.filter(pk=job.pk).update(attempts=2)
    client.force_login(stella)
    page = client.get(reverse("core:job_progress", args=[job.pk])).content.decode()
    assert "attempt 2 of 3" in page


def test_the_last_attempt_fails_for_good(review_field, call, django_capture_on_commit_callbacks):
    dead = abandoned(matching.JOB_KIND, call, attempts=3)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        jobs.reap_stale_jobs()
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED and dead.failure == jobs.WORKER_LOST and queued == []


def test_a_kind_not_safe_to_repeat_fails_at_once(review_field, call, django_capture_on_commit_callbacks):
    dead = abandoned(selection.JOB_KIND, call, attempts=1)
    assert dead.max_attempts == 1
    with django_capture_on_commit_callbacks(execute=True) as queued:
        jobs.reap_stale_jobs()
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED and queued == []


def test_a_stalled_worker_finishing_late_does_not_overwrite_the_next_attempt(review_field, call, stella):
    job = matching.check_run_matching(call, stella)
    stale_view = Job.objects.get(pk=job.pk)  # as the stalled worker holds it: attempt 1
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=2, finished_at=None)
    stale_view.status, stale_view.attempts = Job.Status.RUNNING, 1
    stale_view.finished_at = timezone.now() + timedelta(seconds=1)
    jobs._finish(stale_view, Job.Status.DONE, ["finished_at"])
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.attempts == 2  # the second attempt runs on
