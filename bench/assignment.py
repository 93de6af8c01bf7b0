"""Benchmark of the optimisation engine: assignment, calibration, conflicts and selection.

    .venv/bin/python bench/assignment.py                 # every case
    .venv/bin/python bench/assignment.py --case shared   # one case (see CASES)
    .venv/bin/python bench/assignment.py --lp-large      # also check the large assignments by LP
    .venv/bin/python bench/assignment.py --case quotas --reference  # and time the previous solver
    .venv/bin/python bench/assignment.py --case fair-quotas --before /tmp/main  # before / after

Each case runs in its own process so that its peak memory (max RSS of that process, instance
generation included) is its own. Every assignment is checked for feasibility (k per proposal,
loads, candidate pairs only, no conflict) and, on the shared instances (and the large ones with
--lp-large), against the optimum of the linear relaxation from scipy's HiGHS, which equals the
integer optimum because the constraint matrix is totally unimodular. With --reference, the quota
and fairness cases also run the previous solvers (tests/engine/reference_assignment.py: HiGHS over
every pair; CP-SAT then HiGHS for fairness) on the same instance, for their objective and time.
With --before DIR (a checkout of another version, e.g. `git archive main lodestar bench tests`
unpacked there), each case runs that version's engine first, then this one, and prints both.

Shared data is read from ../shared/bench/assignment (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lodestar.engine.assignment import Assignment, AssignmentProblem, Quota, solve  # noqa: E402
from lodestar.engine.assignment_problem import prepare  # noqa: E402
from lodestar.engine.calibration import CalibrationProblem, Review, calibrate  # noqa: E402
from lodestar.engine.conflicts import ConflictRules, Employment, ExpertRecord, ProposalRecord, detect  # noqa: E402
from lodestar.engine.instance_files import read_assignment_instance  # noqa: E402
from lodestar.engine.selection import Candidate, SelectionProblem, select  # noqa: E402
from tests.engine.reference_assignment import reference_fair, reference_max_total  # noqa: E402

T = TypeVar("T")
SHARED = ROOT.parent / "shared" / "bench" / "assignment"
PUBLISHED = {"midl": 201.8849, "preflib1": 124.25, "preflib2": 141.5, "preflib3": 454.25}
# Pilot-call order first (US, CA, GB, PL, TR, IT, NO had the most applications), then the others.
NATIONS = [
    *("US", "CA", "GB", "PL", "TR", "IT", "NO", "AL", "BE", "BG", "HR", "CZ", "DK", "EE", "FI", "FR"),
    *("DE", "GR", "HU", "IS", "LV", "LT", "LU", "ME", "NL", "MK", "PT", "RO", "SK", "SI", "ES", "SE"),
]
CHALLENGES = [
    "energy and power",
    "data and information security",
    "sensing and surveillance",
    "human health and performance",
    "critical infrastructure and logistics",
]


def lp_optimum(problem: AssignmentProblem) -> tuple[float, float]:
    """(optimum of the linear relaxation, seconds) by HiGHS."""
    prep = prepare(problem)
    n = len(prep.pp)
    cols = np.arange(n)
    rows = sparse.vstack(
        [
            sparse.csr_matrix((np.ones(n), (prep.pp, cols)), shape=(prep.num_proposals, n)),
            sparse.csr_matrix((np.ones(n), (prep.pe, cols)), shape=(prep.num_experts, n)),
        ]
    ).tocsr()
    started = time.perf_counter()
    result = linprog(
        -prep.score,
        A_ub=sparse.vstack([rows[prep.num_proposals :], -rows[prep.num_proposals :]]).tocsr(),
        b_ub=np.concatenate([prep.max_load, -prep.min_load]).astype(float),
        A_eq=rows[: prep.num_proposals],
        b_eq=prep.k.astype(float),
        bounds=np.column_stack([prep.forced.astype(float), np.ones(n)]),
        method="highs",
    )
    if result.status != 0:
        raise RuntimeError(f"LP failed: {result.message}")
    return -float(result.fun), time.perf_counter() - started


def check(problem: AssignmentProblem, result: Assignment) -> None:
    """Every rule holds in the result; raises AssertionError otherwise."""
    assert result.feasible, result.diagnosis
    prep = prepare(problem)
    allowed = {(problem.proposals[p], problem.experts[e]) for p, e in zip(prep.pp, prep.pe, strict=True)}
    chosen = [(a.proposal, a.expert) for a in result.pairs]
    assert len(set(chosen)) == len(chosen), "a pair is assigned twice"
    assert set(chosen) <= allowed, "a non-candidate or conflicted pair is assigned"
    k = dict(zip(problem.proposals, prep.k.tolist(), strict=True))
    per = dict.fromkeys(problem.proposals, 0)
    for p, _ in chosen:
        per[p] += 1
    assert per == k, "a proposal does not get exactly its k experts"
    loads = result.loads()
    for e, lo, hi in zip(problem.experts, prep.min_load, prep.max_load, strict=True):
        assert lo <= loads.get(e, 0) <= hi, f"expert {e} out of its load bounds"


def timed(run: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    value = run()
    return value, time.perf_counter() - started


def case_shared(lp_large: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in sorted(PUBLISHED):
        problem = read_assignment_instance(SHARED / name)
        result, seconds = timed(partial(solve, problem))
        check(problem, result)
        lp, lp_seconds = lp_optimum(problem)
        fair, fair_seconds = timed(partial(solve, read_assignment_instance(SHARED / name, fair=True)))
        out[name] = {
            "objective": round(result.objective, 6),
            "lp_optimum": round(lp, 6),
            "relative_gap": abs(result.objective - lp) / abs(lp),
            "published": PUBLISHED[name],
            "seconds": round(seconds, 3),
            "lp_seconds": round(lp_seconds, 3),
            "worst_proposal": round(result.worst_proposal_total or 0, 6),
            "fair_worst_proposal": round(fair.worst_proposal_total or 0, 6),
            "fair_objective": round(fair.objective, 6),
            "fair_seconds": round(fair_seconds, 2),
            "fair_proven_optimal": fair.proven_optimal,
        }
    return out


def topic_mixtures(rng: np.random.Generator, rows: int, topics: int = 20) -> np.ndarray:
    """Sparse topic mixtures: their cosine similarities look like real text-based affinities."""
    return rng.dirichlet(np.full(topics, 0.3), size=rows)


def case_dense(lp_large: bool) -> dict[str, object]:
    rng = np.random.default_rng(2600)
    proposals, experts = topic_mixtures(rng, 2600), topic_mixtures(rng, 1000)
    scores = np.round(
        proposals
        @ experts.T
        / np.linalg.norm(proposals, axis=1)[:, None]
        / np.linalg.norm(experts, axis=1)[None, :],
        6,
    )
    problem, build = timed(
        lambda: AssignmentProblem.from_matrix(
            scores, [f"p{i}" for i in range(2600)], [f"e{j}" for j in range(1000)], per_proposal=3, max_load=8
        )
    )
    result, seconds = timed(lambda: solve(problem))
    check(problem, result)
    out: dict[str, object] = {
        "pairs": int(scores.size),
        "build_seconds": round(build, 2),
        "solve_seconds": round(seconds, 2),
        "objective": round(result.objective, 6),
    }
    if lp_large:
        lp, lp_seconds = lp_optimum(problem)
        out.update(
            lp_optimum=round(lp, 6),
            relative_gap=abs(result.objective - lp) / lp,
            lp_seconds=round(lp_seconds, 1),
        )
    return out


def case_sparse(lp_large: bool) -> dict[str, object]:
    rng = np.random.default_rng(10000)
    num, per = 10_000, 200
    proposals, experts = topic_mixtures(rng, num), topic_mixtures(rng, num)
    experts_n = experts / np.linalg.norm(experts, axis=1)[:, None]
    pp, pe, ps = [], [], []
    for start in range(0, num, 1000):  # top-200 candidates per proposal, 1,000 proposals at a time
        block = proposals[start : start + 1000] @ experts_n.T
        top = np.argpartition(-block, per, axis=1)[:, :per]
        pp.append(np.repeat(np.arange(start, start + len(block)), per))
        pe.append(top.ravel())
        ps.append(np.round(np.take_along_axis(block, top, axis=1).ravel(), 6))
    pp_a, pe_a, ps_a = np.concatenate(pp), np.concatenate(pe), np.concatenate(ps)
    hit = rng.random(len(pp_a)) < 0.01  # 1 % of the candidate pairs are conflicts
    p_ids, e_ids = [f"p{i}" for i in range(num)], [f"e{j}" for j in range(num)]
    conflicts = frozenset((p_ids[p], e_ids[e]) for p, e in zip(pp_a[hit], pe_a[hit], strict=True))
    problem, build = timed(
        lambda: AssignmentProblem(
            tuple(p_ids), tuple(e_ids), pp_a, pe_a, ps_a, per_proposal=3, max_load=6, conflicts=conflicts
        )
    )
    result, seconds = timed(lambda: solve(problem))
    check(problem, result)
    out: dict[str, object] = {
        "pairs": len(pp_a),
        "conflicts": len(conflicts),
        "build_seconds": round(build, 2),
        "solve_seconds": round(seconds, 2),
        "objective": round(result.objective, 6),
    }
    if lp_large:
        lp, lp_seconds = lp_optimum(problem)
        out.update(
            lp_optimum=round(lp, 6),
            relative_gap=abs(result.objective - lp) / lp,
            lp_seconds=round(lp_seconds, 1),
        )
    return out


def call_sized(rng: np.random.Generator, fair: bool, quotas: bool) -> AssignmentProblem:
    """2,600 proposals x 1,000 experts, each proposal's 100 best experts as candidates, k=3, max 8."""
    proposals, experts = topic_mixtures(rng, 2600), topic_mixtures(rng, 1000)
    similarity = proposals @ (experts / np.linalg.norm(experts, axis=1)[:, None]).T
    top = np.argpartition(-similarity, 100, axis=1)[:, :100]
    pp = np.repeat(np.arange(2600), 100)
    p_ids, e_ids = tuple(f"p{i}" for i in range(2600)), tuple(f"e{j}" for j in range(1000))
    rules: list[Quota] = []
    if quotas:
        pool = {e: ("business" if rng.random() < 0.4 else "technical") for e in e_ids}
        nation = {e: NATIONS[int(rng.integers(32))] for e in e_ids}
        applicant = {p: NATIONS[int(rng.integers(32))] for p in p_ids}
        rules = [
            Quota("business", pool, group="business", at_least=1),
            Quota("nation", nation, proposal_groups=applicant, at_most=1),
        ]
    return AssignmentProblem(
        p_ids,
        e_ids,
        pp,
        top.ravel(),
        np.round(np.take_along_axis(similarity, top, axis=1).ravel(), 6),
        per_proposal=3,
        max_load=8,
        quotas=tuple(rules),
        fair=fair,
        time_limit=600,
    )


