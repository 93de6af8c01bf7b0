"""Figures of the fund in the reader's locale: multiples (1,35×), rates and shares (12,40 %)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def multiple(value: Decimal | None) -> str:
    return "—" if value is None else f"{formats.number_format(value, 2)}×"


@register.filter
def percent(value: float | Decimal | None) -> str:
    return "—" if value is None else f"{formats.number_format(round(float(value) * 100, 2), 2)} %"


@register.filter
def bar(value: float | Decimal | None) -> str:
    """A share as a CSS width, with a dot whatever the locale."""
    return "0" if not value else f"{min(100.0, max(0.0, float(value) * 100)):.1f}"
