"""The call's review rules: the criteria experts score (1-5 each) and their weights in the ranking,
the review deadline, blind review, and whether the decision letters quote the experts' comments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lodestar.core.permissions import may_act, require_programme_team
from lodestar.core.roles import DIRECTORS
from lodestar.core.workflow import ACTION_LABELS, record
from lodestar.programmes.models import Call
from lodestar.programmes.rules import for_change
from lodestar.reviews.models import Review, ReviewRules
from lodestar.reviews.models.rules import review_rules

ACTION_LABELS["reviews:rubric_changed"] = gettext_lazy("Review criteria changed")
ACTION_LABELS["reviews:review_rules_changed"] = gettext_lazy("Review rules changed")

RULE_FIELDS = ("review_deadline", "blind", "share_comments")


@dataclass(frozen=True)
class Criterion:
    code: str
    en: str
    fr: str
    weight: float = 1.0


def criteria_fixed(call: Call) -> bool:
    """Once a review is submitted its scores must keep matching the rubric the ranking reads."""
    return Review.objects.filter(
        assignment__application__challenge__call=call, status=Review.Status.SUBMITTED
    ).exists()


def may_share_comments(actor: Any, call: Call) -> bool:
    """Quoting the experts in the decision letters is the decision of the call's director (or an
    administrator's), as it was when it sat with the selection rules."""
    return may_act(actor, DIRECTORS, call)


def _rubric(criteria: Sequence[Criterion]) -> list[dict[str, Any]]:
    if not criteria:
        raise ValidationError(_("The rubric needs at least one criterion."))
    codes = [slugify(c.code or c.en)[:40] for c in criteria]
    if len(set(codes)) != len(codes) or not all(codes):
        raise ValidationError(_("Each criterion needs its own code."))
    if any(not 0 < c.weight <= 10 for c in criteria):
        raise ValidationError(_("A weight is a number above 0 and at most 10."))
    return [
        {"code": code, "en": c.en.strip(), "fr": c.fr.strip(), "weight": float(c.weight)}
        for code, c in zip(codes, criteria, strict=True)
    ]


def _changes(rules: ReviewRules, fields: Mapping[str, Any], rubric: list[dict[str, Any]] | None) -> list[str]:
    changed = [name for name in RULE_FIELDS if name in fields and fields[name] != getattr(rules, name)]
    if rubric is not None and rubric != rules.criteria:
        changed.append("criteria")
    return changed


def check_update_review_rules(
    call: Call, actor: Any, fields: Mapping[str, Any], criteria: Sequence[Criterion] | None = None
) -> ReviewRules:
    """Change the call's review rules: any of `RULE_FIELDS` given in `fields`, and the rubric when
    `criteria` is given. New criteria are refused once a review was submitted (the same ones are
    not a change); quoting comments in letters is changed only by the director. A refusal changes
    nothing, and nothing is written when nothing changes."""
    require_programme_team(actor, on=call)
    rubric = None if criteria is None else _rubric(criteria)
    saved = review_rules(call)
    if not _changes(saved, fields, rubric):
        return saved
    with transaction.atomic():
        rules = for_change(ReviewRules, call)
        changed = _changes(rules, fields, rubric)
        if "criteria" in changed and criteria_fixed(call):
            raise ValidationError(
                _("Reviews have been submitted against the current criteria; they can no longer change.")
            )
        if "share_comments" in changed and not may_share_comments(actor, call):
            raise PermissionDenied(
                _("Only the programme director may decide whether the letters quote the experts.")
            )
        for name in changed:
            setattr(rules, name, rubric if name == "criteria" else fields[name])
        if not changed:
            return rules
        rules.save(update_fields=changed)
        if rubric is not None and "criteria" in changed:
            record(
                call, action="reviews:rubric_changed", actor=actor, note=", ".join(c["code"] for c in rubric)
            )
        if others := [name for name in changed if name != "criteria"]:
            labels = [str(getattr(ReviewRules._meta.get_field(n), "verbose_name", n)) for n in others]
            record(call, action="reviews:review_rules_changed", actor=actor, note=", ".join(labels))
    return rules
