"""`lodestar affinity`: score every expert against every paper from files in the OpenReview-expertise
format, without a database (the engine does the work; this only reads arguments and writes the file)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lodestar.engine.affinity import MODELS
from lodestar.engine.embeddings import SemanticModelUnavailable
from lodestar.engine.openreview import predict, write_predictions


class Command(BaseCommand):
    help = (
        "Score every expert (archives/~<id>.jsonl) against every paper (submissions.json) and write "
        "{expert_id: {paper_id: score}} as JSON."
    )
    # Pure file work: no system checks, so it runs without a configured or migrated database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--submissions", required=True, type=Path, help="submissions.json")
        parser.add_argument("--archives", required=True, type=Path, help="folder of ~<expert_id>.jsonl files")
        parser.add_argument("--out", required=True, type=Path, help="where to write the predictions (JSON)")
        parser.add_argument(
            "--model", choices=MODELS, default="lexical", help="affinity model (default: lexical)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        submissions: Path = options["submissions"]
        archives: Path = options["archives"]
        if not submissions.is_file():
            raise CommandError(f"no submissions file at {submissions}")
        if not archives.is_dir():
            raise CommandError(f"no archives folder at {archives}")
        started = time.perf_counter()
        try:
            scores = predict(submissions, archives, options["model"])
        except SemanticModelUnavailable as exc:
            raise CommandError(str(exc)) from exc
        write_predictions(options["out"], scores)
        papers = len(next(iter(scores.values()), {}))
        self.stdout.write(
            f"{len(scores)} experts x {papers} papers scored with the {options['model']} model "
            f"in {time.perf_counter() - started:.1f} s; written to {options['out']}"
        )
