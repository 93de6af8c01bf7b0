"""`lodestar worker`: runs background tasks from the database queue (django-tasks-db's worker), after
failing the jobs whose worker died (their lease ran out)."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from lodestar.core.jobs import reap_stale_jobs


class Command(BaseCommand):
    help = "Run the background task worker (matching, assignment, selection, imports)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", action="store_true", help="Exit once the queue is empty.")

    def handle(self, *args: Any, **options: Any) -> None:
        # Jobs left running by a worker that died are queued again (kinds safe to repeat, attempts
        # left) or failed now, so that staff can run them again
        # (each job this worker runs checks again: see core/jobs.py).
        for pk in reap_stale_jobs():
            self.stderr.write(f"job {pk}: its worker stopped responding; queued again or marked failed")
        extra = ["--batch"] if options["batch"] else []
        call_command("db_worker", *extra)
