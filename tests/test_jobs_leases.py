"""Jobs whose worker dies (issue 13, item 2): the lease on the job row, what staff see, a run that
stops halfway keeping the previous results, and the guard that must not wait on a dead job.

Stella is programme staff; the call, its eligible applications and its experts are those of
tests/reviews_assignment_fixtures.py. tests/test_jobs_worker_kill.py kills a real worker process.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lodestar.core import jobs
from lodestar.core.models import Job
from lodestar.matching import actions as matching
from lodestar.matching import engine_adapter
from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion
from lodestar.reviews.actions import conflicts

pytest_plugins = ["tests.reviews_assignment_fixtures"]


def abandoned(kind: str, call, seconds_ago: int = 600, attempts: int | None = None) -> Job:
    """A job a worker took and then died on: running, its last heartbeat long ago; by default in its
    last attempt, so that it is failed rather than retried (tests/test_jobs_retry.py retries)."""
    job = jobs.create_job(kind, "Matching", params={"call": call.pk})
    then = timezone.now() - timedelta(seconds=seconds_ago)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING,
        started_at=then,
        heartbeat_at=then,
        worker="gone:4242",
        attempts=job.max_attempts if attempts is None else attempts,
    )
    return job


def results(call) -> tuple[int, int, int]:
    return (
        ChallengeFit.objects.filter(application__challenge__call=call).count(),
        DuplicatePair.objects.filter(call=call).count(),
        ExpertSuggestion.objects.filter(application__challenge__call=call).count(),
    )


def test_a_running_job_whose_heartbeat_stopped_is_marked_failed_with_the_reason(review_field, call):
    dead = abandoned(matching.JOB_KIND, call)
    assert jobs.reap_stale_jobs() == [dead.pk]
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED
    assert dead.failure == jobs.WORKER_LOST
    assert "gone:4242" in dead.error and dead.finished_at is not None
    assert dead.attempts == dead.max_attempts == 3  # matching is retried; this was its last attempt


def test_a_job_with_a_recent_heartbeat_is_left_running(review_field, call, settings):
    settings.JOB_LEASE_SECONDS = 60
    alive = abandoned(matching.JOB_KIND, call, seconds_ago=10)
    assert jobs.reap_stale_jobs() == []
    alive.refresh_from_db()
    assert alive.status == Job.Status.RUNNING


def test_the_run_button_is_not_blocked_by_a_dead_job(review_field, call, stella):
    dead = abandoned(matching.JOB_KIND, call)
    job = matching.check_run_matching(call, stella)
    assert job.pk != dead.pk and job.status == Job.Status.DONE
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED


def test_the_same_holds_for_conflict_detection(review_field, call, stella):
    dead = abandoned(conflicts.JOB_KIND, call)
    job = conflicts.check_run_detection(call, stella)
    assert job.pk != dead.pk and job.status == Job.Status.DONE


def test_staff_read_why_the_job_failed_in_their_language(client, review_field, call, stella):
    abandoned(matching.JOB_KIND, call)
    client.force_login(stella)
    english = client.get(reverse("matching:overview", args=[call.slug])).content.decode()
    assert "The worker running this job stopped before it finished" in english
    french = client.get("/fr" + reverse("matching:overview", args=[call.slug])[3:]).content.decode()
    assert "Le processus qui exécutait cette tâche s’est arrêté" in french


def test_a_matching_run_that_stops_halfway_keeps_the_previous_results(
    review_field, call, stella, monkeypatch
):
    matching.check_run_matching(call, stella)
    before = results(call)
    assert before[2] > 0

    def stops(*args, **kwargs):
        raise MemoryError("the worker ran out of memory while ranking experts")

    monkeypatch.setattr(engine_adapter, "rank_profiles", stops)
    failed = matching.check_run_matching(call, stella)
    assert failed.status == Job.Status.FAILED
    assert failed.failure == jobs.FAILED_ON_ERROR
    assert results(call) == before  # nothing was deleted before the replacement was ready


def test_a_refusal_inside_a_job_is_worded_for_the_person_who_started_it(
    review_field, call, stella, monkeypatch
):
    stella.language = "fr"
    stella.save(update_fields=["language"])

    def refuses(job, progress):
        raise ValidationError(matching._("AI matching is switched off for this call."))

    monkeypatch.setitem(jobs.RUNNERS, matching.JOB_KIND, refuses)
    job = matching.check_run_matching(call, stella)
    assert job.status == Job.Status.FAILED
    assert job.failure == "L’appariement par IA est désactivé pour cet appel."


def test_a_job_that_finished_after_its_lease_ran_out_stays_failed_but_keeps_its_results(
    review_field, call, stella, monkeypatch, settings
):
    settings.JOB_MAX_ATTEMPTS = 1  # no retry: tests/test_jobs_retry.py has the retried case
    real = jobs.RUNNERS[matching.JOB_KIND]

    def slow_then_done(job, progress):
        out = real(job, progress)
        jobs.reap_stale_jobs(now=timezone.now() + timedelta(hours=1))  # the lease ran out meanwhile
        return out

    monkeypatch.setitem(jobs.RUNNERS, matching.JOB_KIND, slow_then_done)
    job = matching.check_run_matching(call, stella)
    assert job.status == Job.Status.FAILED and job.failure == jobs.WORKER_LOST
    assert results(call)[2] > 0
