"""The call's rubric: the criteria experts score (1-5 each) and their weights in the ranking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.permissions import require_programme_team
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.programmes.models import Call
from lodestar.reviews.models import Review, ReviewSetup
from lodestar.reviews.models.setup import setup_for

ACTION_LABELS["reviews:rubric_changed"] = gettext_lazy("Review criteria changed")


@dataclass(frozen=True)
class Criterion:
    code: str
    en: str
    fr: str
    weight: float = 1.0


def check_update_rubric(call: Call, actor: Any, criteria: Sequence[Criterion]) -> ReviewSetup:
    """Replace the call's criteria. Refused once a review was submitted: its scores would no longer
    match the rubric the ranking reads."""
    require_programme_team(actor)
    if Review.objects.filter(
        assignment__application__challenge__call=call, status=Review.Status.SUBMITTED
    ).exists():
        raise ValidationError(
            _("Reviews have been submitted against the current criteria; they can no longer change.")
        )
    if not criteria:
        raise ValidationError(_("The rubric needs at least one criterion."))
    codes = [slugify(c.code or c.en)[:40] for c in criteria]
    if len(set(codes)) != len(codes) or not all(codes):
        raise ValidationError(_("Each criterion needs its own code."))
    if any(not 0 < c.weight <= 10 for c in criteria):
        raise ValidationError(_("A weight is a number above 0 and at most 10."))
    setup = setup_for(call)
    setup.criteria = [
        {"code": code, "en": c.en.strip(), "fr": c.fr.strip(), "weight": float(c.weight)}
        for code, c in zip(codes, criteria, strict=True)
    ]
    setup.save(update_fields=["criteria"])
    record(call, action="reviews:rubric_changed", actor=actor, note=", ".join(codes))
    return setup
