"""How well predicted affinities order what experts say about their own expertise.

Public API:

- ``Rating(expert_id, paper_id, expertise)``: one self-reported expertise (higher means more expert).
- ``pairwise_loss(predictions, ratings) -> LossReport``: the loss of the gold-standard reviewer-matching
  benchmark (Stelmakh et al. 2023). For each expert, every pair of rated papers with different ratings
  weighs the rating difference; a prediction that orders the pair the wrong way costs that weight, a
  predicted tie costs half of it. The loss is the total cost over the total weight of all experts
  (lower is better; a constant prediction scores 0.5, a perfect one 0).
- ``read_ratings(path) -> tuple[Rating, ...]``: the benchmark's ``evaluations_*.tsv`` files.

``predictions`` maps an expert id to ``{paper_id: score}``; a ``~`` before an expert id is ignored on
both sides, as in the OpenReview format.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path


@dataclass(frozen=True)
class Rating:
    expert_id: str
    paper_id: str
    expertise: float


@dataclass(frozen=True)
class LossReport:
    """``loss`` = ``cost`` / ``weight``; ``experts`` counts the experts with at least one weighed pair."""

    loss: float
    cost: float
    weight: float
    experts: int


class MissingPredictionError(KeyError):
    """A rated (expert, paper) pair has no predicted score."""


def _plain(expert_id: str) -> str:
    return expert_id.removeprefix("~")


def pairwise_loss(predictions: Mapping[str, Mapping[str, float]], ratings: Iterable[Rating]) -> LossReport:
    """The weighted share of rated pairs that ``predictions`` order wrongly (ties count half).

    Raises ``MissingPredictionError`` when a rated pair has no prediction: silently skipping it would
    flatter the model.
    """
    by_expert: dict[str, dict[str, float]] = defaultdict(dict)
    for r in ratings:
        by_expert[_plain(r.expert_id)][r.paper_id] = r.expertise
    plain_predictions = {_plain(k): v for k, v in predictions.items()}

    cost = weight = 0.0
    experts = 0
    for expert, rated in by_expert.items():
        scores = plain_predictions.get(expert)
        if scores is None:
            raise MissingPredictionError(f"no predictions for expert {expert}")
        missing = [p for p in rated if p not in scores]
        if missing:
            raise MissingPredictionError(f"no prediction for expert {expert} and paper {missing[0]}")
        expert_weight = 0.0
        for a, b in combinations(sorted(rated), 2):
            true_diff = rated[a] - rated[b]
            if true_diff == 0:
                continue
            w = abs(true_diff)
            expert_weight += w
            pred_diff = scores[a] - scores[b]
            if pred_diff == 0:
                cost += w / 2
            elif (pred_diff > 0) != (true_diff > 0):
                cost += w
        if expert_weight:
            experts += 1
            weight += expert_weight
    return LossReport(loss=cost / weight if weight else 0.0, cost=cost, weight=weight, experts=experts)


def read_ratings(path: Path) -> tuple[Rating, ...]:
    """Read ``ParticipantID, Paper1..PaperN, Expertise1..ExpertiseN`` rows (tab-separated, with header).

    Empty cells (experts who rated fewer than N papers) are skipped.
    """
    out: list[Rating] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader)
        n = (len(header) - 1) // 2
        for row in reader:
            if not row or not row[0].strip():
                continue
            row = row + [""] * (len(header) - len(row))
            expert = row[0].strip()
            for paper, value in zip(row[1 : 1 + n], row[1 + n : 1 + 2 * n], strict=True):
                if paper.strip() and value.strip():
                    out.append(Rating(expert, paper.strip(), float(value)))
    return tuple(out)
