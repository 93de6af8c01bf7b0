"""The simulation's matching stage alone: build a simulated call up to matching once, then time the
matching job on a copy of it as many times as needed, and save its results for comparison.

    # once (about a minute): a SQLite file with the call, its applications and its experts
    .venv/bin/python bench/matching_stage.py build --db /tmp/match/base.sqlite3
    # each try: copies the file, runs the job as `lodestar simulate` does, prints wall/CPU/queries/peak
    .venv/bin/python bench/matching_stage.py run --db /tmp/match/base.sqlite3 --dump /tmp/match/after.json
    # same results? (suggestions and scores to 1e-5, misfiled and duplicate counts, explanations)
    .venv/bin/python bench/matching_stage.py compare /tmp/match/before.json /tmp/match/after.json
    # where the time goes
    .venv/bin/python bench/matching_stage.py run --db /tmp/match/base.sqlite3 --cprofile /tmp/match/prof

`--applications` and `--experts` default to the simulation's 2,600 x 600; `--seed` to its 2025. The
run happens in a fresh process, so nothing an earlier stage read is memoised: the figure is the
stage's own cost. On PostgreSQL, set DATABASE_URL instead of `--db` (build then run on the same
database: `run` does not copy it, and the job replaces its own results).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _setup(db: str | None) -> None:
    if db:
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    import django

    django.setup()


def build(args: argparse.Namespace) -> None:
    if args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        Path(args.db).unlink(missing_ok=True)
    _setup(args.db)
    from django.core.management import call_command
    from django.test.utils import override_settings

    from lodestar.accounts.models import Role
    from lodestar.demo.simulation import Report, Simulation

    call_command("migrate", verbosity=0)
    sim = Simulation(args.applications, args.experts, args.seed, echo=print)
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ):
        staff = sim.person("simulation-staff@lodestar.example", "Simulation Staff", Role.PROGRAMME_STAFF)
        call = sim.call(staff)
        report = Report(call=call)
        with sim.step(report, "applications (create, submit)") as d:
            d["text"] = sim.applications(call)
        with sim.step(report, "eligibility screening") as d:
            d["text"] = sim.screening(call, staff)
        with sim.step(report, "experts (import, documents)") as d:
            d["text"] = sim.experts(staff)
    print(f"call {call.pk} ({call.slug}) ready for matching")


def _results(call: Any) -> dict[str, Any]:
    from lodestar.matching.models import ChallengeFit, DuplicatePair, ExpertSuggestion

    suggestions = ExpertSuggestion.objects.filter(application__challenge__call=call).order_by(
        "application_id", "rank"
    )
    fits = ChallengeFit.objects.filter(application__challenge__call=call).order_by("application_id")
    pairs = DuplicatePair.objects.filter(call=call).order_by("first_id", "second_id")
    return {
        "suggestions": [
            [s.application_id, s.expert_id, s.rank, s.score, s.explanation] for s in suggestions.iterator()
        ],
        "fits": [
            [f.application_id, f.best_challenge_id, f.best_score, f.own_score, f.misfiled, f.explanation]
            for f in fits.iterator()
        ],
        "duplicates": [[p.first_id, p.second_id, p.similarity, p.terms] for p in pairs],
    }


def run(args: argparse.Namespace) -> None:
    db = args.db
    if db:
        work = Path(tempfile.mkdtemp(prefix="match_", dir=Path(db).parent))
        shutil.copy(db, work / "db.sqlite3")
        db = str(work / "db.sqlite3")
    try:
        _setup(db)
        _run(args)
    finally:
        if db:
            shutil.rmtree(Path(db).parent, ignore_errors=True)


def _run(args: argparse.Namespace) -> None:
    from django.test.utils import override_settings

    from lodestar.demo.profiling import measure
    from lodestar.programmes.models import Call

    call = Call.objects.filter(slug__startswith="simulation-").latest("pk")
    sim_module = __import__("lodestar.demo.simulation", fromlist=["Simulation"])
    sim = sim_module.Simulation(args.applications, args.experts, args.seed)
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ):
        if args.cprofile:
            import cProfile

            profiler = cProfile.Profile()
            with measure() as cost:
                profiler.runcall(sim.matching, call)
            profiler.dump_stats(args.cprofile)
            text = "(profiled)"
        else:
            with measure() as cost:
                text = sim.matching(call)
    print(
        f"matching: {cost.seconds:.2f} s wall, {cost.cpu:.2f} s CPU, {cost.queries} queries, "
        f"peak {cost.peak_mb:.0f} MiB; {text}; load {Path('/proc/loadavg').read_text().split()[0]}"
    )
    if args.dump:
        Path(args.dump).write_text(json.dumps(_results(call)))


def compare(args: argparse.Namespace) -> None:
    before, after = (json.loads(Path(p).read_text()) for p in (args.before, args.after))
    problems = []
    for kind in ("suggestions", "fits", "duplicates"):
        a, b = before[kind], after[kind]
        if len(a) != len(b):
            problems.append(f"{kind}: {len(a)} rows before, {len(b)} after")
            continue
        for x, y in zip(a, b, strict=True):
            if not _same(x, y, args.tolerance):
                problems.append(f"{kind}: {x!r:.300} != {y!r:.300}")
                if len(problems) > 20:
                    break
    misfiled = [sum(1 for f in r["fits"] if f[4]) for r in (before, after)]
    print(
        f"suggestions {len(before['suggestions'])}/{len(after['suggestions'])}, "
        f"misfiled {misfiled[0]}/{misfiled[1]}, "
        f"duplicates {len(before['duplicates'])}/{len(after['duplicates'])}"
    )
    for p in problems[:20]:
        print("DIFF", p)
    print("same results" if not problems else f"{len(problems)} differences")
    sys.exit(1 if problems else 0)


def _same(x: Any, y: Any, tol: float) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return isinstance(x, int | float) and isinstance(y, int | float) and abs(x - y) <= tol
    if isinstance(x, list) and isinstance(y, list):
        return len(x) == len(y) and all(_same(a, b, tol) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(_same(x[k], y[k], tol) for k in x)
    return bool(x == y)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "run"):
        sub = commands.add_parser(name)
        sub.add_argument("--db", help="SQLite file (default: DATABASE_URL)")
        sub.add_argument("--applications", type=int, default=2600)
        sub.add_argument("--experts", type=int, default=600)
        sub.add_argument("--seed", type=int, default=2025)
        if name == "run":
            sub.add_argument("--dump", help="write the job's results to this JSON file")
            sub.add_argument("--cprofile", help="write cProfile statistics to this file")
    sub = commands.add_parser("compare")
    sub.add_argument("before")
    sub.add_argument("after")
    sub.add_argument("--tolerance", type=float, default=1e-5)
    args = parser.parse_args()
    {"build": build, "run": run, "compare": compare}[args.command](args)


if __name__ == "__main__":
    main()
