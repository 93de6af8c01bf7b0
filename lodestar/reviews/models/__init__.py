"""Expert review of a call: conflicts, assignment, reviewing and ranking, one module per stage, and
the rules of each stage (rules.py)."""

from lodestar.reviews.models.assignment import Assignment
from lodestar.reviews.models.conflicts import Conflict
from lodestar.reviews.models.ranking import RankingEntry
from lodestar.reviews.models.reviewing import Review
from lodestar.reviews.models.rules import AssignmentRules, ConflictRules, ReviewRules

__all__ = [
    "Assignment",
    "AssignmentRules",
    "Conflict",
    "ConflictRules",
    "RankingEntry",
    "Review",
    "ReviewRules",
]
