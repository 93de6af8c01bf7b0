"""A demo call's furniture, shared by the demo (`build`) and the simulation, which builds a call of
its own: the accelerator's phases and the challenges, in both languages."""

from __future__ import annotations

from decimal import Decimal

from lodestar.core.models import EdtArea
from lodestar.demo import challenges as texts
from lodestar.demo import corpus
from lodestar.programmes.models import Call, Challenge, Phase


def create_phases(call: Call) -> None:
    """The accelerator's two phases (six months and EUR 100,000, then up to EUR 300,000)."""
    Phase.objects.bulk_create(
        Phase(
            call=call,
            position=p.position,
            name_en=p.name.en,
            name_fr=p.name.fr,
            duration_months=p.duration_months,
            grant=Decimal(p.grant),
            description_en=p.description.en,
            description_fr=p.description.fr,
        )
        for p in texts.PHASES
    )


def create_challenges(call: Call, areas: dict[str, EdtArea] | None = None) -> list[Challenge]:
    """The five challenges of the 2024 call, in both languages, with their EDT areas."""
    areas = areas if areas is not None else EdtArea.objects.in_bulk(field_name="code")
    challenges = []
    for position, text in enumerate(corpus.challenges(), start=1):
        challenge = Challenge.objects.create(
            call=call,
            slug=text.code,
            position=position,
            title_en=text.title.en,
            title_fr=text.title.fr,
            summary_en=text.summary.en,
            summary_fr=text.summary.fr,
            description_en=text.description.en,
            description_fr=text.description.fr,
        )
        challenge.areas.set([areas[code] for code in text.areas if code in areas])
        challenges.append(challenge)
    return challenges
