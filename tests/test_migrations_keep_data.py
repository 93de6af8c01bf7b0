"""Moving models between apps keeps every row: a database made before the expert pool and selection left
the reviews app migrates forward with its experts, declarations, selections, audit trail and links intact.

The test migrates the real test database back to the last state before the move, writes rows through the
historical models (as the old code would have), migrates forward again and reads them through today's models.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from lodestar.core.models import AuditEvent
from lodestar.experts.models import ConflictDeclaration, Expert
from lodestar.matching.models import ExpertSuggestion
from lodestar.selection.models import Selection, SelectionEntry

pytestmark = pytest.mark.django_db(transaction=True)

# The last migrations of each app before experts and selection were apps of their own.
BEFORE_THE_MOVE = [
    ("reviews", "0004_alter_reviewsetup_weak_match"),
    ("matching", "0001_initial"),
    ("experts", None),
    ("selection", None),
    # Cohorts (accelerator 0002) stand on experts and selection: they go back with them.
    ("accelerator", "0001_initial"),
]


def migrate(targets):
    """Migrate the database to `targets` and return the historical models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    moved = {app for app, _name in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in moved]
    return executor.loader.project_state(others + [t for t in targets if t[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_schema():
    old_apps = migrate(BEFORE_THE_MOVE)
    ContentType.objects.clear_cache()
    yield old_apps
    migrate(latest())
    ContentType.objects.clear_cache()


def test_experts_selections_and_their_audit_trail_survive_the_move(old_schema):
    apps = old_schema
    Organisation = apps.get_model("organisations", "Organisation")
    Programme = apps.get_model("programmes", "Programme")
    Call = apps.get_model("programmes", "Call")
    Challenge = apps.get_model("programmes", "Challenge")
    Application = apps.get_model("applications", "Application")
    EdtAreaOld = apps.get_model("core", "EdtArea")
    OldExpert = apps.get_model("reviews", "Expert")
    OldDocument = apps.get_model("reviews", "ExpertDocument")
    OldDeclaration = apps.get_model("reviews", "ConflictDeclaration")
    OldSelection = apps.get_model("reviews", "Selection")
    OldEntry = apps.get_model("reviews", "SelectionEntry")
    OldSuggestion = apps.get_model("matching", "ExpertSuggestion")
    OldAssignment = apps.get_model("reviews", "Assignment")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldEvent = apps.get_model("core", "AuditEvent")

    now = timezone.now()
    area, _ = EdtAreaOld.objects.get_or_create(
        code="quantum", defaults={"name_en": "Quantum", "name_fr": "Quantique"}
    )
    organisation = Organisation.objects.create(
        legal_name="Borealis Energy",
        headquarters_nation="NO",
        kind="startup",
        year_founded=2020,
        employees=12,
    )
    programme = Programme.objects.create(slug="dia-old", name_en="Accelerator", name_fr="Accélérateur")
    call = Call.objects.create(
        programme=programme,
        slug="c-old",
        title_en="Old call",
        title_fr="Ancien appel",
        opens_at=now,
        closes_at=now + timedelta(days=30),
        eligible_nations=["NO"],
        eligible_org_types=["startup"],
    )
    challenge = Challenge.objects.create(
        call=call,
        slug="energy",
        title_en="Energy",
        title_fr="Énergie",
        summary_en="-",
        summary_fr="-",
        description_en="-",
        description_fr="-",
    )
    application = Application.objects.create(
        challenge=challenge,
        organisation=organisation,
        title="Hydrogen storage",
        summary="Storage.",
        description="Storage at low pressure.",
        status="under_review",
    )
    expert = OldExpert.objects.create(
        full_name="Ada Expert", email="ada@example.org", nation="FR", expertise="Hydrogen storage."
    )
    expert.areas.add(area)
    OldDocument.objects.create(expert=expert, title="Metal hydrides", abstract="Storage at low pressure.")
    OldDeclaration.objects.create(expert=expert, name="Borealis Energy", reason="Former adviser")
    OldAssignment.objects.create(application=application, expert=expert, status="active", score=0.4)
    OldSuggestion.objects.create(application=application, expert=expert, score=0.4, rank=1)
    selection = OldSelection.objects.create(call=call, status="confirmed", cost=Decimal("100000"))
    OldEntry.objects.create(selection=selection, application=application, merit=3.5, rank=1, chosen=True)
    for model, pk in (("expert", expert.pk), ("selection", selection.pk)):
        content_type, _ = OldContentType.objects.get_or_create(app_label="reviews", model=model)
        OldEvent.objects.create(content_type=content_type, object_id=str(pk), action=f"{model}:test", at=now)

    migrate(latest())
    ContentType.objects.clear_cache()

    moved = Expert.objects.get(pk=expert.pk)
    assert moved.full_name == "Ada Expert"
    assert [a.code for a in moved.areas.all()] == ["quantum"]
    assert [d.title for d in moved.documents.all()] == ["Metal hydrides"]
    assert ConflictDeclaration.objects.get(expert=moved).reason == "Former adviser"
    assert moved.assignments.get().application_id == application.pk
    assert ExpertSuggestion.objects.get(expert=moved).application_id == application.pk
    kept = Selection.objects.get(pk=selection.pk)
    assert kept.status == "confirmed"
    assert SelectionEntry.objects.get(selection=kept).application_id == application.pk
    # The audit trail follows the models to their new apps: nobody's history is orphaned.
    assert AuditEvent.objects.get(action="expert:test").content_type == ContentType.objects.get_for_model(
        Expert
    )
    assert AuditEvent.objects.get(action="selection:test").target == kept
    assert not ContentType.objects.filter(app_label="reviews", model__in=["expert", "selection"]).exists()
