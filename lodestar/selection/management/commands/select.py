"""`lodestar select`: the best cohort of an instance folder under its rules, without a database.

INSTANCE_DIR holds:
  candidates.csv  proposal,merit[,cost][,challenge][,nation][,organisation_type]  (header row)
  rules.json      {"budget", "min_selected", "max_selected", "challenge_min": {challenge: n},
                   "challenge_max": {challenge: n}, "max_nation_share" (fraction), "min_nations",
                   "organisation_type_min": {type: n}, "excluded": [ids], "forced": [ids],
                   "explain" (how many each side of the line), "explain_also": [ids], "time_limit"}
                  every key optional.
Writes proposal,selected,rank,merit,codes,explanation for every chosen or explained proposal and
prints the objective and the explanations.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lodestar.engine.instance_files import read_selection_instance, write_selection
from lodestar.engine.selection import select


class Command(BaseCommand):
    help = (
        "Select the cohort of maximum total merit under budget, challenge, nation and organisation-type "
        "rules, and explain the proposals near the line. INSTANCE_DIR holds candidates.csv "
        "(proposal,merit[,cost][,challenge][,nation][,organisation_type]) and rules.json (budget, "
        "min_selected, max_selected, challenge_min, challenge_max, max_nation_share, min_nations, "
        "organisation_type_min, excluded, forced, explain, explain_also, time_limit; all optional). "
        "Writes proposal,selected,rank,merit,codes,explanation."
    )
    # Pure file work: no system checks, so it runs without a configured or migrated database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instance", type=Path, metavar="INSTANCE_DIR")
        parser.add_argument("--out", required=True, type=Path, metavar="SELECTION.csv")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["instance"]
        if not (folder / "candidates.csv").is_file() or not (folder / "rules.json").is_file():
            raise CommandError(f"{folder} needs candidates.csv and rules.json")
        try:
            problem = read_selection_instance(folder)
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"cannot read {folder}: {exc}") from exc
        started = time.perf_counter()
        result = select(problem)
        seconds = time.perf_counter() - started
        if not result.feasible:
            raise CommandError(
                "no selection meets the rules:\n" + "\n".join(r.text for r in result.diagnosis)
            )
        write_selection(result, options["out"], problem)
        self.stdout.write(f"objective {result.objective:.10g}")
        self.stdout.write(
            f"{len(result.chosen)} of {len(problem.candidates)} selected, cost {result.cost:,.0f}; "
            f"{'proven optimal' if result.proven_optimal else 'not proven optimal (time limit)'} in "
            f"{result.solve_seconds:.1f} s ({seconds:.1f} s with explanations); written to {options['out']}"
        )
        for e in result.explanations:
            self.stdout.write(f"  #{e.rank} {e.proposal} ({'in' if e.selected else 'out'}): {e.text}")
