"""The lifecycles of the radar, as data (see core/workflow.py).

An edition of the radar is drafted by analysts, then published; a published edition is the record of
what the programme thought at that date, so it does not move again (the next edition is a new row).
A suggested blip (from a rising signal) waits for an analyst, who confirms it (it becomes a blip of the
draft edition) or dismisses it: the machine proposes, a person decides.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lodestar.core.roles import ANALYSTS
from lodestar.core.workflow import Transition, Workflow


def is_analyst(actor: Any, obj: Any = None) -> bool:
    return bool(actor and actor.is_authenticated and actor.has_role(*ANALYSTS))


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("a radar edition", "Published")


class SuggestionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("a suggestion", "Open")
    CONFIRMED = "confirmed", pgettext_lazy("a suggestion", "Confirmed")
    DISMISSED = "dismissed", pgettext_lazy("a suggestion", "Dismissed")


EDITION_WORKFLOW = Workflow(
    name="radar_edition",
    states=dict(EditionStatus.choices),
    transitions=(
        Transition(frozenset({EditionStatus.DRAFT}), EditionStatus.PUBLISHED, _("Publish"), is_analyst),
    ),
    groups={"editable": frozenset({EditionStatus.DRAFT})},
    initial=frozenset({EditionStatus.DRAFT}),
)

SUGGESTION_WORKFLOW = Workflow(
    name="radar_suggestion",
    states=dict(SuggestionStatus.choices),
    transitions=(
        Transition(frozenset({SuggestionStatus.OPEN}), SuggestionStatus.CONFIRMED, _("Confirm"), is_analyst),
        Transition(frozenset({SuggestionStatus.OPEN}), SuggestionStatus.DISMISSED, _("Dismiss"), is_analyst),
    ),
    groups={"open": frozenset({SuggestionStatus.OPEN})},
    initial=frozenset({SuggestionStatus.OPEN}),
)
