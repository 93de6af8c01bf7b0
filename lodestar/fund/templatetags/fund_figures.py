"""Figures of the fund in the reader's locale: multiples (1,35×), rates and shares (12,40 %)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from lodestar.core.nations import nation_name

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


def _per_cent(text: str) -> str:
    return f"{formats.number_format(Decimal(text or '0'), 2)} %"


@register.filter
def shareholder_change(change: dict[str, str]) -> str:
    """A change of shareholders that set off a screening (fund.models.ScreeningCause.change), in the
    reader's language."""
    holder = change.get("holder", "")
    if change.get("nation"):
        holder = f"{holder} ({nation_name(change['nation'])})"
    values = {
        "holder": holder,
        "company": change.get("company", ""),
        "share": _per_cent(change.get("share", "")),
        "before": _per_cent(change.get("before", "")),
    }
    kind = change.get("change")
    if kind == "added":
        return _("%(holder)s now holds %(share)s of %(company)s.") % values
    if kind == "removed":
        return _("%(holder)s no longer holds %(share)s of %(company)s.") % values
    return _("%(holder)s holds %(share)s of %(company)s, instead of %(before)s.") % values
