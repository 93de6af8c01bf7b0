from lodestar.engagement.models.consultations import (
    ChallengeMatch,
    Consultation,
    Contribution,
    ContributionKind,
    FollowUp,
)
from lodestar.engagement.models.directory import (
    Consent,
    ConsentPurpose,
    DuplicatePair,
    Person,
    Profile,
    Relationship,
    RelationshipKind,
    SpaceSegment,
)
from lodestar.engagement.models.events import AgendaItem, Event, EventKind, Invitation, Registration

__all__ = [
    "AgendaItem",
    "ChallengeMatch",
    "Consent",
    "ConsentPurpose",
    "Consultation",
    "Contribution",
    "ContributionKind",
    "DuplicatePair",
    "Event",
    "EventKind",
    "FollowUp",
    "Invitation",
    "Person",
    "Profile",
    "Registration",
    "Relationship",
    "RelationshipKind",
    "SpaceSegment",
]
