"""Decision letters for a call of 2,600 applicants (issue 13, item 3), on SQLite and PostgreSQL: every
member of every decided organisation gets one letter, each recorded; sending again writes to nobody
twice. The applicants are written straight into the database (the pipeline before selection is not
under test here); the letters go through the real action and mail backend (locmem).
"""

from __future__ import annotations

from decimal import Decimal

from django.core import mail
from django.utils import timezone

from lodestar.accounts.models import User
from lodestar.applications import workflow as wf
from lodestar.applications.models import Application
from lodestar.organisations.models import Membership, Organisation
from lodestar.selection import actions
from lodestar.selection import workflow as swf
from lodestar.selection.models import Selection

APPLICANTS = 2600


def decided_call(call, energy, n: int = APPLICANTS) -> Selection:
    """`n` organisations of one member each (every tenth writes in French), each with an application
    selected (one in 35) or not; a confirmed selection."""
    users = User.objects.bulk_create(
        User(
            email=f"founder{i}@company{i}.example",
            full_name=f"Founder {i}",
            language="fr" if i % 10 == 0 else "en",
        )
        for i in range(n)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            legal_name=f"Company {i}",
            headquarters_nation="PL",
            kind="startup",
            employees=5,
            year_founded=2020,
        )
        for i in range(n)
    )
    Membership.objects.bulk_create(
        Membership(organisation=o, user=u, role=Membership.Role.OWNER)
        for o, u in zip(organisations, users, strict=True)
    )
    now = timezone.now()
    Application.objects.bulk_create(
        Application(
            challenge=energy,
            organisation=o,
            title=f"Proposal {i}",
            summary="Summary.",
            description="Description.",
            trl=5,
            requested_amount=Decimal(100_000),
            status=wf.SELECTED if i % 35 == 0 else wf.REJECTED,
            submitted_at=now,
        )
        for i, o in enumerate(organisations)
    )
    return Selection.objects.create(call=call, status=swf.SelectionStatus.CONFIRMED, confirmed_at=now)


def test_letters_reach_every_applicant_of_a_call_of_2600(call, energy):
    selection = decided_call(call, energy)
    mail.outbox.clear()
    sent = actions.do_send_decision_letters(selection)
    assert sent == APPLICANTS
    assert len(mail.outbox) == APPLICANTS
    assert len({m.to[0] for m in mail.outbox}) == APPLICANTS
    french = next(m for m in mail.outbox if m.to == ["founder0@company0.example"])
    assert "Proposal 0" in french.body
    # Sending again (the job run a second time) writes to nobody twice.
    mail.outbox.clear()
    assert actions.do_send_decision_letters(selection) == 0
    assert mail.outbox == []
