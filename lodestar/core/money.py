"""Sums of money as the reader writes them: "€100,000" in English, "100 000 €" in French.

Django's number formats know the grouping but not where a currency goes; Babel (CLDR) knows both.
Whole amounts are shown without cents, as programmes state grants; amounts with cents keep them.
Documents whose amounts line up to the cent (a partner's notice, a quarterly statement) ask for
`cents=True`, and those written in the recipient's language rather than the reader's pass `language`.
This is the one place money is written for people: pages (the `|money` filter), PDF notices and
statements, and the reasons of the selection.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

from lodestar.core.i18n import current_language

_LOCALES = {"en": Locale.parse("en_IE"), "fr": Locale.parse("fr_FR")}  # the alliance's euro locales


def format_money(
    amount: Decimal | int | float | str | None,
    currency: str = "EUR",
    language: str | None = None,
    *,
    cents: bool = False,
) -> str:
    """`amount` in `currency` as `language` (the active language by default) writes it; whole amounts
    without cents unless `cents`."""
    if amount is None or amount == "":
        return "—"
    value = Decimal(str(amount))
    locale = _LOCALES.get(language or current_language(), _LOCALES["en"])
    pattern = locale.currency_formats["standard"].pattern
    if not cents and value == value.to_integral_value():
        pattern = pattern.replace(".00", "")
    return format_currency(value, currency or "EUR", format=pattern, locale=locale, currency_digits=False)
