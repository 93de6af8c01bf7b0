"""The engagement world shared by its tests.

Emma is the engagement officer (tests/conftest.py). The space industry day is published with 3
places and open to every nation; the strategic dialogue is by invitation only and Alice is invited,
Charlie is not. Paul is a signed-in visitor with a person record in Poland. The consultation on energy
at the edge is open for thirty days.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lodestar.core.roles import Role
from lodestar.engagement import actions
from lodestar.engagement.actions import consultations as consulting
from lodestar.engagement.models import EventKind
from tests.conftest import make_user


@pytest.fixture
def paul(db):
    """Paul, a researcher from Poland, signed up to take part in events; he holds no role."""
    user = make_user("paul@research.example", Role.APPLICANT, name="Paul Nowak")
    person = actions.person_for_user(user)
    person.nation = "PL"
    person.save(update_fields=["nation"])
    return user


@pytest.fixture
def industry_day(emma):
    start = timezone.now() + timedelta(days=30)
    return actions.do_create_event(
        kind=EventKind.INDUSTRY_DAY,
        title_en="Space industry day",
        title_fr="Journée de l'industrie spatiale",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        capacity=3,
        city="Toulouse",
        nation="FR",
        actor=emma,
        starts_in="published",
    )


@pytest.fixture
def dialogue(emma, alice):
    start = timezone.now() + timedelta(days=40)
    event = actions.do_create_event(
        kind=EventKind.STRATEGIC_DIALOGUE,
        title_en="Strategic dialogue with big tech",
        title_fr="Dialogue stratégique avec les grandes entreprises technologiques",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=20,
        invitation_only=True,
        needs_approval=True,
        actor=emma,
        starts_in="published",
    )
    actions.check_invite(event, emma, [alice.email])
    return event


@pytest.fixture
def open_consultation(emma):
    return consulting.check_create_consultation(
        emma,
        title_en="Energy at the edge",
        title_fr="L'énergie en bout de chaîne",
        question_en="What would power forward bases?",
        question_fr="Qu'alimenterait les bases avancées ?",
        closes_on=timezone.localdate() + timedelta(days=30),
        status="open",
    )
