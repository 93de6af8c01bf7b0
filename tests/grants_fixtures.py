"""A selected application and its award, for the grants tests.

Alice owns Aurora, whose application was selected; Charlie owns Borealis (not selected). Stella is
programme staff, Dora the director. Fiona and Frank are finance: each may approve a payment the
other requested, never one they requested themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lodestar.core.roles import Role
from lodestar.grants import actions
from tests.conftest import make_user
from tests.grants_helpers import selected_application


@pytest.fixture
def selected(alice, aurora, energy, stella, dora):
    return selected_application(alice, aurora, energy, stella, dora)


@pytest.fixture
def fiona(db):
    return make_user("fiona@lodestar.example", Role.FINANCE, name="Fiona Finance")


@pytest.fixture
def frank(db):
    return make_user("frank@lodestar.example", Role.FINANCE, name="Frank Finance")


@pytest.fixture
def award(selected, dora):
    return actions.check_make_award(selected, dora, starts_on=dt.date(2026, 1, 15))


@pytest.fixture
def signed_award(award, alice, dora):
    agreement = award.current_agreement()
    actions.check_sign_agreement(agreement, alice, seen_sha256=agreement.sha256)
    agreement.refresh_from_db()
    actions.check_sign_agreement(agreement, dora, seen_sha256=agreement.sha256)
    award.refresh_from_db()
    return award
