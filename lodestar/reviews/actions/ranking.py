"""The call's ranking: calibrated merit beside the raw mean, recomputed on demand by staff.

Fast enough to run inline (the engine calibrates 2,600 applications x 3 reviews well under a
second), so it is an action, not a job; it replaces the call's `RankingEntry` rows.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.permissions import require_programme_team
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.programmes.models import Call
from lodestar.reviews.engine_adapter import ranking as ranking_adapter
from lodestar.reviews.models.rules import review_rules

ACTION_LABELS.update({"reviews:ranking_computed": gettext_lazy("Ranking computed")})


def do_compute_ranking(call: Call, actor: Any) -> int:
    """Calibrate the call's submitted reviews and store the ranking; returns how many are ranked."""
    count = ranking_adapter.compute_ranking(call, review_rules(call))
    record(call, action="reviews:ranking_computed", actor=actor, note=str(count))
    return count


def check_compute_ranking(call: Call, actor: Any) -> int:
    """`do_compute_ranking` for a person: programme staff only."""
    require_programme_team(actor, _("Only programme staff may compute the ranking."), on=call)
    return do_compute_ranking(call, actor)
