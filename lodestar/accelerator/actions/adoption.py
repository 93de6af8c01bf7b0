"""The road to adoption: an end user's interest in a cohort company, each step towards a contract
(dated, through the adoption workflow), and the cohort's demo day with its invitations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lodestar.accelerator import workflow as wf
from lodestar.accelerator.access import runs_cohort, speaks_for
from lodestar.accelerator.models import AdoptionCase, Cohort, CohortCompany, DemoDay, DemoDayInvitation
from lodestar.accounts.models import User
from lodestar.core.mail import send_letter
from lodestar.core.models import Audience
from lodestar.core.roles import END_USERS, ScopeKind
from lodestar.core.workflow import transition

Status = wf.AdoptionStatus
DATE_OF: dict[str, str] = dict(wf.ADOPTION_STEPS)


def check_express_interest(
    company: CohortCompany, actor: Any, nation: str, need: str = "", on: date | None = None
) -> AdoptionCase:
    """An end user of `nation` expresses interest in a company of a running cohort: the first
    contact, the start of the nation's adoption case (one per company and nation)."""
    if not speaks_for(actor, nation):
        raise PermissionDenied(_("Only an end user of this nation may express its interest."))
    if company.cohort.status != wf.CohortStatus.RUNNING:
        raise ValidationError(_("This cohort is not running."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError(_("A step cannot be dated in the future."))
    try:
        with transaction.atomic():
            return AdoptionCase.objects.create(
                company=company, nation=nation, opened_by=actor, interest_on=on, need=need.strip()[:4000]
            )
    except IntegrityError as exc:
        raise ValidationError(_("Your nation has expressed its interest in this company already.")) from exc


def check_advance(
    case: AdoptionCase,
    actor: Any,
    to: str,
    *,
    on: date | None = None,
    route: str = "",
    contract_value: Decimal | None = None,
    note: str = "",
    audience: str = Audience.INTERNAL,
) -> AdoptionCase:
    """Take the case one step further (or stop it), dated `on` (today by default): never in the
    future, never before the step before it. Choosing the procurement route names the route. The note
    is read by the nation's end users and the programme team; the company reads it only when
    `audience` shares it."""
    if audience not in Audience.values:
        raise ValidationError(_("Choose who reads the note."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError(_("A step cannot be dated in the future."))
    with transaction.atomic():
        case = AdoptionCase.objects.select_for_update().select_related("company__cohort").get(pk=case.pk)
        previous = max(d for d in (getattr(case, f) for _s, f in wf.ADOPTION_STEPS) if d is not None)
        if on < previous:
            raise ValidationError(
                _("This step cannot come before the last one (%(date)s).") % {"date": previous.isoformat()}
            )
        fields: list[str] = []
        if to == Status.ROUTE_CHOSEN:
            if route not in AdoptionCase.Route.values:
                raise ValidationError(_("Choose the procurement route."))
            case.route = route
            fields.append("route")
        if to == Status.CONTRACT_SIGNED and contract_value is not None:
            if contract_value <= 0:
                raise ValidationError(_("The contract's value must be positive."))
            case.contract_value = contract_value
            fields.append("contract_value")
        date_field = DATE_OF.get(to, "stopped_on")
        setattr(case, date_field, on)
        fields.append(date_field)
        transition(case, to, actor, note=note.strip()[:2000], also_save=fields, audience=audience)
    return case


def check_plan_demo_day(
    cohort: Cohort,
    actor: Any,
    *,
    title_en: str,
    title_fr: str,
    held_on: date,
    place: str,
    description_en: str = "",
    description_fr: str = "",
) -> DemoDay:
    if not runs_cohort(actor, cohort):
        raise PermissionDenied(_("Only the team running this cohort plans its demo day."))
    if not (title_en.strip() and title_fr.strip() and place.strip()):
        raise ValidationError(_("Give the demo day a title in both languages and a place."))
    if held_on < timezone.localdate():
        raise ValidationError(_("A demo day is planned for today or later."))
    return DemoDay.objects.create(
        cohort=cohort,
        title_en=title_en.strip()[:200],
        title_fr=title_fr.strip()[:200],
        held_on=held_on,
        place=place.strip()[:200],
        description_en=description_en.strip(),
        description_fr=description_fr.strip(),
        created_by=actor,
    )


def end_users_of(nations: list[str]) -> QuerySet[User]:
    """The end users of these nations (or of every nation)."""
    return User.objects.filter(
        role_grants__role__in=END_USERS,
        role_grants__scope_kind=ScopeKind.NATION,
        role_grants__scope_key__in=nations,
    ).distinct()


def check_invite(demo_day: DemoDay, actor: Any, nations: list[str]) -> int:
    """Invite the end users of `nations` to the demo day, each by a letter in their language.
    Someone invited already is not invited twice. Returns how many were invited now."""
    if not runs_cohort(actor, demo_day.cohort):
        raise PermissionDenied(_("Only the team running this cohort sends its invitations."))
    if not nations:
        raise ValidationError(_("Choose at least one nation."))
    with transaction.atomic():
        DemoDay.objects.select_for_update().filter(pk=demo_day.pk).get()
        invited = set(demo_day.invitations.values_list("invitee_id", flat=True))
        people = [u for u in end_users_of(nations).order_by("pk") if u.pk not in invited]
        DemoDayInvitation.objects.bulk_create(DemoDayInvitation(demo_day=demo_day, invitee=u) for u in people)
        for person in people:
            transaction.on_commit(_letter(person, demo_day))
    return len(people)


def _letter(person: User, demo_day: DemoDay) -> Callable[[], None]:
    def send() -> None:
        send_letter(person, "demo_day_invitation", {"demo_day": demo_day})

    return send


def check_answer(invitation: DemoDayInvitation, actor: Any, coming: bool) -> DemoDayInvitation:
    to = wf.InvitationStatus.ACCEPTED if coming else wf.InvitationStatus.DECLINED
    transition(invitation, to, actor)
    invitation.refresh_from_db()
    return invitation
