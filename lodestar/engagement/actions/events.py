"""Events: creating them (also for other apps: partnerships' workshops and courses), their agenda,
invitations, registration with capacity, approval and waitlist, attendance and minutes.

Registering, cancelling and deciding run in one transaction that locks the event's row first, so
requests for one event queue one behind another and the count of held places read under the lock is
the truth: capacity is never exceeded, however many register at once (tests/test_engagement_races.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.nations import NATION_NAMES
from lodestar.core.workflow import ACTION_LABELS, new_in, record, transition
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import may_run_event, require_event_runner, require_officer
from lodestar.engagement.actions.people import person_for_user
from lodestar.engagement.invitations import send_invitation
from lodestar.engagement.models import AgendaItem, Event, Invitation, Person, Registration
from lodestar.engagement.queries import can_see_event
from lodestar.organisations.models import Organisation

ACTION_LABELS.update(
    {
        "event:created": gettext_lazy("Event created"),
        "event:updated": gettext_lazy("Event updated"),
        "event:invited": gettext_lazy("Invitations sent"),
        "event:minutes": gettext_lazy("Minutes saved"),
        "event:attendance": gettext_lazy("Attendance recorded"),
        "registration:joined_waitlist": gettext_lazy("Joined the waitlist: the event was full"),
        "registration:enrolled": gettext_lazy("Registered by the event's organisers"),
    }
)

Status = wf.RegistrationStatus


def do_create_event(
    *,
    kind: str,
    title_en: str,
    title_fr: str,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    actor: Any = None,
    summary_en: str = "",
    summary_fr: str = "",
    venue: str = "",
    city: str = "",
    nation: str = "",
    online: bool = False,
    partner: Organisation | None = None,
    needs_approval: bool = False,
    invitation_only: bool = False,
    nations_allowed: Iterable[str] = (),
    starts_in: str = wf.EventStatus.DRAFT,
) -> Event:
    """Create an event (a draft unless `starts_in` says published). Other apps call this to make an
    event of their own (a partner grant's workshop); ValidationError says what is wrong."""
    event = new_in(
        Event,
        starts_in,
        kind=kind,
        title_en=title_en,
        title_fr=title_fr,
        summary_en=summary_en,
        summary_fr=summary_fr,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        venue=venue,
        city=city,
        nation=nation,
        online=online,
        partner=partner,
        needs_approval=needs_approval,
        invitation_only=invitation_only,
        nations_allowed=sorted(set(nations_allowed)),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _check_event(event)
    with transaction.atomic():
        event.save()
        record(event, action="event:created", actor=actor)
    return event


def _check_event(event: Event) -> None:
    if event.ends_at < event.starts_at:
        raise ValidationError(_("The event ends before it starts."))
    unknown = [code for code in event.nations_allowed if code not in NATION_NAMES]
    if unknown:
        raise ValidationError(_("Unknown nation codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    event.full_clean(exclude=["uid"])


def check_create_event(actor: Any, **fields: Any) -> Event:
    require_officer(actor)
    return do_create_event(actor=actor, **fields)


def check_update_event(event: Event, actor: Any, fields: dict[str, Any]) -> Event:
    """Change an event's details; a lower capacity may not drop below the places already held."""
    require_event_runner(event, actor)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        for name, value in fields.items():
            setattr(event, name, value)
        held = event.registrations.filter(status__in=wf.HOLDING).count()
        if event.capacity < held:
            raise ValidationError(
                _("%(held)d places are already held: the capacity cannot go below that.") % {"held": held}
            )
        _check_event(event)
        event.sequence += 1
        event.save()
        record(event, action="event:updated", actor=actor)
        _promote(event, actor)
    return event


def check_move_event(event: Event, to: str, actor: Any, note: str = "") -> Event:
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        event.sequence += 1
        transition(event, to, actor, note, also_save=["sequence"])
    return event


def check_add_agenda_item(
    event: Event,
    actor: Any,
    *,
    starts_at: datetime,
    ends_at: datetime,
    title_en: str,
    title_fr: str,
    speakers: Iterable[Person] = (),
) -> AgendaItem:
    require_event_runner(event, actor)
    if ends_at < starts_at:
        raise ValidationError(_("The item ends before it starts."))
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise ValidationError(_("An agenda item must fall within the event's own hours."))
    item = AgendaItem(event=event, starts_at=starts_at, ends_at=ends_at, title_en=title_en, title_fr=title_fr)
    item.full_clean(exclude=["event"])
    item.save()
    item.speakers.set(list(speakers))
    return item


def check_remove_agenda_item(item: AgendaItem, actor: Any) -> None:
    require_event_runner(item.event, actor)
    item.delete()


def check_invite(event: Event, actor: Any, emails: Iterable[str]) -> list[Invitation]:
    """Invite people by e-mail address (each checked; all or none)."""
    require_event_runner(event, actor)
    addresses = sorted({e.strip().lower() for e in emails if e.strip()})
    if not addresses:
        raise ValidationError(_("Give at least one e-mail address."))
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError as exc:
            raise ValidationError(
                _("“%(address)s” is not an e-mail address.") % {"address": address}
            ) from exc
    with transaction.atomic():
        existing = set(event.invitations.values_list("email", flat=True))
        made = Invitation.objects.bulk_create(
            Invitation(event=event, email=a, invited_by=actor) for a in addresses if a not in existing
        )
        record(event, action="event:invited", actor=actor, note=str(len(made)))
    return made


def check_register(event: Event, user: Any, note: str = "") -> Registration:
    """Register `user` for `event`: a place when one is free (awaiting approval when the event asks
    for it), the waitlist when it is full. Refused when the event is not open, the person is not
    invited or not of an allowed nation, or already registered."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to register."))
    if not can_see_event(event, user):
        raise PermissionDenied(_("This event is not open to you."))
    person = person_for_user(user)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.status not in wf.EVENT_OPEN:
            raise ValidationError(_("Registration for this event is not open."))
        _check_nation(event, person)
        if event.registrations.filter(person=person, status__in=wf.ACTIVE).exists():
            raise ValidationError(_("You are already registered for this event."))
        held = event.registrations.filter(status__in=wf.HOLDING).count()
        starts = wf.registration_starts(held >= event.capacity, event.needs_approval)
        registration = new_in(Registration, starts, event=event, user=user, person=person, note=note)
        registration.save()
        if starts == Status.WAITLISTED:
            record(registration, action="registration:joined_waitlist", actor=user)
        elif starts == Status.REGISTERED:
            _tell(registration)
    return registration


def check_enrol(event: Event, actor: Any, person: Person, note: str = "") -> Registration:
    """The event's organisers register someone of the directory themselves (a speaker, a participant
    the workshop chose): a place when one is free, already approved; the waitlist when it is full."""
    require_event_runner(event, actor)
    if person.erased_at is not None:
        raise ValidationError(_("This person's data was erased."))
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.status in {wf.EventStatus.HELD, wf.EventStatus.CANCELLED}:
            raise ValidationError(_("This event is over: nobody can be added to it."))
        _check_nation(event, person)
        if event.registrations.filter(person=person, status__in=wf.ACTIVE).exists():
            raise ValidationError(_("This person is already registered for this event."))
        held = event.registrations.filter(status__in=wf.HOLDING).count()
        # The organisers enrol someone themselves: a place is approved at once.
        starts = wf.registration_starts(held >= event.capacity, needs_approval=False)
        registration = new_in(
            Registration, starts, event=event, user=person.user, person=person, note=note.strip()
        )
        registration.save()
        record(registration, action="registration:enrolled", actor=actor)
        if starts == Status.REGISTERED:
            _tell(registration)
    return registration


def _check_nation(event: Event, person: Person) -> None:
    if not event.nations_allowed:
        return
    if not person.nation:
        raise ValidationError(
            _("This event is open to some nations only: give your nation in your profile first.")
        )
    if not event.admits_nation(person.nation):
        raise ValidationError(
            _("This event is not open to participants from %(nation)s.") % {"nation": person.nation_name}
        )


def _tell(registration: Registration) -> None:
    """The invitation (with its calendar file) once the transaction commits, in their language."""
    if registration.user_id is None:
        return
    transaction.on_commit(lambda: send_invitation(registration))


def _locked(registration: Registration) -> tuple[Event, Registration]:
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    return event, Registration.objects.select_for_update().get(pk=registration.pk)


def check_decide_registration(
    registration: Registration, actor: Any, approve: bool, note: str = ""
) -> Registration:
    """An officer approves a pending registration or declines a pending or waitlisted one."""
    with transaction.atomic():
        event, registration = _locked(registration)
        if approve:
            registration.sequence += 1
            transition(registration, Status.REGISTERED, actor, note, also_save=["sequence"])
            _tell(registration)
            return registration
        held = registration.status in wf.HOLDING
        registration.sequence += 1
        transition(registration, Status.DECLINED, actor, note, also_save=["sequence"])
        _tell(registration)
        if held:
            _promote(event, actor)
    return registration


def check_cancel_registration(registration: Registration, actor: Any) -> Registration:
    """The registrant (or an officer) cancels; a held place goes to the first on the waitlist."""
    with transaction.atomic():
        event, registration = _locked(registration)
        held = registration.status in wf.HOLDING
        registration.sequence += 1
        transition(registration, Status.CANCELLED, actor, also_save=["sequence"])
        _tell(registration)
        if held:
            _promote(event, actor)
    return registration


def _promote(event: Event, actor: Any) -> list[Registration]:
    """Give free places to the waitlist in arrival order. Call while holding the event's row lock."""
    free = event.capacity - event.registrations.filter(status__in=wf.HOLDING).count()
    if free <= 0 or event.status not in wf.EVENT_OPEN | {wf.EventStatus.CLOSED}:
        return []
    promoted = list(event.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk")[:free])
    to = wf.place_state(event.needs_approval)
    for registration in promoted:
        registration.sequence += 1
        transition(registration, to, actor, _("A place was freed."), system=True, also_save=["sequence"])
        if to == Status.REGISTERED:
            _tell(registration)
    return promoted


def check_record_attendance(
    event: Event, actor: Any, present: Iterable[int], shown: Iterable[int] | None = None
) -> int:
    """Mark who came (registration ids); everyone else registered is marked absent. With `shown`
    (the registrations on the page the organiser saw), only those are marked: the other pages keep
    what was recorded for them."""
    require_event_runner(event, actor)
    ids = set(present)
    with transaction.atomic():
        registered = event.registrations.select_for_update().filter(status=Status.REGISTERED)
        if shown is not None:
            registered = registered.filter(pk__in=set(shown) | ids)
        stray = ids - set(registered.values_list("pk", flat=True))
        if stray:
            raise ValidationError(_("Only registered participants can be marked present."))
        registered.update(attended=False)
        count = registered.filter(pk__in=ids).update(attended=True)
        record(event, action="event:attendance", actor=actor, note=str(count))
    return count


def check_save_minutes(event: Event, actor: Any, minutes_en: str, minutes_fr: str) -> Event:
    require_event_runner(event, actor)
    event.minutes_en, event.minutes_fr = minutes_en.strip(), minutes_fr.strip()
    event.save(update_fields=["minutes_en", "minutes_fr"])
    record(event, action="event:minutes", actor=actor)
    return event


def may_read_minutes(event: Event, user: Any) -> bool:
    """Minutes are for the participants (and the event's organisers)."""
    if may_run_event(event, user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return event.registrations.filter(user=user, status=Status.REGISTERED).exists()
