"""Every stage's "run" button answers the same way (core/job_views.py, core/_stage_job.html): it
starts the stage's job, refuses a second press while one runs, says when the job failed or the action
refused, and goes back to the stage's page, which shows the latest job's progress bar."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lodestar.core import jobs
from lodestar.core.jobs import create_job
from lodestar.core.models import Job
from lodestar.reviews.actions import conflicts


def test_a_run_starts_the_stages_job_and_goes_back_to_its_page(client, call, stella):
    client.force_login(stella)
    response = client.post(reverse("reviews:conflicts_run", args=[call.slug]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "reviews:conflicts", args=[call.slug]
    )
    assert Job.objects.filter(kind=conflicts.JOB_KIND, params__call=call.pk).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Conflict detection is running" in page


def test_a_second_press_while_the_job_runs_starts_nothing(client, call, stella):
    running = create_job(conflicts.JOB_KIND, "Conflicts", params={"call": call.pk}, user=stella)
    client.force_login(stella)
    page = client.post(reverse("reviews:conflicts_run", args=[call.slug]), follow=True).content.decode()
    assert "already running" in page
    assert list(Job.objects.filter(kind=conflicts.JOB_KIND)) == [running]


def test_the_page_shows_the_running_jobs_bar_and_holds_its_button(client, call, stella):
    running = create_job(conflicts.JOB_KIND, "Conflicts", params={"call": call.pk}, user=stella)
    client.force_login(stella)
    page = client.get(reverse("reviews:conflicts", args=[call.slug])).content.decode()
    assert reverse("core:job_progress", args=[running.pk]) in page
    assert 'type="submit" disabled' in page


def test_a_failed_run_says_so(client, call, stella, monkeypatch):
    def broken(job, progress):
        raise RuntimeError("the worker fell over")

    monkeypatch.setitem(jobs.RUNNERS, conflicts.JOB_KIND, broken)
    client.force_login(stella)
    page = client.post(reverse("reviews:conflicts_run", args=[call.slug]), follow=True).content.decode()
    assert "The run failed; nothing was changed" in page
    assert "This job stopped on an unexpected error" in page  # the bar of the failed job, with why


def test_a_refused_run_shows_the_reason_and_starts_nothing(client, call, stella):
    call.matching_enabled = False
    call.save()
    client.force_login(stella)
    page = client.post(reverse("matching:run", args=[call.slug]), follow=True).content.decode()
    assert "AI matching is switched off for this call." in page
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("run", "page"),
    [
        ("matching:run", "matching:overview"),
        ("reviews:conflicts_run", "reviews:conflicts"),
        ("reviews:run", "reviews:overview"),
        ("selection:run", "selection:overview"),
    ],
)
def test_every_stage_with_a_job_goes_back_to_its_own_page(client, call, dora, run, page):
    client.force_login(dora)
    response = client.post(reverse(run, args=[call.slug]))
    assert response.status_code == 302 and response["Location"] == reverse(page, args=[call.slug])
