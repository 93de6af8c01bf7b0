"""Experts: invitation by e-mail, the expert's own profile, import from CSV. No function takes a request.

Invitation links are signed and expire (`INVITATION_DAYS`); nothing about them is stored, so a link
is "used" once its expert is linked to an account, and "tampered" when the signature or the e-mail
address it was made for no longer matches. Every refusal raises `ValidationError` (or
`PermissionDenied`) with a message in the active language and changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.accounts.actions import do_grant_roles
from lodestar.core.mail import send_letter
from lodestar.core.models import EdtArea
from lodestar.core.permissions import require_programme_team
from lodestar.core.roles import ANYWHERE, Role
from lodestar.core.workflow import ACTION_LABELS, record, record_many
from lodestar.experts.engine_adapter import same_organisation
from lodestar.experts.importing import ExpertRow
from lodestar.experts.models import MAX_DOCUMENTS, ConflictDeclaration, Employment, Expert, ExpertDocument

INVITATION_DAYS = 30
MAX_DECLARATIONS = 50
INVITATION_SALT = "lodestar.reviews.expert-invitation"
PROFILE_FIELDS = (
    "expertise",
    "keywords",
    "nation",
    "organisation_name",
    "max_load",
    "available",
    "review_languages",
)

ACTION_LABELS.update(
    {
        "expert:invited": gettext_lazy("Expert invited"),
        "expert:invitation_accepted": gettext_lazy("Invitation accepted"),
        "expert:profile_updated": gettext_lazy("Expert profile updated"),
        "expert:imported": gettext_lazy("Expert imported from a file"),
        "expert:updated_by_import": gettext_lazy("Expert updated from a file"),
        # Named for the conflicts it leads to; the name is kept so that earlier events keep their label.
        "conflict:organisation_declared": gettext_lazy("Ties with an organisation declared"),
    }
)

# Sent inside the declaring transaction with `declaration` (a ConflictDeclaration) and `actor`. The
# pool only records the tie; each stage that picks experts (the review today; mentoring and due
# diligence later) turns it into its own conflicts, so the pool does not import them (reviews/apps.py).
organisation_declared = Signal()


# --- Invitation -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invitee:
    """The addressee of an invitation letter: a person who may have no account yet."""

    email: str
    full_name: str
    language: str
    time_zone: str = ""

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


def _email_fingerprint(email: str) -> str:
    # Ties the link to the address it was sent to without writing the address into the URL.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def invitation_token(expert: Expert) -> str:
    return signing.TimestampSigner(salt=INVITATION_SALT).sign_object(
        {"expert": expert.pk, "email": _email_fingerprint(expert.email)}
    )


def invitation_url(expert: Expert, language: str) -> str:
    with translation.override(language):
        path = reverse("experts:invitation", args=[invitation_token(expert)])
    return f"{settings.SITE_URL}{path}"


def read_invitation(token: str) -> Expert:
    """The expert a link was made for. Refused when expired, altered, or already used."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        data = signer.unsign_object(token, max_age=INVITATION_DAYS * 24 * 3600)
    except signing.SignatureExpired as exc:
        raise ValidationError(
            _("This invitation has expired. Ask the programme team to send you a new one."), code="expired"
        ) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise ValidationError(
            _("This invitation link is not valid. Check that you copied it whole, or ask for a new one."),
            code="invalid",
        ) from exc
    expert_id = data.get("expert") if isinstance(data, dict) else None
    expert = Expert.objects.filter(pk=expert_id).first() if isinstance(expert_id, int) else None
    if expert is None or _email_fingerprint(expert.email) != data.get("email"):
        # Also when the expert's address changed since: the link was made for someone else.
        raise ValidationError(
            _("This invitation link is not valid. Check that you copied it whole, or ask for a new one."),
            code="invalid",
        )
    if expert.user_id is not None:
        raise ValidationError(
            _("This invitation has already been accepted. Sign in to open your expert profile."), code="used"
        )
    return expert


