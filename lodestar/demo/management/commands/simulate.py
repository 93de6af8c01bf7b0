"""`lodestar simulate --applications 2600 --experts 600 [--seed N]`: a whole call at scale, timed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.demo.simulation import Simulation


class Command(BaseCommand):
    help = (
        "Build a call with generated applications and experts on the configured database, take it "
        "through matching, conflicts, assignment, reviews, calibration, ranking and selection with the "
        "same actions as the pages, and print the time of each step and a summary of the cohort."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--applications", type=int, default=2600)
        parser.add_argument("--experts", type=int, default=600)
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument(
            "--radar-documents", type=int, default=500, help="news items the radar's ingestion stage reads"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["applications"] < 10 or options["experts"] < 5:
            raise CommandError("Simulate at least 10 applications and 5 experts.")
        simulation = Simulation(
            options["applications"],
            options["experts"],
            options["seed"],
            echo=self.stdout.write,
            radar_documents=options["radar_documents"],
        )
        try:
            report = simulation.run()
        except (ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        out = self.stdout.write
        out("")
        out(f"Call: {report.call.slug}")
        for step in report.steps:
            out(f"  {step.name:<36} {step.seconds:7.1f} s")
        out(f"  {'total':<36} {report.total:7.1f} s")
        s = report.summary
        out(f"Selected: {s['selected']}, budget used EUR {s['budget_used']:,.0f}")
        out("Per challenge: " + ", ".join(f"{k} {v}" for k, v in sorted(s["per_challenge"].items())))
        out(
            f"Per nation ({len(s['per_nation'])} nations): "
            + ", ".join(f"{k} {v}" for k, v in s["per_nation"].most_common())
        )
        out(
            "Ranking against the true merit (Spearman): "
            f"calibrated {s['calibrated_vs_truth']:.3f}, raw mean {s['mean_vs_truth']:.3f}"
        )
