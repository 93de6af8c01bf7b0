"""The directory: an organisation's profile and relationships, the all-or-nothing import, and
duplicates: found by the engine, merged with every link kept, or dismissed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.models import AuditEvent, EdtArea
from lodestar.core.workflow import ACTION_LABELS, record, transition
from lodestar.engagement import engine_adapter
from lodestar.engagement import workflow as wf
from lodestar.engagement.access import require_officer
from lodestar.engagement.importing import OrganisationRow, parse_organisations
from lodestar.engagement.models import DuplicatePair, Profile, Relationship
from lodestar.organisations.models import Membership, Organisation

ACTION_LABELS.update(
    {
        "organisation:imported": gettext_lazy("Imported into the directory"),
        "organisation:merged": gettext_lazy("Merged with a duplicate"),
        "organisation:profile": gettext_lazy("Directory profile updated"),
        "organisation:relationship": gettext_lazy("Relationship added"),
        "organisation:relationship_removed": gettext_lazy("Relationship removed"),
    }
)

# Rows that say the same thing twice once two organisations are one: the duplicate's row is dropped
# when the kept organisation already has it (a person member of both, a relationship on both sides).
SAME_LINK = {Membership, Relationship, Profile, DuplicatePair}


def profile_of(organisation: Organisation) -> Profile:
    return Profile.objects.get_or_create(organisation=organisation)[0]


def check_save_profile(
    organisation: Organisation,
    actor: Any,
    *,
    space_segment: str,
    capabilities: str,
    partner: bool,
    areas: Iterable[EdtArea] | None = None,
) -> Profile:
    require_officer(actor)
    profile = profile_of(organisation)
    profile.space_segment, profile.capabilities, profile.partner = (
        space_segment,
        capabilities.strip(),
        partner,
    )
    profile.full_clean(exclude=["organisation"])
    with transaction.atomic():
        profile.save()
        if areas is not None:
            organisation.areas.set(list(areas))
        record(organisation, action="organisation:profile", actor=actor)
    return profile


def check_add_relationship(
    source: Organisation, target: Organisation, kind: str, actor: Any, since: date | None = None
) -> Relationship:
    require_officer(actor)
    if source.pk == target.pk:
        raise ValidationError(_("An organisation cannot be related to itself."))
    relationship = Relationship(source=source, target=target, kind=kind, since=since)
    relationship.full_clean(exclude=["source", "target"])
    try:
        with transaction.atomic():
            relationship.save()
    except IntegrityError as exc:
        raise ValidationError(_("This relationship is already recorded.")) from exc
    record(source, action="organisation:relationship", actor=actor, note=f"{kind} #{target.pk}")
    return relationship


def check_remove_relationship(relationship: Relationship, actor: Any) -> None:
    require_officer(actor)
    record(
        relationship.source,
        action="organisation:relationship_removed",
        actor=actor,
        note=f"{relationship.kind} #{relationship.target_id}",
    )
    relationship.delete()


def check_import_organisations(name: str, content: bytes, actor: Any) -> list[Organisation]:
    """Import a CSV or XLSX file of organisations, all or none: ImportRefused lists each refused
    row and its reason, and nothing is saved."""
    require_officer(actor)
    rows = parse_organisations(name, content)
    return do_import_organisations(rows, actor)


@transaction.atomic
def do_import_organisations(rows: list[OrganisationRow], actor: Any) -> list[Organisation]:
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                legal_name=r.legal_name,
                headquarters_nation=r.nation,
                kind=r.kind,
                year_founded=r.year_founded,
                employees=r.employees,
                website=r.website,
                description=r.description,
            )
            for r in rows
        ],
        batch_size=1000,
    )
    Profile.objects.bulk_create(
        [
            Profile(organisation=o, space_segment=r.space_segment, capabilities="\n".join(r.capabilities))
            for o, r in zip(organisations, rows, strict=True)
        ],
        batch_size=1000,
    )
    areas = dict(EdtArea.objects.values_list("code", "pk"))
    through = Organisation.areas.through
    through.objects.bulk_create(
        [
            through(organisation_id=o.pk, edtarea_id=areas[code])
            for o, r in zip(organisations, rows, strict=True)
            for code in r.areas
        ],
        batch_size=2000,
    )
    kind = ContentType.objects.get_for_model(Organisation)
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(content_type=kind, object_id=str(o.pk), actor=actor, action="organisation:imported")
            for o in organisations
        ],
        batch_size=2000,
    )
    return organisations


def check_find_duplicates(actor: Any) -> int:
    require_officer(actor)
    return engine_adapter.compute_duplicates()


def check_dismiss_duplicate(pair: DuplicatePair, actor: Any, note: str = "") -> DuplicatePair:
    transition(pair, wf.DuplicateStatus.DISMISSED, actor, note)
    return pair


def check_merge(pair: DuplicatePair, keep: Organisation, actor: Any) -> Organisation:
    """Merge the pair into `keep` (one of its two): every row that points at the other organisation
    (applications, awards, deals, people, events, contributions, memberships, audit trail...) points
    at `keep` afterwards, then the other is deleted. All or nothing."""
    require_officer(actor)
    if pair.first_id is None or pair.second_id is None:
        raise ValidationError(_("One of these organisations no longer exists."))
    if keep.pk not in (pair.first_id, pair.second_id):
        raise ValidationError(_("Keep one of the two organisations of the pair."))
    drop_id = pair.second_id if keep.pk == pair.first_id else pair.first_id
    with transaction.atomic():
        transition(pair, wf.DuplicateStatus.MERGED, actor, note=f"#{drop_id} -> #{keep.pk}")
        do_merge(keep, Organisation.objects.get(pk=drop_id), actor)
    return keep


def do_merge(keep: Organisation, drop: Organisation, actor: Any) -> None:
    """Move every link of `drop` to `keep`, then delete `drop`. Call inside a transaction."""
    keep = Organisation.objects.select_for_update().get(pk=keep.pk)
    drop = Organisation.objects.select_for_update().get(pk=drop.pk)
    Relationship.objects.filter(
        models.Q(source=keep, target=drop) | models.Q(source=drop, target=keep)
    ).delete()
    DuplicatePair.objects.filter(models.Q(first=drop) | models.Q(second=drop)).exclude(
        status=wf.DuplicateStatus.MERGED
    ).delete()
    DuplicatePair.objects.filter(first=drop).update(first=None)
    DuplicatePair.objects.filter(second=drop).update(second=None)
    for relation in Organisation._meta.related_objects:
        if relation.many_to_many:
            continue  # the other side's through table is a one-to-many relation, seen below
        field = relation.field
        model = relation.related_model
        if not isinstance(field, models.ForeignKey):
            continue
        _repoint(model, field.name, keep, drop)
    keep.areas.add(*drop.areas.all())
    kind = ContentType.objects.get_for_model(Organisation)
    AuditEvent.objects.filter(content_type=kind, object_id=str(drop.pk)).update(object_id=str(keep.pk))
    record(keep, action="organisation:merged", actor=actor, note=f"#{drop.pk} {drop.legal_name}")
    drop.delete()


def _repoint(model: Any, name: str, keep: Organisation, drop: Organisation) -> None:
    rows = model._default_manager.filter(**{name: drop})
    try:
        with transaction.atomic():
            rows.update(**{name: keep})
        return
    except IntegrityError:
        pass
    for row in list(rows):
        try:
            with transaction.atomic():
                model._default_manager.filter(pk=row.pk).update(**{name: keep})
        except IntegrityError as exc:
            if model not in SAME_LINK:
                raise ValidationError(
                    _("These two cannot be merged automatically: both have a %(what)s that exists once only.")
                    % {"what": model._meta.verbose_name}
                ) from exc
            row.delete()
