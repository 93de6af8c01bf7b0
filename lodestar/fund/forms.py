from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.fund.models import CashEvent
from lodestar.fund.workflow import DealStatus


class MoveDealForm(forms.Form):
    to = forms.ChoiceField(label=_("Move to"), choices=DealStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class ClearFindingForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is cleared"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount received"), max_digits=16, decimal_places=2, min_value=0)


class CashEventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CashEvent.Kind.choices)
    amount = forms.DecimalField(label=_("Amount"), max_digits=16, decimal_places=2, min_value=0)
    on = forms.DateField(label=_("Date"))
    due = forms.DateField(label=_("Due date"))
    purpose = forms.CharField(label=_("Purpose"), max_length=300)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the meeting"))
    quorum = forms.IntegerField(label=_("Quorum"), min_value=1, max_value=50, initial=3)
