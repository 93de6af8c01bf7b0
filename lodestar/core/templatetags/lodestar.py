from __future__ import annotations

from typing import Any

from django import template

from lodestar.core.i18n import current_language
from lodestar.core.nations import nation_name as _nation_name

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def nation_name(code: str) -> str:
    return _nation_name(code)


@register.filter
def colon(label: str) -> str:
    """A label followed by a colon, with French typography (a non-breaking space before it)."""
    return f"{label}\u00a0:" if current_language() == "fr" else f"{label}:"