def case_quotas(reference: bool) -> dict[str, object]:
    """Overlapping quotas (>= 1 business expert, <= 1 from the applicant's nation)."""
    problem = call_sized(np.random.default_rng(11), fair=False, quotas=True)
    result, seconds = timed(partial(solve, problem))
    check(problem, result)
    check_quotas(problem, result)
    plain, plain_seconds = timed(partial(solve, replace(problem, quotas=())))
    out: dict[str, object] = {
        "pairs": len(problem.pair_score),
        "method": result.method,
        "proven_optimal": result.proven_optimal,
        "proven_gap": result.error_bound,
        "seconds": round(seconds, 2),
        "objective": round(result.objective, 6),
        "without_quotas_objective": round(plain.objective, 6),
        "without_quotas_seconds": round(plain_seconds, 2),
    }
    if reference:
        chosen, reference_seconds = timed(partial(reference_max_total, problem))
        assert chosen is not None
        out["reference_objective"] = round(float(prepare(problem).score[chosen].sum()), 6)
        out["reference_seconds"] = round(reference_seconds, 1)
    return out


def case_fair(reference: bool) -> dict[str, object]:
    """The fairness mode on the same call size."""
    return case_fair_on(call_sized(np.random.default_rng(12), fair=True, quotas=False), reference)


