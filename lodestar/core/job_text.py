"""What a job is called and what it came to, in the reader's language.

A job row keeps the label written when it started, in the language of whoever started it (or the
English of a command). Pages show instead the title and outcome that the job's app registers here
for its kind, built from the job's parameters and result when the page is rendered: a French reader
reads "Affectation des experts pour l'appel 2026" and "1 234 affectations proposées", whoever ran it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils.formats import number_format

from lodestar.core.models import Job


@dataclass(frozen=True)
class JobText:
    title: Callable[[Job], str]
    # The outcome of a finished job, one sentence ("" when there is nothing to say).
    outcome: Callable[[Job], str] | None = None


TEXTS: dict[str, JobText] = {}


def describe_job(kind: str, title: Callable[[Job], str], outcome: Callable[[Job], str] | None = None) -> None:
    """Register how jobs of `kind` are named and summed up (apps call it next to their runner)."""
    TEXTS[kind] = JobText(title, outcome)


def job_title(job: Job) -> str:
    text = TEXTS.get(job.kind)
    if text is None:
        return job.label
    try:
        return text.title(job) or job.label
    except (LookupError, ValueError, ObjectDoesNotExist):  # a parameter or row gone: the stored label
        return job.label


def job_outcome(job: Job) -> str:
    """What a finished job came to; "" while it runs, when it failed, or for a kind with no outcome."""
    text = TEXTS.get(job.kind)
    if job.status != Job.Status.DONE or text is None or text.outcome is None:
        return ""
    try:
        return text.outcome(job)
    except (LookupError, ValueError, TypeError, ObjectDoesNotExist):
        return ""


def count(value: object) -> str:
    """A count from a job's result, grouped by the reader's locale (1,234 / 1 234)."""
    return number_format(int(str(value or 0)), force_grouping=True)
