"""People in the directory: their own record, what they consented to, and their rights over it
(export everything held about them; erase it, leaving an audit trail that names no one)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.models import AuditEvent, EdtArea
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.engagement.access import is_officer
from lodestar.engagement.models import Consent, ConsentPurpose, Person

ACTION_LABELS.update(
    {
        "person:created": gettext_lazy("Person added"),
        "person:updated": gettext_lazy("Person updated"),
        "person:consent": gettext_lazy("Consent recorded"),
        "person:exported": gettext_lazy("Personal data exported"),
        "person:erased": gettext_lazy("Personal data erased"),
    }
)

PERSON_FIELDS = ("full_name", "email", "organisation", "role", "nation", "languages")


def person_for_user(user: Any) -> Person:
    """The user's own record, made from their account on first need."""
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    with transaction.atomic():
        person, created = Person.objects.get_or_create(
            user=user, defaults={"full_name": user.full_name or user.email, "email": user.email}
        )
        if created:
            record(person, action="person:created", actor=user)
    return person


def may_edit(person: Person, actor: Any) -> bool:
    return is_officer(actor) or (getattr(actor, "is_authenticated", False) and person.user_id == actor.pk)


def check_save_person(
    person: Person, actor: Any, fields: Mapping[str, Any], areas: Iterable[EdtArea] | None = None
) -> Person:
    """The person themself, or an officer, changes the record."""
    if not may_edit(person, actor):
        raise PermissionDenied(_("You may change only your own record."))
    if person.erased_at:
        raise ValidationError(_("This record was erased."))
    for name, value in fields.items():
        if name not in PERSON_FIELDS:
            raise ValueError(name)
        setattr(person, name, value)
    person.languages = ", ".join(
        dict.fromkeys(c.strip().lower() for c in person.languages.split(",") if c.strip())
    )
    person.full_clean(exclude=["user"])
    with transaction.atomic():
        person.save()
        if areas is not None:
            person.areas.set(list(areas))
        record(person, action="person:updated", actor=actor)
    return person


def check_create_person(actor: Any, fields: Mapping[str, Any]) -> Person:
    """An officer adds someone to the directory (a speaker, a contact)."""
    if not is_officer(actor):
        raise PermissionDenied(_("Only engagement officers may do this."))
    person = Person(**{k: v for k, v in fields.items() if k in PERSON_FIELDS})
    person.full_clean(exclude=["user"])
    with transaction.atomic():
        person.save()
        record(person, action="person:created", actor=actor)
    return person


def check_record_consents(person: Person, actor: Any, answers: Mapping[str, bool]) -> list[Consent]:
    """Record the answers that changed (one new row each: the history is kept as given)."""
    if not may_edit(person, actor):
        raise PermissionDenied(_("You may change only your own record."))
    unknown = set(answers) - set(ConsentPurpose.values)
    if unknown:
        raise ValidationError(_("Unknown consent: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    current = current_consents(person)
    now = timezone.now()
    rows = [
        Consent(person=person, purpose=purpose, given=given, at=now, recorded_by=actor)
        for purpose, given in answers.items()
        if current.get(purpose) != given
    ]
    with transaction.atomic():
        Consent.objects.bulk_create(rows)
        if rows:
            record(
                person,
                action="person:consent",
                actor=actor,
                note=", ".join(f"{c.purpose}={'yes' if c.given else 'no'}" for c in rows),
            )
    return rows


def current_consents(person: Person) -> dict[str, bool]:
    """The answer in force per purpose (the latest)."""
    answers: dict[str, bool] = {}
    for consent in person.consents.order_by("at", "pk"):
        answers[consent.purpose] = consent.given
    return answers


def do_export_person(person: Person, actor: Any) -> dict[str, Any]:
    """Everything held about a person, as plain data (the right of access and portability)."""
    if not may_edit(person, actor):
        raise PermissionDenied(_("You may export only your own data."))
    data = {
        "person": {
            "full_name": person.full_name,
            "email": person.email,
            "organisation": person.organisation.legal_name if person.organisation else "",
            "role": person.role,
            "nation": person.nation,
            "languages": person.language_list(),
            "areas": list(person.areas.values_list("code", flat=True)),
            "created_at": person.created_at.isoformat(),
        },
        "consents": [
            {"purpose": c.purpose, "given": c.given, "at": c.at.isoformat()}
            for c in person.consents.order_by("at")
        ],
        "registrations": [
            {
                "event": r.event.title_en,
                "starts_at": r.event.starts_at.isoformat(),
                "status": r.status,
                "attended": r.attended,
                "note": r.note,
            }
            for r in person.registrations.select_related("event")
        ],
        "contributions": [
            {
                "title": c.title,
                "text": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "show_author": c.show_author,
            }
            for c in person.contributions.all()
        ],
        "talks": [t.title_en for t in person.talks.all()],
    }
    record(person, action="person:exported", actor=actor)
    return data


@transaction.atomic
def check_erase_person(person: Person, actor: Any) -> Person:
    """Erase a person's personal data. The row stays (registrations, contributions and the audit
    trail still point at it, so counts and history remain readable) but names no one: name, e-mail,
    role, nation, languages and notes are blanked, their contributions lose the author's name, the
    audit notes about them are cleared, and the link to the account is cut."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not may_edit(person, actor):
        raise PermissionDenied(_("You may erase only your own data."))
    if person.erased_at:
        raise ValidationError(_("This record was erased already."))
    person.full_name = ""
    person.email = ""
    person.role = ""
    person.nation = ""
    person.languages = ""
    person.organisation = None
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    person.areas.clear()
    person.registrations.update(note="", user=None)
    person.contributions.update(show_author=False, author=None)
    AuditEvent.objects.filter(
        content_type__app_label="engagement", content_type__model="person", object_id=str(person.pk)
    ).update(note="")
    # The actor of the erasure is kept only when it is an officer: a person erasing themself leaves
    # no link from the trail to their account.
    record(person, action="person:erased", actor=actor if is_officer(actor) else None)
    return person
