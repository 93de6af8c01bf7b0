"""The grant mechanisms of science cooperation with partners, as data (shared/FACTS.md): a new
installation gets them from `do_ensure_mechanisms()`, and staff may change any limit in the admin.
Setting a partner call up (`do_create_partner_call`) makes its programmes Call, its topics and rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from lodestar.partnerships.actions import do_setup_partner_call
from lodestar.partnerships.models import Mechanism, PartnerCall, PartnerNation
from lodestar.programmes.actions import do_create_call
from lodestar.programmes.models import Challenge, Programme

K = Decimal(1000)

STANDARD: tuple[dict[str, Any], ...] = (
    {
        "code": "multi-year-project",
        "kind": Mechanism.Kind.PROJECT,
        "two_stage": True,
        "name_en": "Multi-year project",
        "name_fr": "Projet pluriannuel",
        "description_en": "Applied research and development over two to three years, led by the two "
        "co-directors with a named end user.",
        "description_fr": "Recherche appliquée et développement sur deux à trois ans, conduits par les deux "
        "codirecteurs avec un utilisateur final désigné.",
        "min_amount": 150 * K,
        "max_amount": 400 * K,
        "min_months": 24,
        "max_months": 36,
    },
    {
        "code": "advanced-research-workshop",
        "kind": Mechanism.Kind.ACTIVITY,
        "name_en": "Advanced research workshop",
        "name_fr": "Atelier de recherche avancée",
        "description_en": "Experts share the state of the art and chart future work, over two to five days.",
        "description_fr": "Des experts partagent l'état de l'art et tracent les travaux futurs, sur deux à "
        "cinq jours.",
        "min_amount": 30 * K,
        "max_amount": 40 * K,
        "min_days": 2,
        "max_days": 5,
    },
    {
        "code": "advanced-study-institute",
        "kind": Mechanism.Kind.ACTIVITY,
        "name_en": "Advanced study institute",
        "name_fr": "Institut d'études avancées",
        "description_en": "A high-level tutorial course for young scientists, of at least seven "
        "working days.",
        "description_fr": "Un cours de haut niveau pour de jeunes scientifiques, d'au moins sept "
        "jours ouvrés.",
        "min_days": 7,
    },
    {
        "code": "advanced-training-course",
        "kind": Mechanism.Kind.ACTIVITY,
        "name_en": "Advanced training course",
        "name_fr": "Cours de formation avancée",
        "description_en": "Specialists of member nations train specialists of partner nations, over five to "
        "seven working days.",
        "description_fr": "Des spécialistes des nations membres forment ceux des nations partenaires, "
        "sur cinq à sept jours ouvrés.",
        "max_amount": 60 * K,
        "min_days": 5,
        "max_days": 7,
    },
)


def do_ensure_mechanisms() -> list[Mechanism]:
    """The standard mechanisms, created when missing; existing rows (perhaps edited) are kept."""
    return [
        Mechanism.objects.get_or_create(
            code=spec["code"], defaults={**{k: v for k, v in spec.items() if k != "code"}, "position": i}
        )[0]
        for i, spec in enumerate(STANDARD, start=1)
    ]


@dataclass(frozen=True)
class Topic:
    slug: str
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str


@transaction.atomic
def do_create_partner_call(
    actor: Any,
    programme: Programme,
    *,
    slug: str,
    titles: tuple[str, str],
    descriptions: tuple[str, str],
    opens_at: datetime,
    short_closes_at: datetime,
    closes_at: datetime,
    partners: Iterable[PartnerNation],
    topics: Sequence[Topic],
    mechanisms: Iterable[Mechanism] | None = None,
    quorum: int = 5,
) -> PartnerCall:
    """A partner call: a programmes Call (AI matching off: proposals are few), its topics as the call's
    challenges, and the partner call's nations, mechanisms (all standard ones by default) and rules."""
    funded = list(mechanisms) if mechanisms is not None else do_ensure_mechanisms()
    call = do_create_call(
        actor,
        programme=programme,
        slug=slug,
        title_en=titles[0],
        title_fr=titles[1],
        description_en=descriptions[0],
        description_fr=descriptions[1],
        opens_at=opens_at,
        closes_at=closes_at,
        max_grant=max((m.max_amount for m in funded if m.max_amount), default=400 * K),
        matching_enabled=False,
    )
    for position, topic in enumerate(topics, start=1):
        Challenge.objects.create(
            call=call,
            position=position,
            slug=topic.slug,
            title_en=topic.title_en,
            title_fr=topic.title_fr,
            summary_en=topic.summary_en,
            summary_fr=topic.summary_fr,
            description_en=topic.summary_en,
            description_fr=topic.summary_fr,
        )
    partner_call = PartnerCall.objects.create(call=call, short_closes_at=short_closes_at, quorum=quorum)
    return do_setup_partner_call(partner_call, partners, funded, actor)