def case_fair_on(problem: AssignmentProblem, reference: bool) -> dict[str, object]:
    result, seconds = timed(partial(solve, problem))
    check(problem, result)
    check_quotas(problem, result)
    plain = solve(replace(problem, fair=False))
    out: dict[str, object] = {
        "pairs": len(problem.pair_score),
        "method": result.method,
        "proven_optimal": result.proven_optimal,
        "proven_gap": result.error_bound,
        "floor_gap": result.fairness_floor_gap,
        "seconds": round(seconds, 2),
        "worst_proposal": round(result.worst_proposal_total or 0, 6),
        "objective": round(result.objective, 6),
        "max_total_worst_proposal": round(plain.worst_proposal_total or 0, 6),
        "max_total_objective": round(plain.objective, 6),
    }
    if reference:
        found, reference_seconds = timed(partial(reference_fair, problem))
        assert found is not None
        out["reference_worst_proposal"] = round(found[0], 6)
        out["reference_objective"] = round(found[1], 6)
        out["reference_seconds"] = round(reference_seconds, 1)
    return out


def case_fair_quotas(reference: bool) -> dict[str, object]:
    """The fairness mode with both quotas of the `quotas` case (the web app allows the three)."""
    return case_fair_on(call_sized(np.random.default_rng(11), fair=True, quotas=True), reference)


