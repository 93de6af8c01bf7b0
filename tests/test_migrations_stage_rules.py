"""Splitting ReviewSetup into the rules of each stage keeps every value: a database made before the split
migrates forward with its rules in the new tables, and back again with them in ReviewSetup.

The test migrates the real test database back to the last state before the split, writes rows through the
historical models (as the old code would have), migrates forward and reads them through today's models.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from lodestar.programmes.models import Call
from lodestar.reviews.actions.assignment import publication_time
from lodestar.reviews.models import AssignmentRules, ConflictRules, ReviewRules
from lodestar.selection.models import SelectionRules

pytestmark = pytest.mark.django_db(transaction=True)

# The last migrations before the split, in the two apps that hold the rules now.
BEFORE_THE_SPLIT = [("reviews", "0005_experts_and_selection_move_out"), ("selection", "0002_own_tables")]

CRITERIA = [{"code": "impact", "en": "Impact", "fr": "Impact", "weight": 2.0}]


def migrate(targets):
    """Migrate the database to `targets` and return the historical models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # the applied set changed
    apps_moved = {app for app, _name in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in apps_moved]
    return executor.loader.project_state(others + targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    yield migrate(BEFORE_THE_SPLIT)
    migrate(latest())  # the other tests expect today's schema


def old_call(apps, slug, now):
    Programme = apps.get_model("programmes", "Programme")
    programme, _ = Programme.objects.get_or_create(slug="old", name_en="Old", name_fr="Ancien")
    return apps.get_model("programmes", "Call").objects.create(
        programme=programme,
        slug=slug,
        title_en=slug,
        title_fr=slug,
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
    )


def published_assignment(apps, call, at):
    """An application of `call` with one assignment published at `at`, as publication wrote it."""
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        legal_name="Borealis Energy", headquarters_nation="NO", kind="startup", year_founded=2020, employees=9
    )
    challenge = apps.get_model("programmes", "Challenge").objects.create(
        call=call, slug="energy", title_en="Energy", title_fr="Énergie"
    )
    application = apps.get_model("applications", "Application").objects.create(
        challenge=challenge, organisation=organisation, title="Storage", summary="-", status="under_review"
    )
    expert = apps.get_model("experts", "Expert").objects.create(
        full_name="Ada", email="ada@example.org", nation="FR", expertise="Storage."
    )
    apps.get_model("reviews", "Assignment").objects.create(
        application=application, expert=expert, status="active", published_at=at
    )


def test_every_rule_of_a_review_setup_reaches_its_stage_and_comes_back(old_apps):
    now = timezone.now().replace(microsecond=0)
    ruled, bare = old_call(old_apps, "ruled", now), old_call(old_apps, "bare", now)
    published_at = now - timedelta(days=10)
    published_assignment(old_apps, ruled, published_at)
    ReviewSetup = old_apps.get_model("reviews", "ReviewSetup")
    # Not one value is a default: a value lost on the way would show.
    old = {
        "experts_per_application": 4,
        "min_load": 2,
        "max_load": 7,
        "min_business": 1,
        "max_same_nation": None,
        "fair": True,
        "weak_match": 0.11,
        "conflict_same_nation": True,
        "assignment_published_at": published_at,
        "blind": True,
        "criteria": CRITERIA,
        "review_deadline": now + timedelta(days=20),
        "share_comments": True,
        "budget": Decimal("1234567.89"),
        "min_per_challenge": 2,
        "max_per_challenge": 9,
        "max_nation_share": None,
        "min_nations": 5,
        "min_per_type": {"startup": 3},
    }
    ReviewSetup.objects.create(call_id=ruled.pk, **old)

    migrate(latest())

    call = Call.objects.get(slug="ruled")
    assert ConflictRules.objects.get(call=call).same_nation is True
    assignment = AssignmentRules.objects.get(call=call)
    assert (
        assignment.experts_per_application,
        assignment.min_load,
        assignment.max_load,
        assignment.min_business,
        assignment.max_same_nation,
        assignment.fair,
        assignment.weak_match,
    ) == (4, 2, 7, 1, None, True, 0.11)
    review = ReviewRules.objects.get(call=call)
    assert (review.blind, review.criteria, review.review_deadline, review.share_comments) == (
        True,
        CRITERIA,
        old["review_deadline"],
        True,
    )
    selection = SelectionRules.objects.get(call=call)
    assert (
        selection.budget,
        selection.min_per_challenge,
        selection.max_per_challenge,
        selection.max_nation_share,
        selection.min_nations,
        selection.min_per_type,
    ) == (Decimal("1234567.89"), 2, 9, None, 5, {"startup": 3})
    # The publication is read from the assignments it published.
    assert publication_time(call) == published_at
    # A call without a set-up gets no rules rows: it runs on the defaults, as before.
    bare_call = Call.objects.get(slug="bare")
    for model in (ConflictRules, AssignmentRules, ReviewRules, SelectionRules):
        assert not model.objects.filter(call=bare_call).exists()

    back = migrate(BEFORE_THE_SPLIT).get_model("reviews", "ReviewSetup")
    restored = back.objects.get(call_id=ruled.pk)
    assert {name: getattr(restored, name) for name in old} == old
    assert not back.objects.filter(call_id=bare.pk).exists()
