"""`lodestar simulate --applications 2600 --experts 600 [--seed N] [--profile] [--scale N]`: a whole
call at scale, timed; `--profile` adds each stage's SQL queries and peak memory, `--scale 10` runs ten
times the real programme (26,000 applications, 6,000 experts)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.demo.simulation import Report, Simulation


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
        parser.add_argument(
            "--profile",
            action="store_true",
            help="print each stage's wall time, SQL queries and peak resident memory as a table",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="multiply the applications and experts (10: 26,000 x 6,000 with the defaults)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"] < 1:
            raise CommandError("The scale is a whole number of at least 1.")
        applications = options["applications"] * options["scale"]
        experts = options["experts"] * options["scale"]
        if applications < 10 or experts < 5:
            raise CommandError("Simulate at least 10 applications and 5 experts.")
        simulation = Simulation(
            applications,
            experts,
            options["seed"],
            echo=self.stdout.write,
            radar_documents=options["radar_documents"],
            scale=options["scale"],
        )
        try:
            report = simulation.run()
        except (ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        out = self.stdout.write
        out("")
        out(f"Call: {report.call.slug}")
        if options["profile"]:
            self.profile(report)
        else:
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

    def profile(self, report: Report) -> None:
        out = self.stdout.write
        width = max(len(s.name) for s in report.steps)
        out(f"  {'stage':<{width}} {'seconds':>8} {'CPU s':>8} {'queries':>9} {'peak MiB':>9}")
        for s in report.steps:
            out(f"  {s.name:<{width}} {s.seconds:8.1f} {s.cpu:8.1f} {s.queries:9d} {s.peak_mb:9.0f}")
        peak = max((s.peak_mb for s in report.steps), default=0.0)
        queries = sum(s.queries for s in report.steps)
        cpu = sum(s.cpu for s in report.steps)
        out(f"  {'total':<{width}} {report.total:8.1f} {cpu:8.1f} {queries:9d} {peak:9.0f}")
