"""The partner-grants world of the tests: a partner call with Japan on cyber defence, Ulrich (a member
of a French university) and his proposal, and the committee of nations.

- Stella (staff) and Dora (director) run every programme (tests/conftest.py).
- Ulrich belongs to Université de Lille: he writes and sends the proposal, nobody else of his body.
- Camille sits on the committee for France; Greta and Gerd both sit for Germany (one German vote
  between them); Hugo sits for Hungary. Quorum: two nations.
- Ivo belongs to a start-up: companies may not take part.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lodestar.core.roles import Role
from lodestar.experts.models import Expert
from lodestar.partnerships import actions
from lodestar.partnerships.mechanisms import Topic, do_create_partner_call, do_ensure_mechanisms
from lodestar.partnerships.models import PartnerNation
from lodestar.programmes.models import Programme
from tests.conftest import make_organisation, make_user
from tests.partnerships_helpers import project_data, seat


@pytest.fixture
def japan(db):
    return PartnerNation.objects.create(code="JP", topics_en="Cyber defence", topics_fr="Cyberdéfense")


@pytest.fixture
def mechanisms(db):
    return {m.code: m for m in do_ensure_mechanisms()}


@pytest.fixture
def partner_call(japan, mechanisms, stella):
    now = timezone.now()
    programme = Programme.objects.create(
        slug="science", name_en="Science for peace", name_fr="Science pour la paix"
    )
    return do_create_partner_call(
        stella,
        programme,
        slug="cyber-japan",
        titles=("Cyber defence with Japan", "Cyberdéfense avec le Japon"),
        descriptions=("Joint research on cyber defence.", "Recherche commune en cyberdéfense."),
        opens_at=now - timedelta(days=10),
        short_closes_at=now + timedelta(days=20),
        closes_at=now + timedelta(days=60),
        partners=[japan],
        topics=[
            Topic("cyber", "Cyber defence", "Cyberdéfense", "Defending networks.", "Défendre les réseaux.")
        ],
        quorum=2,
    )


@pytest.fixture
def ulrich(db):
    return make_user("ulrich@univ-lille.example", Role.APPLICANT, name="Ulrich Moreau")


@pytest.fixture
def lille(ulrich):
    return make_organisation(ulrich, "Université de Lille", nation="FR", kind="university")


@pytest.fixture
def ivo(db):
    """Ivo belongs to a start-up, Sentinel Labs."""
    user = make_user("ivo@sentinel.example", Role.APPLICANT, name="Ivo Ivanov")
    make_organisation(user, "Sentinel Labs", nation="BG", kind="startup")
    return user


@pytest.fixture
def project(ulrich, lille, partner_call, mechanisms):
    return actions.check_create_proposal(
        ulrich,
        partner_call,
        lille,
        partner_call.call.challenges.get(),
        mechanisms["multi-year-project"],
        project_data(),
    )


@pytest.fixture
def camille(db):
    return seat("camille@delegation.example", "FR", "Camille France")


@pytest.fixture
def greta(db):
    return seat("greta@delegation.example", "DE", "Greta Germany")


@pytest.fixture
def gerd(db):
    return seat("gerd@delegation.example", "DE", "Gerd Germany")


@pytest.fixture
def hugo(db):
    return seat("hugo@delegation.example", "HU", "Hugo Hungary")


@pytest.fixture
def reviewer(db):
    """Rhea, an expert of the independent group, reviews the full proposal assigned to her."""
    user = make_user("rhea@experts.example", Role.EXPERT, name="Rhea Reviewer")
    Expert.objects.create(
        user=user, full_name="Rhea Reviewer", email=user.email, nation="NL", expertise="ICS"
    )
    return user
