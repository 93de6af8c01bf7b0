"""Expert review and selection: experts, conflicts, assignments, reviews, rankings, selections."""

from lodestar.reviews.models.assignment import Assignment, Conflict
from lodestar.reviews.models.declarations import ConflictDeclaration
from lodestar.reviews.models.experts import MAX_DOCUMENTS, Employment, Expert, ExpertDocument
from lodestar.reviews.models.reviewing import RankingEntry, Review
from lodestar.reviews.models.selection import Selection, SelectionEntry
from lodestar.reviews.models.setup import ReviewSetup

__all__ = [
    "MAX_DOCUMENTS",
    "Assignment",
    "Conflict",
    "ConflictDeclaration",
    "Employment",
    "Expert",
    "ExpertDocument",
    "RankingEntry",
    "Review",
    "ReviewSetup",
    "Selection",
    "SelectionEntry",
]
