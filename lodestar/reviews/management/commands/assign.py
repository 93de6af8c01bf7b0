"""`lodestar assign`: the optimal reviewer assignment of an instance folder, without a database.

The engine does the work (lodestar.engine.assignment); this reads the folder, shows progress on
stderr, writes the result and prints the objective, or the diagnosis when no assignment exists.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lodestar.engine.assignment import solve
from lodestar.engine.instance_files import read_assignment_instance, write_assignment


class Command(BaseCommand):
    help = (
        "Assign experts to proposals for maximum total affinity. INSTANCE_DIR holds scores.csv "
        "(proposal,expert,score), params.json ({per_proposal, max_load, min_load}) and optionally "
        "conflicts.csv and forced.csv (proposal,expert); see lodestar/engine/instance_files.py for "
        "overrides and quotas. Writes proposal,expert,score and prints the objective."
    )
    # Pure file work: no system checks, so it runs without a configured or migrated database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instance", type=Path, metavar="INSTANCE_DIR")
        parser.add_argument("--out", required=True, type=Path, metavar="ASSIGNMENT.csv")
        parser.add_argument(
            "--fair",
            action="store_true",
            help="first maximise the worst-served proposal's total affinity, then the total",
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=None,
            help="seconds allowed to the integer-program paths (fairness, overlapping quotas)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["instance"]
        if not (folder / "scores.csv").is_file() or not (folder / "params.json").is_file():
            raise CommandError(f"{folder} needs scores.csv and params.json")
        started = time.perf_counter()
        try:
            problem = read_assignment_instance(folder, fair=options["fair"], time_limit=options["time_limit"])
        except (ValueError, KeyError) as exc:
            raise CommandError(f"cannot read {folder}: {exc}") from exc
        read = time.perf_counter() - started

        def progress(stage: str, fraction: float) -> None:
            if options["verbosity"] > 0:
                self.stderr.write(f"[{fraction:4.0%}] {stage}")

        result = solve(problem, progress)
        seconds = time.perf_counter() - started - read
        if not result.feasible:
            assert result.diagnosis is not None
            raise CommandError("no assignment exists:\n" + result.diagnosis.text)
        write_assignment(result, options["out"])
        self.stdout.write(f"objective {result.objective:.10g}")
        self.stdout.write(
            f"{len(problem.proposals)} proposals x {len(problem.experts)} experts, {len(problem.pair_score)} "
            f"candidate pairs; {len(result.pairs)} assigned by {result.method}"
            f"{'' if result.proven_optimal else ' (not proven optimal: time limit)'}; worst-served proposal "
            f"{result.worst_proposal_total:.6g}; read in {read:.1f} s, solved in {seconds:.1f} s; "
            f"written to {options['out']}"
        )
