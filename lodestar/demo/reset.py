"""Removing the demo: everything `build` made, in dependency order, with its audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from lodestar.accounts.models import User
from lodestar.applications.models import Application, Attachment
from lodestar.core.models import AuditEvent
from lodestar.demo import challenges as texts
from lodestar.demo import engagement as engagement_demo
from lodestar.demo import fund as fund_demo
from lodestar.demo import network
from lodestar.demo import partnerships as partnerships_demo
from lodestar.demo import radar as radar_demo
from lodestar.demo.awards import forget_awards
from lodestar.demo.build import DEMO_LOGINS
from lodestar.demo.cohort import forget_cohorts
from lodestar.experts.models import Expert
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Call, Programme


def _demo_organisations() -> list[Organisation]:
    """Organisations the demo made: an `https://<slug>.example` website, owned by a user of that
    domain or by a demo login."""
    found = []
    candidates = Organisation.objects.filter(website__regex=r"^https://[a-z0-9-]+\.example$")
    for organisation in candidates.prefetch_related("memberships__user"):
        domain = organisation.website.removeprefix("https://")
        emails = [m.user.email for m in organisation.memberships.all()]
        if any(e.endswith(f"@{domain}") or e in {d.email for d in DEMO_LOGINS} for e in emails):
            found.append(organisation)
    return found


def reset() -> dict[str, int]:
    """Delete what the demo created, in dependency order: applications (with their files),
    organisations, the demo's users, the call and the programme. Returns what was deleted."""
    deleted: dict[str, int] = {}
    with transaction.atomic():
        deleted["partner_proposals"] = partnerships_demo.reset()
        deleted.update(radar_demo.reset())
        deleted.update(engagement_demo.reset())
        deleted["funds"] = fund_demo.reset()
        programme = Programme.objects.filter(slug=texts.PROGRAMME_SLUG).first()
        calls = list(programme.calls.all()) if programme else []
        deleted["centres"] = network.reset()
        organisations = _demo_organisations()
        domains = {o.website.removeprefix("https://") for o in organisations}
        applications = Application.objects.filter(challenge__call__in=calls) | Application.objects.filter(
            organisation__in=organisations
        )
        for attachment in Attachment.objects.filter(application__in=applications):
            attachment.file.delete(save=False)
        deleted["cohorts"] = forget_cohorts(calls)
        deleted["awards"] = forget_awards(applications)
        _forget(Application, list(applications.values_list("pk", flat=True)))
        deleted["applications"] = applications.delete()[1].get("applications.Application", 0)
        _forget(Organisation, [o.pk for o in organisations])
        counts = Organisation.objects.filter(pk__in=[o.pk for o in organisations]).delete()[1]
        deleted["organisations"] = counts.get("organisations.Organisation", 0)
        users = User.objects.filter(email__in=[d.email for d in DEMO_LOGINS])
        demo_user_ids = set(users.values_list("pk", flat=True))
        for domain in domains:
            demo_user_ids |= set(
                User.objects.filter(email__iendswith=f"@{domain}").values_list("pk", flat=True)
            )
        experts = Expert.objects.filter(email__iendswith="@reviewers.example") | Expert.objects.filter(
            email__in=[d.email for d in DEMO_LOGINS]
        )
        demo_user_ids |= set(
            User.objects.filter(email__iendswith="@reviewers.example").values_list("pk", flat=True)
        )
        deleted["experts"] = experts.delete()[1].get("experts.Expert", 0)
        deleted["users"] = User.objects.filter(pk__in=demo_user_ids).delete()[1].get("accounts.User", 0)
        _forget(Call, [c.pk for c in calls])
        deleted["calls"] = (
            Call.objects.filter(pk__in=[c.pk for c in calls]).delete()[1].get("programmes.Call", 0)
        )
        if programme:
            _forget(Programme, [programme.pk])
            programme.delete()
        deleted["programmes"] = 1 if programme else 0
    return deleted


def _forget(model: type[Any], pks: list[int]) -> None:
    # The audit trail of demo objects goes with them; nothing else points at these events.
    content_type = ContentType.objects.get_for_model(model)
    AuditEvent.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in pks]).delete()
