"""The network's people and places for the accelerator tests.

Toulon's sea range (France) takes one booking a day and its operator approves each; Oslo's drone
lab (Norway) takes two a day and confirms at once. Oscar operates Toulon only; Nina operates Oslo
only; Alice (Aurora) and Charlie (Borealis) book for their companies, 10 test days each in the year.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lodestar.accelerator.models import Allowance, Capability, Centre, CentreKind
from lodestar.accelerator.opening import open_days
from lodestar.accounts.actions import do_grant_roles
from lodestar.core.models import EdtArea
from lodestar.core.roles import Role, Scope, ScopeKind
from tests.conftest import make_organisation, make_user


def first_open_day(centre: Centre, after_days: int = 30) -> date:
    """The first day at least `after_days` from today on which `centre` is open."""
    start = timezone.localdate() + timedelta(days=after_days)
    return open_days(centre, start, start + timedelta(days=30))[0]


@pytest.fixture
def open_day():
    return first_open_day


def make_centre(slug: str, nation: str, operator_name: str, owner, **fields) -> Centre:
    operator = make_organisation(owner, operator_name, nation, kind="government")
    centre = Centre.objects.create(
        slug=slug,
        kind=fields.pop("kind", CentreKind.TEST_CENTRE),
        name=fields.pop("name", slug.replace("-", " ").title()),
        nation=nation,
        city=fields.pop("city", "City"),
        operator=operator,
        description_en="A test range.",
        description_fr="Un champ d'essais.",
        min_notice_days=7,
        max_days=5,
        **fields,
    )
    Capability.objects.create(
        centre=centre,
        # get_or_create: a transactional test (tests/test_accelerator_races.py) empties the seeded table.
        area=EdtArea.objects.get_or_create(
            code="energy", defaults={"name_en": "Energy and propulsion", "name_fr": "Énergie et propulsion"}
        )[0],
        name_en="Energy test bench",
        name_fr="Banc d'essai énergie",
    )
    return centre


@pytest.fixture
def oscar(db):
    """Oscar operates the Toulon sea range: he sees and decides its bookings, no other centre's."""
    return make_user("oscar@toulon.example", name="Oscar Opérateur")


@pytest.fixture
def nina(db):
    """Nina operates the Oslo drone lab only."""
    return make_user("nina@oslo.example", name="Nina Nordmann")


@pytest.fixture
def toulon(oscar):
    centre = make_centre(
        "toulon-sea-range",
        "FR",
        "DGA Techniques navales",
        oscar,
        city="Toulon",
        capacity=1,
        needs_approval=True,
    )
    do_grant_roles(oscar, Role.CENTRE_OPERATOR, scope=Scope.of(ScopeKind.CENTRE, centre.pk))
    return centre


@pytest.fixture
def oslo(nina):
    centre = make_centre(
        "oslo-drone-lab", "NO", "FFI Kjeller", nina, city="Oslo", capacity=2, needs_approval=False
    )
    do_grant_roles(nina, Role.CENTRE_OPERATOR, scope=Scope.of(ScopeKind.CENTRE, centre.pk))
    return centre


@pytest.fixture
def allowances(aurora, borealis):
    year = timezone.localdate().year
    rows = []
    for company in (aurora, borealis):
        for y in (year, year + 1):
            rows.append(Allowance.objects.create(organisation=company, year=y, days=10))
    return rows
