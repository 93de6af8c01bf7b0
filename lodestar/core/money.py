"""Sums of money as the reader writes them: "€100,000" in English, "100 000 €" in French.

Django's number formats know the grouping but not where a currency goes; Babel (CLDR) knows both.
Whole amounts are shown without cents, as programmes state grants; amounts with cents keep them.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

from lodestar.core.i18n import current_language

_LOCALES = {"en": Locale.parse("en_IE"), "fr": Locale.parse("fr_FR")}  # the alliance's euro locales


def format_money(
    amount: Decimal | int | float | None, currency: str = "EUR", language: str | None = None
) -> str:
    if amount is None or amount == "":
        return "—"
    value = Decimal(str(amount))
    locale = _LOCALES.get(language or current_language(), _LOCALES["en"])
    pattern = locale.currency_formats["standard"].pattern
    if value == value.to_integral_value():
        pattern = pattern.replace(".00", "")
    return format_currency(value, currency or "EUR", format=pattern, locale=locale, currency_digits=False)
