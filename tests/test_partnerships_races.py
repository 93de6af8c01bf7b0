"""Two members sitting for the same nation vote on one proposal at the same instant: one vote counts.

Run on PostgreSQL only, like tests/test_grants_races.py (SQLite takes one writer at a time for the
whole database, so the race could not happen). Greta's vote holds its transaction open until Gerd's
is waiting on the proposal's row lock; Gerd's must then be refused, and Germany must have one vote.
A French vote at the same time is not held up for long and counts.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lodestar.partnerships import committee
from lodestar.partnerships.models import NationVote
from tests.partnerships_helpers import take_to_committee
from tests.test_workflow_races import race

pytest_plugins = ["tests.partnerships_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_two_members_of_one_nation_voting_at_once_cast_one_vote(
    project, ulrich, stella, reviewer, greta, gerd
):
    take_to_committee(project, ulrich, stella, reviewer)
    first, second, waited = race(
        lambda: committee.check_vote(project, greta, "DE", NationVote.Choice.FOR),
        lambda: committee.check_vote(project, gerd, "DE", NationVote.Choice.AGAINST),
    )
    assert isinstance(first, NationVote)
    assert isinstance(second, ValidationError)
    assert list(NationVote.objects.values_list("nation", "choice", "voter")) == [("DE", "for", greta.pk)]
    assert waited > 0.2  # Gerd waited on the lock rather than reading a stale "no vote yet"


def test_a_decision_and_a_late_vote_at_once_never_leave_a_vote_after_the_minutes(
    project, ulrich, stella, reviewer, dora, camille, greta, hugo
):
    take_to_committee(project, ulrich, stella, reviewer)
    committee.check_vote(project, camille, "FR", NationVote.Choice.FOR)
    committee.check_vote(project, greta, "DE", NationVote.Choice.FOR)
    decided, late, _waited = race(
        lambda: committee.check_decide(project, dora),
        lambda: committee.check_vote(project, hugo, "HU", NationVote.Choice.AGAINST),
    )
    assert not isinstance(decided, Exception)
    assert isinstance(late, ValidationError)  # the committee has decided: Hungary's vote comes too late
    project.refresh_from_db()
    assert set(project.votes.values_list("nation", flat=True)) == {"FR", "DE"}
    assert "Hungary" not in project.minutes
