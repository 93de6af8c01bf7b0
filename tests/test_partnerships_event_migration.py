"""The data migration that moves a funded workshop's agenda and participants from partnerships into
an engagement event (partnerships/migrations/0004): run on rows written the old way, it keeps them."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from lodestar.engagement.models import Event
from lodestar.partnerships import actions
from lodestar.partnerships import workflow as wf
from lodestar.partnerships.models import Proposal
from tests.partnerships_helpers import FULL_TEXT, project_data

pytest_plugins = ["tests.partnerships_fixtures"]
pytestmark = pytest.mark.django_db(transaction=True)  # as tests/test_migrations_keep_data.py

BEFORE = [("partnerships", "0003_proposal_event")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_old_agenda_and_participants_become_the_workshop_s_event(ulrich, lille, partner_call, mechanisms):
    proposal = actions.check_create_proposal(
        ulrich,
        partner_call,
        lille,
        partner_call.call.challenges.get(),
        mechanisms["advanced-study-institute"],
        project_data(
            title="Study institute on cyber ranges",
            requested_amount=Decimal("60000"),
            months=None,
            days=7,
            description=FULL_TEXT,
        ),
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        status=wf.APPROVED, starts_on=date(2030, 5, 6), venue="Lille campus"
    )
    latest = [
        key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] == "partnerships"
    ]
    try:
        old = _migrate(BEFORE)
        agenda = old.get_model("partnerships", "AgendaItem")
        participant = old.get_model("partnerships", "Participant")
        agenda.objects.create(
            proposal_id=proposal.pk,
            day=date(2030, 5, 6),
            starts_at=time(9),
            title="Opening",
            speaker="Sakura Endo",
        )
        agenda.objects.create(
            proposal_id=proposal.pk,
            day=date(2030, 5, 6),
            starts_at=time(9, 30),
            title="Ranges compared",
            speaker="Jonas Berg",
        )
        participant.objects.create(
            proposal_id=proposal.pk,
            full_name="Sakura Endo",
            affiliation="Tokyo Cyber Forum",
            nation="JP",
            is_speaker=True,
        )
        participant.objects.create(
            proposal_id=proposal.pk,
            full_name="Élodie Garnier",
            affiliation="Université de Lille",
            nation="FR",
            is_speaker=False,
        )
    finally:
        _migrate(latest)

    event = Event.objects.get()
    assert Proposal.objects.get(pk=proposal.pk).event == event
    assert (event.kind, event.partner, event.venue, event.status) == (
        "course",
        lille,
        "Lille campus",
        "published",
    )
    assert timezone.localtime(event.starts_at).date() == date(2030, 5, 6)
    assert timezone.localtime(event.ends_at).date() == date(2030, 5, 12)  # seven days
    registered = {r.person.full_name: r for r in event.registrations.select_related("person__organisation")}
    assert set(registered) == {"Sakura Endo", "Élodie Garnier"}
    assert {r.status for r in registered.values()} == {"registered"}
    # The directory's own organisation of that name is found; the other keeps its affiliation as role.
    assert registered["Élodie Garnier"].person.organisation == lille
    assert registered["Sakura Endo"].person.role == "Tokyo Cyber Forum"
    items = list(event.agenda.order_by("starts_at"))
    assert [i.title_en for i in items] == ["Opening", "Ranges compared"]
    # The first session ends when the next one starts; a speaker who is no participant is added.
    assert items[0].ends_at == items[1].starts_at
    assert [s.full_name for s in items[0].speakers.all()] == ["Sakura Endo"]
    assert items[0].speakers.get() == registered["Sakura Endo"].person
    assert [s.full_name for s in items[1].speakers.all()] == ["Jonas Berg"]
