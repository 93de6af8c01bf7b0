"""`lodestar radar-fetch-feeds`: read every followed feed now, in this process (for a scheduler such as
cron or a systemd timer); the same job as the documents page's "Read the feeds now"."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import Job
from lodestar.radar.actions import FEEDS_JOB
from lodestar.radar.models import Feed


class Command(BaseCommand):
    help = "Read every followed RSS or Atom feed of the technology radar (time and size limits apply)."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(Feed.objects.filter(active=True).values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No feed is followed.")
            return
        job = execute_job(create_job(FEEDS_JOB, f"Reading {len(ids)} feed(s)", {"feeds": ids}).pk)
        if job.status == Job.Status.FAILED:
            raise CommandError(f"Reading the feeds failed; run it again.\n{job.error}")
        result = job.result
        self.stdout.write(f"{result['added']} added, {result['already_read']} already read.")
        for problem in result["unreadable"]:
            self.stderr.write(problem)
