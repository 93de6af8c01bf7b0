"""Expert review of a call: conflicts, assignment, reviewing and ranking, one module per stage."""

from lodestar.reviews.models.assignment import Assignment
from lodestar.reviews.models.conflicts import Conflict
from lodestar.reviews.models.ranking import RankingEntry
from lodestar.reviews.models.reviewing import Review
from lodestar.reviews.models.setup import ReviewSetup

__all__ = ["Assignment", "Conflict", "RankingEntry", "Review", "ReviewSetup"]
