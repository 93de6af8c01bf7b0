"""Commands report a failed job as a failure (issue 13, item 2): `lodestar simulate` stops with an
error and a non-zero exit when a step's job fails, here the decision letters, which it used to
report as done."""

from __future__ import annotations

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from lodestar.core import jobs
from lodestar.selection import actions as selection


def test_simulate_fails_when_the_letters_job_fails(db, monkeypatch):
    def broken(job, progress):
        raise RuntimeError("the mail queue is gone")

    monkeypatch.setitem(jobs.RUNNERS, selection.LETTERS_JOB_KIND, broken)
    with pytest.raises(CommandError, match="Decision letters for .* failed"):
        call_command("simulate", "--applications", "30", "--experts", "16", "--seed", "11")


def test_the_shell_sees_a_non_zero_exit_status(db, monkeypatch):
    monkeypatch.setitem(jobs.RUNNERS, selection.LETTERS_JOB_KIND, lambda job, progress: 1 / 0)
    command = ["lodestar", "simulate", "--applications", "30", "--experts", "16", "--seed", "12"]
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(command).execute()
    assert exited.value.code == 1
