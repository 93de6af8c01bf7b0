"""Changes to organisations. Views, the API and commands call these; none takes a request."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lodestar.core.mail import send_letter
from lodestar.core.models import EdtArea
from lodestar.core.workflow import ACTION_LABELS, TransitionNotAllowed, record, record_many, transition
from lodestar.organisations import workflow as wf
from lodestar.organisations.models import Invitation, Membership, Organisation, Shareholder, is_member

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


def _replace_shareholders(organisation: Organisation, wanted: list[ShareholderData]) -> None:
    """Make the organisation's shareholders `wanted`, row by row: a holder kept as it was is left
    alone, a changed share is saved, the others are removed or added. Each save and delete is a
    model signal, so whoever watches shareholders (the fund screens its deals again) sees exactly
    what changed; a bulk write would send none."""
    existing = list(organisation.shareholders.order_by("pk"))
    for data in wanted:
        same = next((h for h in existing if (h.name, h.nation) == (data.name, data.nation)), None)
        if same is None:
            Shareholder.objects.create(
                organisation=organisation, name=data.name, nation=data.nation, percentage=data.percentage
            )
            continue
        existing.remove(same)
        if same.percentage != data.percentage:
            same.percentage = data.percentage
            same.save(update_fields=["percentage"])
    for gone in existing:
        gone.delete()


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


@dataclass(frozen=True)
class Registration:
    """One organisation to register in bulk: what `check_create_organisation` takes."""

    user: Any
    fields: dict[str, Any]
    areas: tuple[EdtArea, ...] = ()
    shareholders: tuple[ShareholderData, ...] = ()


@transaction.atomic
def check_create_organisations(registrations: Sequence[Registration]) -> list[Organisation]:
    """`check_create_organisation` for many at once (the simulation's thousands of applicants): the same
    checks for each, all or none, and a fixed number of queries whatever their number."""
    organisations = []
    for registration in registrations:
        check_shareholders(registration.shareholders)
        organisation = Organisation(**registration.fields)
        organisation.full_clean()
        organisations.append(organisation)
    Organisation.objects.bulk_create(organisations, batch_size=500)
    Through = Organisation.areas.through
    Through.objects.bulk_create(
        (
            Through(organisation_id=o.pk, edtarea_id=a.pk)
            for o, r in zip(organisations, registrations, strict=True)
            for a in dict.fromkeys(r.areas)
        ),
        batch_size=1000,
    )
    Shareholder.objects.bulk_create(
        (
            Shareholder(organisation=o, name=s.name, nation=s.nation, percentage=s.percentage)
            for o, r in zip(organisations, registrations, strict=True)
            for s in r.shareholders
        ),
        batch_size=1000,
    )
    Membership.objects.bulk_create(
        (
            Membership(organisation=o, user=r.user, role=Membership.Role.OWNER)
            for o, r in zip(organisations, registrations, strict=True)
        ),
        batch_size=1000,
    )
    record_many(organisations, action="organisation:created", actors=[r.user for r in registrations])
    return organisations


INVITATION_DAYS = 30


@dataclass(frozen=True)
class _Addressee:
    """Whom an invitation is written to when the address has no account yet."""

    email: str
    language: str
    full_name: str = ""
    time_zone: str = ""
    pk: None = None


def check_invite_member(
    organisation: Organisation, email: str, actor: Any, language: str = "en", now: datetime | None = None
) -> Invitation:
    """A member invites a person, by e-mail address, to join the organisation. Nothing is shared with
    the person until they accept (`check_answer_invitation`). The letter goes out in the language of
    their account, or `language` when the address has none yet (it then asks them to sign up with
    it). Inviting an address that already has an open invitation sends that one again."""
    if not can_manage(organisation, actor):
        raise PermissionDenied(_("Only members of this organisation may change it."))
    email = email.strip()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email})
    now = now or timezone.now()
    with transaction.atomic():
        Organisation.objects.select_for_update().only("pk").get(pk=organisation.pk)  # one at a time
        invitation = (
            Invitation.objects.filter(organisation=organisation, email__iexact=email, status__in=wf.OPEN)
            .order_by("-created_at")
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
                invited_by=actor,
                expires_at=now + timedelta(days=INVITATION_DAYS),
            )
        else:
            invitation.expires_at = now + timedelta(days=INVITATION_DAYS)
            Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.expires_at)
        record(organisation, action="organisation:invited", actor=actor, note=email)
        transaction.on_commit(lambda: _send_invitation(invitation, actor))
    return invitation


def _send_invitation(invitation: Invitation, actor: Any) -> None:
    user = get_user_model().objects.filter(email__iexact=invitation.email).first()
    recipient = user or _Addressee(email=invitation.email, language=invitation.language)
    send_letter(
        recipient,
        "organisation_invitation",
        {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "inviter": actor,
            "has_account": user is not None,
        },
        about=invitation,
        sent_by=actor,
    )


def invitations_for(user: Any) -> QuerySet[Invitation]:
    """The open invitations waiting for `user` (sent to the address they sign in with)."""
    if not getattr(user, "is_authenticated", False) or not user.email:
        return Invitation.objects.none()
    return Invitation.objects.filter(
        email__iexact=user.email, status__in=wf.OPEN, expires_at__gt=timezone.now()
    ).select_related("organisation", "invited_by")


def check_answer_invitation(invitation: Invitation, actor: Any, accept: bool) -> Invitation:
    """The invited person accepts (and becomes a member) or declines. The row is locked so that an
    answer and a withdrawal at the same moment cannot both happen; an expired invitation is refused."""
    if not wf.is_invitee(actor, invitation):
        raise PermissionDenied(_("This invitation was sent to another address."))
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
        )
        if invitation.status not in wf.OPEN:
            raise ValidationError(_("This invitation has already been answered or withdrawn."))
        if invitation.expires_at <= timezone.now():
            raise ValidationError(_("This invitation has expired; ask the organisation to invite you again."))
        invitation.answered_at = timezone.now()
        target = wf.InvitationStatus.ACCEPTED if accept else wf.InvitationStatus.DECLINED
        transition(invitation, target, actor, also_save=["answered_at"])
        if accept:
            do_add_member(invitation.organisation, actor, actor)
    return invitation


def check_revoke_invitation(invitation: Invitation, actor: Any) -> Invitation:
    """A member withdraws an invitation that has not been answered."""
    if not can_manage(invitation.organisation, actor):
        raise PermissionDenied(_("Only members of this organisation may change it."))
    try:
        transition(invitation, wf.InvitationStatus.REVOKED, actor)
    except TransitionNotAllowed as exc:
        raise ValidationError(_("This invitation has already been answered or withdrawn.")) from exc
    return invitation


def do_add_member(organisation: Organisation, user: Any, actor: Any) -> Membership:
    """Make `user` a member. Only for a person who agreed: through an accepted invitation, or the
    person registering the organisation (and the demo's people, who agree by construction)."""
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
    _replace_shareholders(organisation, shareholders)
    record(organisation, action="organisation:updated", actor=actor)
    return organisation
