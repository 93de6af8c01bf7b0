"""The simulation's later stages on their own, from a saved database: assignment (optimise, publish),
selection (run, confirm, letters) and awards, each measured like `lodestar simulate --profile`
(wall, CPU seconds, queries), without running applications and matching again for every try.

    # once: a SQLite file with the call up to conflict detection (applications, screening, experts,
    # matching, conflicts), and the simulation's planted merit beside it (PATH.state)
    .venv/bin/python bench/simulation_stages.py build /tmp/sim/before-assignment.sqlite3
    # each try: a copy of it taken through the stages asked for
    .venv/bin/python bench/simulation_stages.py run /tmp/sim/before-assignment.sqlite3 \
        --stages assignment,reviews,ranking,selection,awards [--save-to AFTER.sqlite3] \
        [--dump rows.json] [--cprofile out.prof]

`--save-to` keeps the copy (and its state) to start later tries from: `run AFTER.sqlite3 --stages
ranking,selection,awards`. `--dump` writes what the stages made (assignments, audit events,
letters, selection entries, awards and their rows; ids and times left out) as sorted JSON, so that
two versions of the code can be compared row by row on the same input.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import pickle
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")

STAGES = ("assignment", "reviews", "ranking", "selection", "awards")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build")
    build.add_argument("path")
    build.add_argument("--applications", type=int, default=2600)
    build.add_argument("--experts", type=int, default=600)
    build.add_argument("--seed", type=int, default=2025)
    run = sub.add_parser("run")
    run.add_argument("path")
    run.add_argument("--stages", default="assignment,reviews,ranking,selection,awards")
    run.add_argument("--save-to", default="")
    run.add_argument("--dump", default="")
    run.add_argument("--cprofile", default="")
    return parser.parse_args()


ARGS = parse()
# A PostgreSQL "file" is a database named in a URL: copied with CREATE DATABASE ... TEMPLATE.
POSTGRES = ARGS.path.startswith(("postgres://", "postgresql://"))


def _postgres(statement: str) -> None:
    import psycopg

    server, _name = ARGS.path.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)  # names built here from the command line, not from users


# The database is chosen before Django starts: `build` writes a new one, `run` a copy.
if POSTGRES:
    SOURCE = ARGS.path.rsplit("/", 1)[1]
    STATE = Path(tempfile.gettempdir()) / f"{SOURCE}.state"
    if ARGS.command == "build":
        COPY = SOURCE
        _postgres(f'DROP DATABASE IF EXISTS "{COPY}"')
        _postgres(f'CREATE DATABASE "{COPY}"')
    else:
        COPY = ARGS.save_to or f"{SOURCE}_run"
        _postgres(f'DROP DATABASE IF EXISTS "{COPY}"')
        _postgres(f'CREATE DATABASE "{COPY}" TEMPLATE "{SOURCE}"')
    os.environ["DATABASE_URL"] = f"{ARGS.path.rsplit('/', 1)[0]}/{COPY}"
    TARGET = Path(tempfile.gettempdir()) / f"{COPY}.db"  # only names the state saved beside it
else:
    if ARGS.command == "build":
        TARGET = Path(ARGS.path)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.unlink(missing_ok=True)
    else:
        TARGET = (
            Path(ARGS.save_to)
            if ARGS.save_to
            else Path(tempfile.mkdtemp(prefix="sim-stages-")) / "db.sqlite3"
        )
        shutil.copyfile(ARGS.path, TARGET)
    os.environ["DATABASE_URL"] = f"sqlite:///{TARGET}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections, models  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from lodestar.accounts.models import User  # noqa: E402
from lodestar.core.models import AuditEvent, Letter  # noqa: E402
from lodestar.core.roles import Role  # noqa: E402
from lodestar.demo.awards import award_cohort  # noqa: E402
from lodestar.demo.simulation import Report, Simulation  # noqa: E402
from lodestar.grants import models as grants  # noqa: E402
from lodestar.programmes.models import Call  # noqa: E402
from lodestar.reviews.actions.ranking import do_compute_ranking  # noqa: E402
from lodestar.reviews.models import Assignment, Review  # noqa: E402
from lodestar.selection.models import SelectionEntry  # noqa: E402

STAFF = "simulation-staff@lodestar.example"
DIRECTOR = "simulation-director@lodestar.example"


class _Stop(Exception):
    """Raised where the saved database ends: before the assignment."""


class _UpToConflicts(Simulation):
    def assignment(self, call: Call, staff: User) -> str:
        raise _Stop


def _state_path(path: Path) -> Path:
    return path.with_suffix(".state")


def _source_state() -> Path:
    return STATE if POSTGRES else _state_path(Path(ARGS.path))


def build() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    simulation = _UpToConflicts(ARGS.applications, ARGS.experts, seed=ARGS.seed, echo=print)
    with contextlib.suppress(_Stop):
        simulation.run()
    _save_state(simulation, TARGET)
    print(f"saved {os.environ['DATABASE_URL']} and {_state_path(TARGET)}")


def _save_state(simulation: Simulation, path: Path) -> None:
    state = {
        "applications": simulation.n_applications,
        "experts": simulation.n_experts,
        "seed": simulation.seed,
        "slug": simulation.slug,
        "merit": simulation.merit,
        "leniency": simulation.leniency,
        "rng": simulation.rng.getstate(),
        "now": simulation.now,
    }
    _state_path(path).write_bytes(pickle.dumps(state))


def _load(state_path: Path) -> Simulation:
    state = pickle.loads(state_path.read_bytes())
    simulation = Simulation(state["applications"], state["experts"], seed=state["seed"], echo=print)
    simulation.merit, simulation.leniency = state["merit"], state["leniency"]
    simulation.rng.setstate(state["rng"])
    simulation.now = state["now"]
    simulation.slug = state["slug"]
    return simulation


def run() -> None:
    simulation = _load(_source_state())
    call = Call.objects.get(slug=simulation.slug)
    staff, director = User.objects.get(email=STAFF), User.objects.get(email=DIRECTOR)
    marks = {model: _last_pk(model) for model in DUMPED}
    report = Report(call=call)
    profiler = cProfile.Profile() if ARGS.cprofile else None
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ):
        for stage in ARGS.stages.split(","):
            if stage not in STAGES:
                raise SystemExit(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")
            with simulation.step(report, stage) as detail:
                if profiler is not None:
                    profiler.enable()
                detail["text"] = _stage(simulation, stage, call, staff, director)
                if profiler is not None:
                    profiler.disable()
    if profiler is not None:
        profiler.dump_stats(ARGS.cprofile)
    if ARGS.save_to:
        _save_state(simulation, TARGET)
    if ARGS.dump:
        Path(ARGS.dump).write_text(json.dumps(_dump(marks), indent=1, sort_keys=True, default=str))
    with open("/proc/loadavg") as handle:
        print("load average:", handle.read().strip())
    if not ARGS.save_to:  # the copy goes; the database it was made from stays
        connections.close_all()
        if POSTGRES:
            _postgres(f'DROP DATABASE IF EXISTS "{COPY}"')
        else:
            shutil.rmtree(TARGET.parent)


def _stage(simulation: Simulation, stage: str, call: Call, staff: User, director: User) -> str:
    if stage == "assignment":
        return simulation.assignment(call, staff)
    if stage == "reviews":
        return simulation.reviews(call)
    if stage == "ranking":
        return f"{do_compute_ranking(call, staff)} applications ranked"
    if stage == "selection":
        return simulation.selection(call, director)
    finance = simulation.person("simulation-finance@lodestar.example", "Simulation Finance", Role.FINANCE)
    started = (simulation.now - timedelta(weeks=20)).date()
    return award_cohort(call, director, staff, finance, seed=simulation.seed, starts_on=started)


# What the stages write, compared between two versions of the code (new rows only, ids and times out).
DUMPED: tuple[type[models.Model], ...] = (
    Assignment,
    Review,
    AuditEvent,
    Letter,
    SelectionEntry,
    grants.Award,
    grants.Agreement,
    grants.Signature,
    grants.Milestone,
    grants.Evidence,
    grants.Tranche,
    grants.PaymentOrder,
    grants.BankAccount,
    grants.Report,
)
LEFT_OUT = (models.AutoField, models.BigAutoField, models.DateTimeField, models.FileField)


def _last_pk(model: type[models.Model]) -> Any:
    return model._default_manager.order_by("-pk").values_list("pk", flat=True).first() or 0


def _dump(marks: dict[type[models.Model], Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for model in DUMPED:
        names = [f.attname for f in model._meta.concrete_fields if not isinstance(f, LEFT_OUT)]
        rows = model._default_manager.filter(pk__gt=marks[model]).values_list(*names)
        # Assignments exist before the stage too: they are compared whole (their state moves).
        if model is Assignment:
            rows = model._default_manager.values_list(*names)
        out[model._meta.label] = sorted(
            json.dumps(dict(zip(names, row, strict=True)), default=str) for row in rows
        )
    return out


if __name__ == "__main__":
    build() if ARGS.command == "build" else run()
