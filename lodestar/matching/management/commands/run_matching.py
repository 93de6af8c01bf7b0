"""`lodestar run-matching SLUG...` or `--due` (for cron: calls that closed since their last run)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.core.jobs import create_job, execute_job
from lodestar.core.models import Job
from lodestar.matching.actions import JOB_KIND, calls_due
from lodestar.programmes.models import Call


class Command(BaseCommand):
    help = "Compute best challenges, near-duplicates and expert suggestions for calls, with progress."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slugs", nargs="*", help="calls to match")
        parser.add_argument(
            "--due", action="store_true", help="every closed call not matched since it closed"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        calls = calls_due() if options["due"] else list(Call.objects.filter(slug__in=options["slugs"]))
        missing = set(options["slugs"]) - {c.slug for c in calls}
        if missing:
            raise CommandError(f"no call with slug {', '.join(sorted(missing))}")
        if not calls:
            self.stdout.write("Nothing to match.")
        for call in calls:
            if not call.matching_enabled:
                self.stdout.write(f"{call.slug}: AI matching is switched off, skipped.")
                continue
            job = create_job(JOB_KIND, f"Matching for {call.title_en}", params={"call": call.pk})

            def echo(done: int, total: int, message: str, slug: str = call.slug) -> None:
                width = 30
                filled = width * done // max(total, 1)
                self.stdout.write(
                    f"\r{slug} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message:<20}",
                    ending="",
                )
                self.stdout.flush()

            job = execute_job(job.pk, echo=echo)
            self.stdout.write("")
            if job.status == Job.Status.FAILED:
                raise CommandError(f"{call.slug}: matching failed; run it again.\n{job.error}")
            self.stdout.write(f"{call.slug}: {job.result}")