@transaction.atomic
def check_invite_expert(
    actor: Any,
    *,
    email: str,
    full_name: str,
    nation: str,
    pool: str,
    language: str = "en",
    message: str = "",
) -> Expert:
    """Create the expert (or update the one with this e-mail address) and send the invitation letter
    in `language`. Refused for an expert already linked to an account: there is nothing to accept."""
    require_programme_team(actor, on=ANYWHERE)  # the pool serves every programme
    email = email.strip().lower()
    if language not in ("en", "fr"):
        raise ValidationError(_("Choose English or French for the letter."))
    if pool not in Expert.Pool.values:
        raise ValidationError(_("Unknown pool."))
    expert = Expert.objects.select_for_update().filter(email=email).first()
    if expert is not None and expert.user_id is not None:
        raise ValidationError(
            _("%(name)s has already accepted an invitation and has an account.") % {"name": expert.full_name}
        )
    if expert is None:
        expert = Expert(email=email, expertise="")
    expert.full_name = full_name.strip()
    expert.nation = nation
    expert.pool = pool
    expert.save()
    record(expert, action="expert:invited", actor=actor, note=f"{email} ({language})")
    invitee = Invitee(email=email, full_name=expert.full_name, language=language)
    context = {
        "expert": expert,
        "message": message.strip(),
        "url": invitation_url(expert, language),
        "days": INVITATION_DAYS,
        "inviter": actor,
    }
    transaction.on_commit(lambda: send_letter(invitee, "expert_invitation", context))
    return expert


