"""Calibration separates a proposal's merit from its reviewers' leniency, and says how sure it is."""

import numpy as np
import pytest

from lodestar.engine.calibration import CalibrationProblem, Review, calibrate

CRITERIA = ("fit", "feasibility", "commercial", "team")


def planted(num_p=300, num_e=60, per=3, noise=0.4, seed=1):
    """Reviews drawn from known merits and leniencies (each expert reviews ~15 proposals)."""
    rng = np.random.default_rng(seed)
    merit, leniency = rng.normal(6, 1.5, num_p), rng.normal(0, 1.0, num_e)
    reviews = [
        Review(f"p{p}", f"e{e}", {c: float(merit[p] + leniency[e] + rng.normal(0, noise)) for c in CRITERIA})
        for p in range(num_p)
        for e in rng.choice(num_e, per, replace=False)
    ]
    return reviews, merit, leniency


def test_calibration_recovers_planted_leniency():
    reviews, _, leniency = planted()
    result = calibrate(CalibrationProblem(reviews))
    found = {x.expert: x.leniency for x in result.experts}
    truth = [leniency[int(e[1:])] for e in found]
    assert np.corrcoef(truth, list(found.values()))[0, 1] > 0.95
    # Per criterion too: every criterion saw the same leniency.
    assert all(abs(x.by_criterion["team"] - x.leniency) < 0.5 for x in result.experts)


def test_calibrated_ranking_beats_the_raw_mean_when_reviewers_differ():
    reviews, merit, _ = planted()
    result = calibrate(CalibrationProblem(reviews))
    truth = np.array([merit[int(s.proposal[1:])] for s in result.standings])
    calibrated = np.corrcoef(truth, [s.calibrated for s in result.standings])[0, 1]
    raw = np.corrcoef(truth, [s.mean for s in result.standings])[0, 1]
    assert calibrated > raw + 0.02


def test_shrinks_the_leniency_of_an_expert_with_few_reviews():
    # Both experts score 2 points above everyone else on what they review; one reviewed once.
    reviews, _, _ = planted(noise=0.0, seed=2)
    fair_totals = {}
    for r in reviews:
        fair_totals.setdefault(r.proposal, r.scores["fit"])
    busy = [Review(p, "busy", dict.fromkeys(CRITERIA, fair_totals[p] + 2)) for p in list(fair_totals)[:30]]
    once = [Review("p0", "once", dict.fromkeys(CRITERIA, fair_totals["p0"] + 2))]
    result = calibrate(CalibrationProblem(reviews + busy + once, leniency_prior=3.0))
    leniency = {x.expert: x.leniency for x in result.experts}
    assert leniency["once"] < 0.5 * leniency["busy"]


def test_intervals_cover_the_truth_about_as_often_as_claimed():
    reviews, merit, _ = planted(num_p=600, seed=3)
    result = calibrate(CalibrationProblem(reviews, confidence=0.9))
    offset = np.mean([s.calibrated - merit[int(s.proposal[1:])] for s in result.standings])
    covered = np.mean(
        [s.low - offset <= merit[int(s.proposal[1:])] <= s.high - offset for s in result.standings]
    )
    assert 0.84 <= covered <= 0.96


def test_ranks_best_first_with_rank_ranges_that_hold_the_rank():
    reviews, _, _ = planted()
    standings = calibrate(CalibrationProblem(reviews)).standings
    assert [s.rank for s in standings] == list(range(1, len(standings) + 1))
    assert all(s.rank_best <= s.rank <= s.rank_worst for s in standings)
    assert [s.calibrated for s in standings] == sorted((s.calibrated for s in standings), reverse=True)


def test_flags_a_proposal_whose_reviews_disagree_strongly():
    reviews, _, _ = planted(noise=0.2, seed=4)
    split = [
        Review("split", "e1", dict.fromkeys(CRITERIA, 9.0)),
        Review("split", "e2", dict.fromkeys(CRITERIA, 2.0)),
        Review("split", "e3", dict.fromkeys(CRITERIA, 5.5)),
    ]
    result = calibrate(CalibrationProblem(reviews + split))
    by_id = {s.proposal: s for s in result.standings}
    assert by_id["split"].disagreement and by_id["split"].spread > result.disagreement_threshold
    assert sum(s.disagreement for s in result.standings) < 0.1 * len(result.standings)


def test_gives_mean_median_and_calibrated_side_by_side():
    reviews = [
        Review("p1", "e1", {"fit": 4}),
        Review("p1", "e2", {"fit": 5}),
        Review("p1", "e3", {"fit": 9}),
        Review("p2", "e1", {"fit": 6}),
    ]
    standing = next(s for s in calibrate(CalibrationProblem(reviews)).standings if s.proposal == "p1")
    assert (standing.reviews, standing.mean, standing.median) == (3, 6.0, 5.0)
    assert standing.low <= standing.calibrated <= standing.high


def test_weights_criteria_and_does_not_penalise_a_skipped_criterion():
    reviews = [
        Review("p1", "e1", {"fit": 8, "team": 2}),
        Review("p2", "e1", {"fit": 2, "team": 8}),
        Review("p3", "e1", {"fit": 8}),  # team not scored: its total is its fit, not half of it
    ]
    result = calibrate(CalibrationProblem(reviews, weights={"fit": 3, "team": 1}))
    by_id = {s.proposal: s for s in result.standings}
    assert by_id["p1"].mean == pytest.approx(6.5) and by_id["p2"].mean == pytest.approx(3.5)
    assert by_id["p3"].mean == pytest.approx(8.0)
    assert [s.proposal for s in result.standings] == ["p3", "p1", "p2"]
