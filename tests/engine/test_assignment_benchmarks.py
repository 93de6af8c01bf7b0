"""On the shared benchmark instances, the fast paths give the objective of the previous solvers.

The reference values are computed here, by the previous method (tests/engine/reference_assignment),
on these small instances; nothing is copied from a benchmark run. The instances are read from
../shared/bench/assignment beside the repository, and the tests skip when it is absent.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from lodestar.engine.assignment import Quota, solve
from lodestar.engine.assignment_problem import prepare
from lodestar.engine.instance_files import read_assignment_instance
from tests.engine.reference_assignment import reference_fair, reference_max_total

SHARED = Path(__file__).resolve().parents[3] / "shared" / "bench" / "assignment"
INSTANCES = ["midl", "preflib1", "preflib2", "preflib3"]


def instance(name, **options):
    if not (SHARED / name).is_dir():
        pytest.skip(f"shared benchmark instance {name} is not beside the repository")
    return read_assignment_instance(SHARED / name, **options)


@pytest.mark.parametrize("name", INSTANCES)
def test_fair_mode_matches_the_previous_solver(name):
    problem = instance(name, fair=True)
    result = solve(problem)
    worst, total = reference_fair(problem)
    assert result.proven_optimal
    assert abs(result.worst_proposal_total - worst) <= 1e-9
    assert abs(result.objective - total) <= 1e-9 * max(1.0, abs(total))


@pytest.mark.parametrize("name", INSTANCES)
def test_overlapping_quotas_match_the_integer_program_over_every_pair(name):
    problem = instance(name)
    # Two fifths of the experts in a business pool, seven nations spread over experts and
    # proposals alike: "at least one from the pool" and "at most one of the proposal's nation"
    # overlap on the pool's experts of that nation.
    pool = {e: "business" if i % 5 < 2 else "technical" for i, e in enumerate(problem.experts)}
    nation = {e: f"N{i % 7}" for i, e in enumerate(problem.experts)}
    applicant = {p: f"N{i % 7}" for i, p in enumerate(problem.proposals)}
    quotas = (
        Quota("business", pool, group="business", at_least=1),
        Quota("nation", nation, proposal_groups=applicant, at_most=1),
    )
    problem = replace(problem, quotas=quotas)
    result = solve(problem)
    reference = reference_max_total(problem)
    assert reference is not None and result.feasible and result.proven_optimal
    expected = float(prepare(problem).score[reference].sum())
    assert abs(result.objective - expected) <= 1e-9 * max(1.0, abs(expected))
    assert result.method.startswith("integer program")
