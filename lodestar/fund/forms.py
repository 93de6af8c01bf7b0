from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import NATION_CHOICES
from lodestar.fund.models import CashEvent, Deal, Round, Valuation
from lodestar.fund.models.dealroom import Area
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


class NoteForm(forms.Form):
    # Notes reach no one outside the fund team (not the company, the partner nations, nor the
    # committee's pack), so they have no audience to choose, unlike an audit event's note.
    text = forms.CharField(
        label=_("Note (read by the fund team only)"),
        help_text=_(
            "Internal to the fund team: the company, the partner nations and the committee never "
            "read it, and it is not in the committee pack."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, team: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(u.pk, str(u)) for u in team]  # type: ignore[attr-defined]  # a ChoiceField


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), max_length=300, required=False)


class EvidenceForm(forms.Form):
    evidence = forms.CharField(
        label=_("Evidence (read by the fund team and the committee)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
    )
    document = forms.TypedChoiceField(
        label=_("Document of the data room"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, documents: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [("", "—")] + [(d.pk, d.original_name) for d in documents]  # type: ignore[attr-defined]  # a ChoiceField


class WaiveForm(forms.Form):
    reason = forms.CharField(label=_("Why it is waived"), max_length=1000)


class TemplateForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    title = forms.CharField(label=_("Item"), max_length=300)
    guidance = forms.CharField(
        label=_("What counts as evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    required = forms.BooleanField(label=_("Required before the committee"), required=False, initial=True)
    valid_days = forms.IntegerField(
        label=_("Evidence valid for (days)"), required=False, min_value=1, max_value=3650
    )
    rounds = forms.MultipleChoiceField(
        label=_("Rounds (none: all)"),
        choices=Deal.Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MergeForm(forms.Form):
    keep = forms.IntegerField(min_value=1)
    duplicate = forms.IntegerField(min_value=1)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class RoundForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    label = forms.CharField(label=_("Round"), max_length=60)
    instrument = forms.ChoiceField(label=_("Instrument"), choices=Round.Instrument.choices)
    amount = forms.DecimalField(
        label=_("Amount invested"), max_digits=16, decimal_places=2, min_value=Decimal("0.01")
    )
    round_size = forms.DecimalField(
        label=_("Round size (all investors)"),
        max_digits=16,
        decimal_places=2,
        required=False,
        min_value=Decimal("0.01"),
    )
    pre_money = forms.DecimalField(
        label=_("Pre-money valuation"),
        max_digits=16,
        decimal_places=2,
        required=False,
        min_value=Decimal("0.01"),
    )


class InvestForm(RoundForm):
    reserve = forms.DecimalField(
        label=_("Reserve for follow-ons"),
        max_digits=16,
        decimal_places=2,
        required=False,
        min_value=Decimal(0),
    )


class CommitForm(forms.Form):
    name = forms.CharField(label=_("Fund committed to"), max_length=200)
    nation = forms.ChoiceField(label=_("Nation of its manager"), choices=NATION_CHOICES)
    commitment = forms.DecimalField(
        label=_("Commitment"), max_digits=16, decimal_places=2, min_value=Decimal("0.01")
    )


class ProceedsForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(
        label=_("Amount received"), max_digits=16, decimal_places=2, min_value=Decimal("0.01")
    )
    description = forms.CharField(label=_("Description"), max_length=300)


class ValuationForm(forms.Form):
    on = forms.DateField(label=_("Quarter end"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=2, min_value=Decimal(0))
    method = forms.ChoiceField(label=_("Method"), choices=Valuation.Method.choices)
    note = forms.CharField(label=_("Note (read by the fund team)"), max_length=300, required=False)


class ListImportForm(forms.Form):
    list_name = forms.CharField(label=_("List"), max_length=100)
    fmt = forms.ChoiceField(
        label=_("Format"),
        choices=[("csv", _("CSV (name, id, aliases)")), ("ftm", _("FollowTheMoney JSON lines"))],
    )
    file = forms.FileField(label=_("File"))