def case_fair_crowded(reference: bool) -> dict[str, object]:
    """The fairness mode where the weakest proposals compete: the 30 whose best candidates score
    lowest are given the same six experts as their best (0.50 to 0.55), so that the flow cannot
    settle the floor and the certified integer programs must."""
    problem = call_sized(np.random.default_rng(12), fair=True, quotas=False)
    pp, pe, ps = problem.pair_proposal.copy(), problem.pair_expert.copy(), problem.pair_score.copy()
    best3 = np.sort(ps.reshape(2600, 100), axis=1)[:, -3:].sum(axis=1)  # pairs come sorted by proposal
    stars = np.arange(6)
    for p in np.argsort(best3)[:30]:
        row = np.arange(p * 100, (p + 1) * 100)
        keep = row[pe[row] >= 6][:94]  # its other candidates, with their scores
        pe[row], ps[row] = np.concatenate([stars, pe[keep]]), np.concatenate([0.5 + 0.01 * stars, ps[keep]])
    crowded = AssignmentProblem(
        problem.proposals, problem.experts, pp, pe, ps, per_proposal=3, max_load=8, fair=True, time_limit=600
    )
    return case_fair_on(crowded, reference)


def check_quotas(problem: AssignmentProblem, result: Assignment) -> None:
    """Every quota holds on every proposal it applies to."""
    chosen = result.experts_by_proposal()
    for quota in problem.quotas:
        for proposal in problem.proposals:
            group = quota.group if quota.group is not None else quota.proposal_groups.get(proposal)
            if group is None:
                continue
            count = sum(quota.expert_groups.get(e) == group for e in chosen.get(proposal, []))
            at_most = len(chosen.get(proposal, [])) if quota.at_most is None else quota.at_most
            assert min(quota.at_least, len(chosen.get(proposal, []))) <= count <= at_most, (
                quota.name,
                proposal,
            )


def selection_problem(rng: np.random.Generator) -> SelectionProblem:
    """2,600 candidates like the 2024 call: 5 challenges, 32 nations (pilot-call country mix)."""
    weights = np.array([215, 211, 182, 77, 75, 60, 43] + [25] * 25, dtype=float)
    weights /= weights.sum()
    candidates = [
        Candidate(
            id=f"a{i:04d}",
            merit=float(np.round(rng.normal(6, 1.2), 3)),
            cost=float(rng.choice([100_000, 100_000, 100_000, 150_000])),
            challenge=CHALLENGES[rng.integers(5)],
            nation=NATIONS[rng.choice(32, p=weights)],
            organisation_type=str(rng.choice(["start-up", "sme", "university"], p=[0.6, 0.3, 0.1])),
        )
        for i in range(2600)
    ]
    return SelectionProblem(
        candidates,
        budget=7_400_000,
        challenge_min=dict.fromkeys(CHALLENGES, 12),
        challenge_max=dict.fromkeys(CHALLENGES, 18),
        max_nation_share=0.15,
        min_nations=19,
        organisation_type_min={"university": 8},
        excluded=frozenset({"a0001"}),
        forced=frozenset({"a0002"}),
        explain=5,
    )


def case_selection(lp_large: bool) -> dict[str, object]:
    problem = selection_problem(np.random.default_rng(74))
    result, seconds = timed(lambda: select(problem))
    assert result.feasible and result.proven_optimal
    return {
        "candidates": 2600,
        "chosen": len(result.chosen),
        "objective": round(result.objective, 3),
        "proven_optimal": result.proven_optimal,
        "solve_seconds": round(result.solve_seconds, 2),
        "with_explanations_seconds": round(seconds, 2),
        "explained": len(result.explanations),
    }


