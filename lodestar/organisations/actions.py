"""Changes to organisations. Views, the API and commands call these; none takes a request."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lodestar.core.models import EdtArea
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.organisations.models import Membership, Organisation, Shareholder, is_member

ACTION_LABELS.update(
    {
        "organisation:created": _lazy("Organisation registered"),
        "organisation:updated": _lazy("Organisation updated"),
        "organisation:member_added": _lazy("Member added"),
    }
)


@dataclass(frozen=True)
class ShareholderData:
    name: str
    nation: str
    percentage: Decimal


def check_shareholders(shareholders: Iterable[ShareholderData]) -> None:
    total = sum((s.percentage for s in shareholders), Decimal(0))
    if total > 100:
        raise ValidationError(
            _("Shareholdings add up to %(total)s %%; they cannot exceed 100 %%.") % {"total": total}
        )


@transaction.atomic
def check_create_organisation(
    user: Any,
    *,
    fields: dict[str, Any],
    areas: Iterable[EdtArea] = (),
    shareholders: Iterable[ShareholderData] = (),
) -> Organisation:
    """Register an organisation with `user` as its owner."""
    shareholders = list(shareholders)
    check_shareholders(shareholders)
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    organisation.areas.set(list(areas))
    Shareholder.objects.bulk_create(
        Shareholder(organisation=organisation, name=s.name, nation=s.nation, percentage=s.percentage)
        for s in shareholders
    )
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.OWNER)
    record(organisation, action="organisation:created", actor=user)
    return organisation


def check_add_member(organisation: Organisation, email: str, actor: Any) -> Membership:
    """A member adds a registered person to the organisation by e-mail address."""
    if not can_manage(organisation, actor):
        raise PermissionDenied(_("Only members of this organisation may change it."))
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise ValidationError(_("No user has this e-mail address; ask them to sign up first."))
    return do_add_member(organisation, user, actor)


def do_add_member(organisation: Organisation, user: Any, actor: Any) -> Membership:
    membership, created = Membership.objects.get_or_create(organisation=organisation, user=user)
    if created:
        record(organisation, action="organisation:member_added", actor=actor, note=user.email)
    return membership


def can_manage(organisation: Organisation, user: Any) -> bool:
    return is_member(organisation.pk, user)


@transaction.atomic
def check_update_organisation(
    organisation: Organisation,
    actor: Any,
    *,
    fields: dict[str, Any],
    areas: Iterable[EdtArea],
    shareholders: Iterable[ShareholderData],
) -> Organisation:
    if not can_manage(organisation, actor):
        raise PermissionDenied(_("Only members of this organisation may change it."))
    shareholders = list(shareholders)
    check_shareholders(shareholders)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    organisation.areas.set(list(areas))
    organisation.shareholders.all().delete()
    Shareholder.objects.bulk_create(
        Shareholder(organisation=organisation, name=s.name, nation=s.nation, percentage=s.percentage)
        for s in shareholders
    )
    record(organisation, action="organisation:updated", actor=actor)
    return organisation
