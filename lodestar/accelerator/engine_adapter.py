"""Between the engine and the accelerator: the conflict checks a mentor passes.

A mentor comes from the expert pool and passes the same conflict checks as a reviewer: the conflict
engine (`lodestar.engine.conflicts`) run on the company's application against the candidates
(employment, shareholding, co-authorship, declared ties), plus any conflict the call's conflicts
stage confirmed or has not yet dismissed. The same-nation rule of reviewing does not apply: a
mentor of the company's own nation is welcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone

from lodestar.applications.models import Application
from lodestar.engine import conflicts as engine
from lodestar.experts.models import Expert
from lodestar.reviews import workflow as rwf
from lodestar.reviews.engine_adapter.conflicts import application_facts, expert_record, proposal_record
from lodestar.reviews.models import Conflict


def mentor_conflicts(application: Application, experts: Sequence[Expert]) -> dict[int, list[str]]:
    """expert id -> the evidence of each conflict with the application's company (no key: none).

    Expects the experts with `employment`, `documents` and `declarations` prefetched (else a few
    queries each). Five queries for any number of experts."""
    if not experts:
        return {}
    found: dict[int, list[str]] = {}
    for expert_id, kind in (
        Conflict.objects.filter(
            application=application, expert__in=[e.pk for e in experts], state__in=rwf.BLOCKING
        )
        .exclude(kind=Conflict.Kind.SAME_NATION)
        .values_list("expert_id", "kind")
    ):
        found.setdefault(expert_id, []).append(str(Conflict.Kind(kind).label))
    facts = application_facts(Application.objects.filter(pk=application.pk))
    declared = [
        e.pk for e in experts if any(d.application_id == application.pk for d in e.declarations.all())
    ]
    detected = engine.detect(
        [expert_record(e) for e in experts],
        [proposal_record(f, declared) for f in facts],
        engine.ConflictRules(current_year=timezone.now().year, same_nation=False),
    )
    for conflict in detected:
        found.setdefault(int(conflict.expert), []).append(conflict.evidence)
    return found
