"""Bank details checked on entry: IBAN (checksum, country format, known bank) and BIC, with schwifty."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException


def check_bank_details(iban: str, bic: str) -> tuple[str, str]:
    """Return the IBAN and BIC in their compact form, or raise ValidationError saying which is wrong.

    When the IBAN's bank is known to schwifty, the BIC must be that bank's: a payment to a valid IBAN
    with another bank's BIC would be rejected by the bank days later."""
    errors: dict[str, str] = {}
    try:
        parsed_iban = IBAN(iban)
    except SchwiftyException:
        errors["iban"] = _("This is not a valid IBAN.")
        parsed_iban = None
    try:
        parsed_bic = BIC(bic)
    except SchwiftyException:
        errors["bic"] = _("This is not a valid BIC.")
        parsed_bic = None
    if parsed_iban is not None and parsed_bic is not None:
        known = parsed_iban.bic
        if known is not None and str(parsed_bic)[:8] != str(known)[:8]:
            errors["bic"] = _("This BIC is not the bank of this IBAN.")
    if errors:
        raise ValidationError(errors)
    assert parsed_iban is not None and parsed_bic is not None
    return parsed_iban.compact, str(parsed_bic)
