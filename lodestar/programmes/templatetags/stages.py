"""The stage navigation of a call, read from the stage registry (programmes/stages.py)."""

from __future__ import annotations

from typing import Any

from django import template

from lodestar.programmes.models import Call
from lodestar.programmes.stages import stages_for

register = template.Library()


def _links(context: Any, call: Call, current: str) -> list[dict[str, Any]]:
    user = context["request"].user
    return [
        {"number": n, "stage": stage, "url": stage.url(call), "current": stage.key == current}
        for n, stage in enumerate(stages_for(user, call), start=1)
    ]


@register.inclusion_tag("programmes/_stage_nav.html", takes_context=True)
def stage_nav(context: Any, call: Call, current: str = "") -> dict[str, Any]:
    """The way back to the call and its stages, `current` marked: shown on top of every stage page."""
    return {"call": call, "links": _links(context, call, current), "current": current}


@register.inclusion_tag("programmes/_stage_menu.html", takes_context=True)
def stage_menu(context: Any, call: Call) -> dict[str, Any]:
    """The stages of a call as a compact menu, for lists of calls."""
    return {"call": call, "links": _links(context, call, "")}
