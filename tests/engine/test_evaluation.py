"""The gold-standard loss, checked against examples computed by hand."""

import pytest

from lodestar.engine.evaluation import MissingPredictionError, Rating, pairwise_loss, read_ratings

# Alice rated three papers: a=5, b=3, c=1. Pair weights: (a,b)=2, (a,c)=4, (b,c)=2, total 8.
ALICE = [Rating("alice", "a", 5), Rating("alice", "b", 3), Rating("alice", "c", 1)]


def test_a_perfect_order_costs_nothing():
    assert pairwise_loss({"alice": {"a": 0.9, "b": 0.5, "c": 0.1}}, ALICE).loss == 0.0


def test_a_reversed_order_costs_everything():
    assert pairwise_loss({"alice": {"a": 0.1, "b": 0.5, "c": 0.9}}, ALICE).loss == 1.0


def test_a_constant_prediction_costs_half():
    assert pairwise_loss({"alice": {"a": 0.3, "b": 0.3, "c": 0.3}}, ALICE).loss == 0.5


def test_an_inversion_costs_its_rating_difference():
    # b and c swapped: only the (b, c) pair, weight 2 of 8, is wrong.
    report = pairwise_loss({"alice": {"a": 0.9, "b": 0.1, "c": 0.5}}, ALICE)
    assert (report.cost, report.weight, report.loss) == (2.0, 8.0, 0.25)


def test_a_tie_costs_half_its_weight():
    # a and b tied: half of weight 2 -> cost 1 of 8.
    assert pairwise_loss({"alice": {"a": 0.5, "b": 0.5, "c": 0.1}}, ALICE).loss == 0.125


def test_experts_are_pooled_by_weight_not_averaged():
    # Bob rated x=4, y=3 (weight 1) and the prediction inverts them: cost 1. Alice perfect: cost 0 of 8.
    ratings = [*ALICE, Rating("bob", "x", 4), Rating("bob", "y", 3)]
    predictions = {"alice": {"a": 3, "b": 2, "c": 1}, "~bob": {"x": 0, "y": 1}}
    report = pairwise_loss(predictions, ratings)
    assert report.loss == pytest.approx(1 / 9)
    assert report.experts == 2


def test_pairs_with_equal_ratings_weigh_nothing():
    ratings = [Rating("carol", "p", 3), Rating("carol", "q", 3)]
    report = pairwise_loss({"carol": {"p": 1, "q": 0}}, ratings)
    assert (report.weight, report.experts) == (0.0, 0)


def test_a_missing_prediction_is_an_error_not_a_skip():
    with pytest.raises(MissingPredictionError):
        pairwise_loss({"alice": {"a": 1, "b": 0}}, ALICE)


def test_read_ratings_skips_empty_cells(tmp_path):
    path = tmp_path / "evaluations.tsv"
    path.write_text(
        "ParticipantID\tPaper1\tPaper2\tPaper3\tExpertise1\tExpertise2\tExpertise3\n"
        "17\tp1\tp2\t\t4.5\t2.0\t\n",
        encoding="utf-8",
    )
    assert read_ratings(path) == (Rating("17", "p1", 4.5), Rating("17", "p2", 2.0))