@transaction.atomic
def check_accept_invitation(token: str, user: Any) -> Expert:
    """Link the invited expert to the signed-in `user` and give it the expert role."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to accept the invitation."))
    expert = read_invitation(token)
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if expert.user_id is not None:  # accepted by someone else a moment ago
        raise ValidationError(_("This invitation has already been accepted."), code="used")
    if Expert.objects.filter(user=user).exists():
        raise ValidationError(
            _("Your account is already linked to an expert profile; sign in with another account."),
            code="linked",
        )
    expert.user = user
    expert.save(update_fields=["user"])
    do_grant_roles(user, Role.EXPERT)
    note = "" if user.email.lower() == expert.email.lower() else user.email
    record(expert, action="expert:invitation_accepted", actor=user, note=note)
    return expert


# --- Profile --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmploymentData:
    organisation_name: str
    start_year: int
    end_year: int | None = None


@dataclass(frozen=True)
class DocumentData:
    title: str
    kind: str = ExpertDocument.Kind.PUBLICATION
    abstract: str = ""
    year: int | None = None
    authors: str = ""


def may_edit_profile(expert: Expert, actor: Any) -> bool:
    if not getattr(actor, "is_authenticated", False):
        return False
    # The pool serves every programme: the team of any programme keeps it.
    return (expert.user_id is not None and expert.user_id == actor.pk) or actor.is_programme_team


def too_many_documents_message() -> str:
    return _(
        "A profile holds at most %(n)s publications or past projects. Remove one before adding another."
    ) % {"n": MAX_DOCUMENTS}


@transaction.atomic
def check_update_profile(
    expert: Expert,
    actor: Any,
    fields: dict[str, Any],
    *,
    areas: Iterable[EdtArea] | None = None,
    employment: Sequence[EmploymentData] | None = None,
    documents: Sequence[DocumentData] | None = None,
) -> Expert:
    """Save the expert's profile: only the expert itself or programme staff. Employment and
    documents, when given, replace the previous lists (at most `MAX_DOCUMENTS` documents)."""
    if not may_edit_profile(expert, actor):
        raise PermissionDenied(_("Only the expert or programme staff may edit this profile."))
    if documents is not None and len(documents) > MAX_DOCUMENTS:
        raise ValidationError(too_many_documents_message(), code="too_many_documents")
    if "review_languages" in fields and not fields["review_languages"]:
        raise ValidationError(_("Choose at least one language you review in."))
    for job in employment or ():
        if job.end_year is not None and job.end_year < job.start_year:
            raise ValidationError(
                _("Employment at %(org)s ends before it starts.") % {"org": job.organisation_name}
            )
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(expert, name, fields[name])
    expert.save()
    if areas is not None:
        expert.areas.set(list(areas))
    if employment is not None:
        expert.employment.all().delete()
        Employment.objects.bulk_create(
            Employment(
                expert=expert,
                organisation_name=j.organisation_name,
                start_year=j.start_year,
                end_year=j.end_year,
            )
            for j in employment
        )
    if documents is not None:
        expert.documents.all().delete()
        ExpertDocument.objects.bulk_create(
            ExpertDocument(
                expert=expert, kind=d.kind, title=d.title, abstract=d.abstract, year=d.year, authors=d.authors
            )
            for d in documents
        )
    record(expert, action="expert:profile_updated", actor=actor)
    return expert


# --- Import ---------------------------------------------------------------------------------------


# What an import row may change on an expert already known.
IMPORTED_FIELDS = (
    "full_name",
    "nation",
    "pool",
    "organisation_name",
    "expertise",
    "keywords",
    "max_load",
    "review_languages",
)


@dataclass
class ImportSummary:
    created: list[Expert] = field(default_factory=list)
    updated: list[Expert] = field(default_factory=list)


@transaction.atomic
def check_import_experts(rows: Sequence[ExpertRow], actor: Any) -> ImportSummary:
    """Save rows checked by `experts_import.parse_experts_csv`, all or none: any failure rolls back
    every row. An e-mail address already known updates that expert with the cells given."""
    require_programme_team(actor, on=ANYWHERE)
    if not rows:
        raise ValidationError(_("There is no expert to import."))
    areas = {a.code: a for a in EdtArea.objects.all()}
    existing = {
        e.email: e for e in Expert.objects.select_for_update().filter(email__in=[r.email for r in rows])
    }
    summary = ImportSummary()
    wanted: list[tuple[Expert, list[EdtArea]]] = []
    for row in rows:
        missing = [code for code in row.areas if code not in areas]
        if missing:
            raise ValidationError(
                _("Row %(row)s: unknown EDT area code(s) %(codes)s.")
                % {"row": row.row, "codes": ", ".join(missing)}
            )
        expert = existing.get(row.email)
        created = expert is None
        if expert is None:
            expert = Expert(email=row.email, expertise="")
        expert.full_name = row.full_name
        expert.nation = row.nation
        for name, value in (
            ("pool", row.pool),
            ("organisation_name", row.organisation),
            ("expertise", row.expertise),
            ("keywords", row.keywords),
        ):
            if value:
                setattr(expert, name, value)
        if row.max_load is not None:
            expert.max_load = row.max_load
        if row.languages:
            expert.review_languages = list(row.languages)
        if row.areas:
            wanted.append((expert, [areas[code] for code in row.areas]))
        (summary.created if created else summary.updated).append(expert)
    # Written in bulk: a thousand rows are a few queries, not five each.
    Expert.objects.bulk_create(summary.created, batch_size=500)
    Expert.objects.bulk_update(summary.updated, IMPORTED_FIELDS, batch_size=500)
    Through = Expert.areas.through
    # The areas a row gives replace the expert's (as `areas.set()` would).
    known = {e.pk for e in summary.updated}
    Through.objects.filter(expert_id__in=[e.pk for e, _a in wanted if e.pk in known]).delete()
    Through.objects.bulk_create(
        (Through(expert_id=e.pk, edtarea_id=a.pk) for e, chosen in wanted for a in dict.fromkeys(chosen)),
        batch_size=1000,
    )
    record_many(summary.created, action="expert:imported", actors=[actor] * len(summary.created))
    record_many(summary.updated, action="expert:updated_by_import", actors=[actor] * len(summary.updated))
    return summary


# --- Declared ties --------------------------------------------------------------------------------


def check_declare_organisation(
    expert: Expert, actor: Any, name: str, reason: str = ""
) -> ConflictDeclaration:
    """The expert has ties with an organisation: recorded on the profile, and every listener of
    `organisation_declared` acts on it in the same transaction (the review stage confirms conflicts
    with that organisation's applications still in review), so both happen or neither."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in first."))
    if not may_edit_profile(expert, actor):
        raise PermissionDenied(_("Only the expert or programme staff may do this."))
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Write the organisation's name."))
    declared = list(expert.declarations.all())
    if any(same_organisation(d.name, name) for d in declared):
        raise ValidationError(_("You have already declared ties with %(name)s.") % {"name": name})
    if len(declared) >= MAX_DECLARATIONS:
        raise ValidationError(_("At most %(n)s organisations can be declared.") % {"n": MAX_DECLARATIONS})
    with transaction.atomic():
        declaration = ConflictDeclaration.objects.create(
            expert=expert, name=name, reason=reason.strip(), declared_by=actor
        )
        record(expert, action="conflict:organisation_declared", actor=actor, note=name)
        organisation_declared.send(sender=ConflictDeclaration, declaration=declaration, actor=actor)
    return declaration
