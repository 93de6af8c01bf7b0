"""What the API returns: plain, documented shapes (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Schema


class ChallengeOut(Schema):
    id: int
    slug: str
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str
    areas: list[str]


class CallOut(Schema):
    slug: str
    programme: str
    title_en: str
    title_fr: str
    opens_at: datetime
    closes_at: datetime
    is_open: bool
    max_grant: Decimal
    eligible_nations: list[str]
    challenges: list[ChallengeOut]


class ApplicationOut(Schema):
    id: int
    reference: str
    call: str
    challenge: str
    title: str
    summary: str
    status: str
    language: str
    trl: int | None
    requested_amount: Decimal | None
    submitted_at: datetime | None
    eligibility_verdict: str
    organisation: str | None  # hidden from experts when the call reviews blind
    nation: str | None


class ExpertOut(Schema):
    id: int
    full_name: str
    email: str
    nation: str
    organisation: str
    pool: str
    max_load: int
    available: bool
    review_languages: list[str]
    areas: list[str]


class AssignmentOut(Schema):
    id: int
    application: int
    expert: int
    status: str
    source: str
    score: float
    explanation: dict


class ReviewOut(Schema):
    id: int
    assignment: int
    application: int
    expert: int  # staff read every review; an expert reads only its own
    status: str
    scores: dict
    comments: dict
    overall: str
    recommendation: str
    submitted_at: datetime | None


class RankingOut(Schema):
    application: int
    reference: str
    title: str
    rank: int
    raw_rank: int
    calibrated: float
    lower: float
    upper: float
    mean: float
    median: float
    reviews: int
    disagreement: bool


class SelectionEntryOut(Schema):
    application: int
    rank: int
    merit: float
    chosen: bool
    near_line: bool
    reasons: list
    override: str
    override_reason: str


class SelectionOut(Schema):
    id: int
    call: str
    status: str
    feasible: bool
    proven_optimal: bool
    objective: float
    cost: Decimal
    diagnosis: str
    created_at: datetime
    confirmed_at: datetime | None
    entries: list[SelectionEntryOut]


class Message(Schema):
    detail: str


class ReviewIn(Schema):
    """An expert's review: scores 1-5 by criterion code, comments by code, and whether to submit it."""

    scores: dict[str, int | None] = {}
    comments: dict[str, str] = {}
    overall: str = ""
    recommendation: str = ""
    submit: bool = False


class ScreeningIn(Schema):
    decision: str  # "accept", "eligible" or "ineligible"
    note: str = ""
