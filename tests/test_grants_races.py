"""Two finance officers approving two payment orders of one award at the same instant.

Run on PostgreSQL only, like tests/test_workflow_races.py (SQLite takes one writer at a time for
the whole database, so the race could not happen). The award of EUR 100,000 has two orders of
EUR 60,000 each: either alone fits, both do not. Each officer approves one in its own thread and
transaction; the first holds its transaction open until the second is waiting on the award's row
lock. Exactly one approval must win, and the approved total must stay within the award.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lodestar.grants import payments
from lodestar.grants import workflow as wf
from lodestar.grants.models import PaymentOrder
from tests.test_workflow_races import race

pytest_plugins = ["tests.grants_fixtures"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_two_officers_approving_at_once_cannot_take_the_payments_past_the_award(
    signed_award, fiona, frank, dora
):
    signed_award.payments.all().delete()
    one, two = (
        PaymentOrder.objects.create(
            award=signed_award, amount=Decimal("60000.00"), reference=f"R{n}", requested_by=dora
        )
        for n in (1, 2)
    )
    first, second, _waited = race(
        lambda: payments.check_approve_payment(one, fiona),
        lambda: payments.check_approve_payment(two, frank),
    )
    assert isinstance(first, PaymentOrder)
    assert isinstance(second, ValidationError)
    statuses = dict(PaymentOrder.objects.values_list("reference", "status"))
    assert statuses == {"R1": wf.APPROVED, "R2": wf.REQUESTED}
    assert payments.committed_total(signed_award) == Decimal("60000.00")
