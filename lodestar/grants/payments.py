"""Payment tranches and orders: rules raise orders, finance approves them, the award caps them.

Invariant: the approved and paid orders of an award never add up to more than the award. Approval
locks the award's row and sums its committed orders inside the same transaction, so two officers
approving two orders of one award at the same instant are served one after the other, and the
second sees the first's approval (tests/test_grants_races.py, on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from lodestar.core.workflow import transition
from lodestar.grants import workflow as wf
from lodestar.grants.models import Award, PaymentOrder, Tranche


def committed_total(award: Award) -> Decimal:
    """What the award has approved or paid so far."""
    total = award.payments.filter(status__in=wf.COMMITTED).aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0")


def do_raise_orders(award: Award, tranches: Iterable[Tranche], actor: Any) -> list[PaymentOrder]:
    """Raise one payment order per tranche whose condition has just been met, unless it has one.

    The person whose act met the condition (who signed, who accepted the milestone) is recorded as
    the requester, so that they cannot approve the payment their own act set off. Call inside the
    transaction of that act."""
    raised = []
    for tranche in tranches:
        if PaymentOrder.objects.filter(tranche=tranche).exists():
            continue
        raised.append(
            PaymentOrder.objects.create(
                award=award,
                tranche=tranche,
                amount=tranche.amount,
                reference=f"LODESTAR-{award.pk}-{tranche.number}",
                requested_by=actor,
            )
        )
    return raised


def check_approve_payment(order: PaymentOrder, actor: Any) -> PaymentOrder:
    """Finance approves an order it did not request, if the award still covers it.

    The award's row is locked before the committed total is read, so concurrent approvals of the
    same award's orders are serialised; the order's own row is locked again by transition()."""
    if not wf.is_finance(actor, order.award):
        raise PermissionDenied(_("Only finance may approve payments."))
    if order.requested_by_id == actor.pk:
        raise PermissionDenied(_("You requested this payment: someone else must approve it."))
    with transaction.atomic():
        award = Award.objects.select_for_update().get(pk=order.award_id)
        order.refresh_from_db()
        if order.status != wf.REQUESTED:
            raise ValidationError(_("This payment order is no longer waiting for approval."))
        committed = committed_total(award)
        if committed + order.amount > award.amount:
            raise ValidationError(
                _("Approving %(amount)s would take the payments of this award past its %(total)s.")
                % {"amount": order.amount, "total": award.amount}
            )
        order.approved_by = actor
        order.approved_at = timezone.now()
        transition(order, wf.APPROVED, actor, also_save=["approved_by", "approved_at"])
    return order


def check_mark_paid(order: PaymentOrder, actor: Any) -> PaymentOrder:
    transition(order, wf.PAID, actor)
    return order


def check_cancel_payment(order: PaymentOrder, actor: Any, note: str) -> PaymentOrder:
    if not note.strip():
        raise ValidationError(_("Say why the payment order is cancelled."))
    transition(order, wf.CANCELLED, actor, note=note.strip())
    return order
