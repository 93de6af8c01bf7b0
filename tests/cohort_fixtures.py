"""A cohort for the accelerator's cohort and adoption tests.

Aurora (Alice, France) and Borealis (Charlie, Norway) were selected in a confirmed selection of the
call; Arne (accelerator staff, every cohort) formed their cohort. Ulla is an end user for France,
Uwe for Germany: each acts for their own nation only. Marta is an expert of the pool; Kurt, another
expert, works at Aurora (a conflict of interest with it).
"""

from __future__ import annotations

import pytest

from lodestar.accelerator.actions import cohorts as cohort_actions
from lodestar.accounts.actions import do_grant_roles
from lodestar.core.roles import Role, Scope, ScopeKind
from lodestar.core.workflow import transition
from lodestar.experts.models import Employment, Expert
from lodestar.selection.models import Selection, SelectionEntry
from tests.conftest import make_user
from tests.grants_helpers import selected_application


def confirmed_selection(call, dora, applications):
    selection = Selection.objects.create(call=call, rules={}, created_by=dora)
    for rank, application in enumerate(applications, start=1):
        SelectionEntry.objects.create(
            selection=selection, application=application, merit=5.0 - rank, rank=rank, chosen=True
        )
    transition(selection, Selection.Status.CONFIRMED, dora)
    selection.refresh_from_db()
    return selection


@pytest.fixture
def selected(alice, aurora, charlie, borealis, energy, sensing, stella, dora):
    return [
        selected_application(alice, aurora, energy, stella, dora),
        selected_application(charlie, borealis, sensing, stella, dora),
    ]


@pytest.fixture
def selection(call, dora, selected):
    return confirmed_selection(call, dora, selected)


@pytest.fixture
def cohort(selection, arne):
    return cohort_actions.check_form_cohort(selection, arne)


@pytest.fixture
def ulla(db):
    """Ulla is an end user for France: she browses cohorts and runs France's pilots, no other nation's."""
    user = make_user("ulla@defense.example", language="fr", name="Ulla Utilisatrice")
    do_grant_roles(user, Role.END_USER, scope=Scope.of(ScopeKind.NATION, "FR"))
    return user


@pytest.fixture
def uwe(db):
    """Uwe is an end user for Germany: France's cases are not his."""
    user = make_user("uwe@bundeswehr.example", name="Uwe Anwender")
    do_grant_roles(user, Role.END_USER, scope=Scope.of(ScopeKind.NATION, "DE"))
    return user


def make_mentor(key, name, works_at=""):
    user = make_user(f"{key}@mentors.example", Role.EXPERT, name=name)
    expert = Expert.objects.create(
        user=user, full_name=name, email=user.email, nation="BE", expertise="Energy storage", max_load=5
    )
    if works_at:
        Employment.objects.create(expert=expert, organisation_name=works_at, start_year=2020)
    return expert


@pytest.fixture
def marta(db):
    return make_mentor("marta", "Marta Mentor")


@pytest.fixture
def kurt(db):
    """Kurt works at Aurora: he may not mentor it."""
    return make_mentor("kurt", "Kurt Konflikt", works_at="Aurora Énergie SAS")
