"""Between the calibration engine and the database: submitted reviews in, `RankingEntry` rows out.

Every application that went to review and has at least one submitted review (of a published
assignment: a declined expert's review does not count) is ranked twice: by its calibrated merit,
with each reviewer's leniency taken out (lodestar/engine/calibration.py), and by its raw mean. Both
use the weighted total of the call's criteria. A run replaces the call's previous ranking.
"""

from __future__ import annotations

import math

from django.db import transaction
from django.utils import timezone

from lodestar.applications import workflow as wf
from lodestar.engine.calibration import Calibration, CalibrationProblem, calibrate
from lodestar.engine.calibration import Review as ScoredReview
from lodestar.programmes.models import Call
from lodestar.reviews.models import Assignment, RankingEntry, Review, ReviewRules

# Every state an application reaches through review: the ranking stays stable after decisions.
RANKED = frozenset({wf.UNDER_REVIEW, wf.SHORTLISTED, wf.SELECTED, wf.REJECTED})


def weights(setup: ReviewRules) -> dict[str, float]:
    return {c["code"]: float(c.get("weight", 1.0)) for c in setup.criteria}


def scored_reviews(call: Call, setup: ReviewRules) -> list[ScoredReview]:
    codes = set(setup.criterion_codes)
    rows = Review.objects.filter(
        status=Review.Status.SUBMITTED,
        assignment__status=Assignment.Status.ACTIVE,
        assignment__application__challenge__call=call,
        assignment__application__status__in=RANKED,
    ).values_list("assignment__application_id", "assignment__expert_id", "scores")
    return [
        ScoredReview(
            proposal=str(application_id),
            expert=str(expert_id),
            scores={code: float(value) for code, value in scores.items() if code in codes},
        )
        for application_id, expert_id, scores in rows.order_by("assignment__application_id", "assignment_id")
    ]


def calibrate_call(call: Call, setup: ReviewRules) -> Calibration | None:
    reviews = scored_reviews(call, setup)
    if not reviews:
        return None
    return calibrate(CalibrationProblem(reviews, weights=weights(setup)))


def compute_ranking(call: Call, setup: ReviewRules) -> int:
    """Replace the call's ranking; returns the number of applications ranked."""
    result = calibrate_call(call, setup)
    standings = [s for s in (result.standings if result else ()) if not math.isnan(s.calibrated)]
    # The raw ranking: by mean, ties broken by median then by the calibrated merit.
    by_mean = sorted(standings, key=lambda s: (-s.mean, -s.median, -s.calibrated, int(s.proposal)))
    raw_rank = {s.proposal: i for i, s in enumerate(by_mean, start=1)}
    now = timezone.now()
    rows = [
        RankingEntry(
            call=call,
            application_id=int(s.proposal),
            rank=s.rank,
            raw_rank=raw_rank[s.proposal],
            calibrated=s.calibrated,
            lower=s.low,
            upper=s.high,
            mean=s.mean,
            median=s.median,
            reviews=s.reviews,
            spread=s.spread,
            disagreement=s.disagreement,
            computed_at=now,
        )
        for s in standings
    ]
    with transaction.atomic():
        RankingEntry.objects.filter(call=call).delete()
        RankingEntry.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