def case_calibration(lp_large: bool) -> dict[str, object]:
    rng = np.random.default_rng(3)
    merit, leniency = rng.normal(6, 1.5, 2600), rng.normal(0, 0.8, 1000)
    criteria = ["fit", "feasibility", "commercial", "team"]
    reviews = [
        Review(f"p{p}", f"e{e}", {c: float(merit[p] + leniency[e] + rng.normal(0, 0.5)) for c in criteria})
        for p in range(2600)
        for e in rng.choice(1000, 3, replace=False)
    ]
    problem = CalibrationProblem(reviews, weights={"fit": 2, "feasibility": 1, "commercial": 1, "team": 1})
    result, seconds = timed(lambda: calibrate(problem))
    found = {x.expert: x.leniency for x in result.experts}
    planted = [leniency[int(e[1:])] for e in found]
    by_id = {s.proposal: s for s in result.standings}
    truth = np.array([merit[int(p[1:])] for p in by_id])

    def correlation(a: Sequence[float] | np.ndarray, b: Sequence[float]) -> float:
        return round(float(np.corrcoef(a, b)[0, 1]), 4)

    return {
        "reviews": len(reviews),
        "seconds": round(seconds, 3),
        "leniency_correlation": correlation(planted, list(found.values())),
        "calibrated_merit_correlation": correlation(truth, [s.calibrated for s in by_id.values()]),
        "mean_score_correlation": correlation(truth, [s.mean for s in by_id.values()]),
    }


def case_conflicts(lp_large: bool) -> dict[str, object]:
    rng = np.random.default_rng(5)
    orgs = [f"Company {i} Ltd" for i in range(3000)]
    proposals = [
        ProposalRecord(
            f"p{i}", orgs[i], NATIONS[i % 32], team=(f"Person {i}",), shareholders=(f"Fund {i % 50}",)
        )
        for i in range(2600)
    ]
    experts = [
        ExpertRecord(
            f"e{j}",
            f"Expert {j}",
            organisation=f"Fund {j % 60}",
            nation=NATIONS[j % 32],
            employment=(Employment(orgs[int(rng.integers(3000))], 2015, 2024),),
        )
        for j in range(1000)
    ]
    rules = ConflictRules(current_year=2025, same_nation=True)
    found, seconds = timed(lambda: detect(experts, proposals, rules))
    return {"proposals": 2600, "experts": 1000, "conflicts": len(found), "seconds": round(seconds, 3)}


CASES = {
    "shared": case_shared,
    "dense": case_dense,
    "sparse": case_sparse,
    "quotas": case_quotas,
    "fair": case_fair,
    "fair-crowded": case_fair_crowded,
    "fair-quotas": case_fair_quotas,
    "selection": case_selection,
    "calibration": case_calibration,
    "conflicts": case_conflicts,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--lp-large", action="store_true", help="LP check of the large assignments too")
    parser.add_argument("--reference", action="store_true", help="also run the previous quota/fair solvers")
    parser.add_argument(
        "--before", type=Path, help="a checkout of the version to compare with (runs it first)"
    )
    args = parser.parse_args()
    if args.before:
        for name in [args.case] if args.case else list(CASES):
            for label, script in (
                ("before", args.before / "bench" / "assignment.py"),
                ("after", Path(__file__)),
            ):
                command = [sys.executable, str(script), "--case", name] + (
                    ["--reference"] if args.reference else []
                )
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                load = os.getloadavg()[0]
                print(
                    f"{name} {label} (load average {load:.1f}): {done.stdout.strip() or done.stderr[-500:]}",
                    flush=True,
                )
        return
    if args.case:
        extra = args.reference if args.case.startswith(("quotas", "fair")) else args.lp_large
        result = CASES[args.case](extra)
        result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(json.dumps(result))
        return
    for name in CASES:
        command = [sys.executable, __file__, "--case", name] + (["--lp-large"] if args.lp_large else [])
        command += ["--reference"] if args.reference else []
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{name}: FAILED\n{done.stderr}")
            continue
        print(f"{name}: {json.dumps(json.loads(done.stdout), indent=1)}", flush=True)


if __name__ == "__main__":
    main()
