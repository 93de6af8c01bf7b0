"""Copy every ReviewSetup row into the rules of its stages, and back when migrating backwards.

Forward, each ReviewSetup gives one row to each of ConflictRules, AssignmentRules, ReviewRules and
selection's SelectionRules, every value kept, defaults included (a row says someone set the rules).
`assignment_published_at` is not a rule but a fact of the assignments: publication wrote the same
instant to every assignment it published (`Assignment.published_at`), and the assignment page now
reads it from there (`reviews.actions.assignment.publication_time`), so it is not copied.

Backward, a call with any rules row, or with a published assignment, gets one ReviewSetup back:
stage rules that were never saved take the old defaults, and `assignment_published_at` is read
again from the assignments.

This migration depends on selection's, though selection sits above reviews: the one table being
split lives here, and it may only be dropped (0008) once the selection rules hold their copy.
"""

from django.db import migrations
from django.db.models import Max

CONFLICT = {"conflict_same_nation": "same_nation"}
ASSIGNMENT = {
    name: name
    for name in (
        "experts_per_application",
        "min_load",
        "max_load",
        "min_business",
        "max_same_nation",
        "fair",
        "weak_match",
    )
}
REVIEW = {name: name for name in ("blind", "criteria", "review_deadline", "share_comments")}
SELECTION = {
    name: name
    for name in (
        "budget",
        "min_per_challenge",
        "max_per_challenge",
        "max_nation_share",
        "min_nations",
        "min_per_type",
    )
}


def _stages(apps):
    """(model, {ReviewSetup field: stage field}) for each stage."""
    return [
        (apps.get_model("reviews", "ConflictRules"), CONFLICT),
        (apps.get_model("reviews", "AssignmentRules"), ASSIGNMENT),
        (apps.get_model("reviews", "ReviewRules"), REVIEW),
        (apps.get_model("selection", "SelectionRules"), SELECTION),
    ]


def split(apps, schema_editor):
    db = schema_editor.connection.alias
    setups = list(apps.get_model("reviews", "ReviewSetup").objects.using(db).order_by("pk"))
    for model, fields in _stages(apps):
        model.objects.using(db).bulk_create(
            [
                model(call_id=setup.call_id, **{new: getattr(setup, old) for old, new in fields.items()})
                for setup in setups
            ],
            batch_size=500,
        )


def _publication_times(apps, db):
    """call id -> the latest publication of its assignments (replacements are published one by one)."""
    rows = (
        apps.get_model("reviews", "Assignment")
        .objects.using(db)
        .filter(published_at__isnull=False)
        .exclude(source="reassignment")
        .values("application__challenge__call_id")
        .annotate(latest=Max("published_at"))
        .order_by()
    )
    return {row["application__challenge__call_id"]: row["latest"] for row in rows}


def merge(apps, schema_editor):
    db = schema_editor.connection.alias
    published = _publication_times(apps, db)
    values = {call_id: {"assignment_published_at": at} for call_id, at in published.items()}
    for model, fields in _stages(apps):
        for rules in model.objects.using(db).all():
            values.setdefault(rules.call_id, {}).update(
                {old: getattr(rules, new) for old, new in fields.items()}
            )
    ReviewSetup = apps.get_model("reviews", "ReviewSetup")
    ReviewSetup.objects.using(db).bulk_create(
        [ReviewSetup(call_id=call_id, **fields) for call_id, fields in sorted(values.items())], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0006_rules_of_each_stage"),
        ("selection", "0003_selection_rules"),
    ]

    operations = [migrations.RunPython(split, merge)]
