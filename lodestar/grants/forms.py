from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.core.models import Audience
from lodestar.grants.models import BankAccount

# Who reads a note written about a company's grant or cohort place: the company only when shared.
NOTE_AUDIENCES = [
    (Audience.INTERNAL, _("Internal: not shown to the company")),
    (Audience.SHARED, _("Shared with the company")),
]


class BankAccountForm(forms.Form):
    """The form parses; the action checks the IBAN and BIC with schwifty (banking.py) and saves."""

    holder = forms.CharField(label=_("Account holder"), max_length=70)
    iban = forms.CharField(label=_("IBAN"), max_length=42)
    bic = forms.CharField(label=_("BIC"), max_length=11)

    def __init__(self, *args: Any, instance: BankAccount | None = None, **kwargs: Any) -> None:
        if instance is not None:
            kwargs.setdefault(
                "initial", {"holder": instance.holder, "iban": instance.iban, "bic": instance.bic}
            )
        super().__init__(*args, **kwargs)


class AmendForm(forms.Form):
    note = forms.CharField(label=_("What changes"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    amount = forms.DecimalField(
        label=_("New amount"), required=False, min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    ends_on = forms.DateField(
        label=_("New end date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
