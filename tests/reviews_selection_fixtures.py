"""A small reviewed call for the selection tests, built directly in the database.

Ranking entries, assignments and reviews are created here by hand, so these tests do not depend
on the assignment and ranking stages. Used by tests/test_reviews_selection*.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.experts.models import Expert
from lodestar.reviews.models import Assignment, RankingEntry, Review
from lodestar.selection.models import SelectionRules
from tests.conftest import complete_draft, make_organisation, make_user

# (key, company, nation, challenge, calibrated merit). Aurora is Alice's (and Bob's) company.
PROPOSALS = [
    ("a1", None, "FR", "energy", 4.9),
    ("a2", "Brume Énergie SAS", "FR", "energy", 4.8),
    ("a3", "Cime Batteries SAS", "FR", "energy", 4.7),
    ("a4", "Dover Power Ltd", "GB", "energy", 4.6),
    ("a5", "Elbląg Energia", "PL", "energy", 4.5),
    ("a6", None, "NO", "sensing", 4.0),
    ("a7", "Falke Sensorik GmbH", "DE", "sensing", 3.5),
    ("a8", "Glasgow Optics Ltd", "GB", "sensing", 3.0),
    ("a9", "Hel Radar", "PL", "sensing", 2.0),
    ("a10", "Ischia Sensori", "IT", "sensing", 1.0),
]


@dataclass
class Cohort:
    call: object
    rules: SelectionRules
    apps: dict[str, Application]


def rank(call, applications: list[tuple[Application, float]]) -> None:
    """Ranking rows as the ranking stage would write them (rank 1 = highest merit)."""
    ordered = sorted(applications, key=lambda pair: -pair[1])
    RankingEntry.objects.bulk_create(
        RankingEntry(
            call=call,
            application=application,
            rank=position,
            raw_rank=position,
            calibrated=merit,
            lower=merit - 0.3,
            upper=merit + 0.3,
            mean=merit,
            median=merit,
            reviews=3,
        )
        for position, (application, merit) in enumerate(ordered, start=1)
    )


def under_review(application: Application) -> Application:
    # The screening and assignment stages are not under test here: set the state they would leave.
    Application.objects.filter(pk=application.pk).update(status=wf.UNDER_REVIEW, submitted_at=timezone.now())
    application.refresh_from_db()
    return application


def build_cohort(call, energy, sensing, alice, aurora, charlie, borealis) -> Cohort:
    """Ten proposals under review, five per challenge, 100,000 each; rules that all bind:
    a budget for five, at most three per challenge, at least one, at most 40 % from one nation."""
    challenges = {"energy": energy, "sensing": sensing}
    apps: dict[str, Application] = {}
    ranked = []
    for key, company, nation, challenge, merit in PROPOSALS:
        if company is None:
            owner, organisation = (alice, aurora) if nation == "FR" else (charlie, borealis)
        else:
            owner = make_user(f"owner-{key}@example.org", name=f"Owner {key.upper()}")
            organisation = make_organisation(owner, company, nation)
        application = under_review(
            complete_draft(owner, organisation, challenges[challenge], title=f"Proposal {key.upper()}")
        )
        apps[key] = application
        ranked.append((application, merit))
    rank(call, ranked)
    rules = SelectionRules.objects.create(
        call=call,
        budget=Decimal(500_000),
        min_per_challenge=1,
        max_per_challenge=3,
        max_nation_share=Decimal(40),
        min_nations=0,
    )
    return Cohort(call, rules, apps)


def review(
    application: Application, name: str, overall: str, comments: dict, submitted: bool = True
) -> Review:
    expert = Expert.objects.create(
        full_name=name,
        email=f"{name.split()[0].lower()}@lab.example",
        nation="DK",
        expertise="Energy storage.",
    )
    assignment = Assignment.objects.create(
        application=application, expert=expert, status=Assignment.Status.ACTIVE
    )
    return Review.objects.create(
        assignment=assignment,
        overall=overall,
        comments=comments,
        scores=dict.fromkeys(comments, 4),
        status=Review.Status.SUBMITTED if submitted else Review.Status.DRAFT,
        submitted_at=timezone.now() if submitted else None,
    )
