from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.accelerator.models import CentreKind
from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES
from lodestar.organisations.models import Organisation


class DirectoryFilter(forms.Form):
    nation = forms.ChoiceField(label=_("Nation"), required=False)
    area = forms.ChoiceField(label=_("EDT area"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: Any, nations: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(NATION_CHOICES)
        choices: dict[str, list[tuple[str, Any]]] = {
            "nation": [("", _("All nations"))] + [(c, names.get(c, c)) for c in nations],
            "area": [("", _("All areas"))] + [(a.code, a.name) for a in EdtArea.objects.all()],
            "kind": [("", _("Sites and test centres")), *CentreKind.choices],
        }
        for name, options in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = options


class BookingForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Company"), queryset=Organisation.objects.none())
    starts_on = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    purpose = forms.CharField(
        label=_("What you will test"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(memberships__user=user)  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("refuse", _("Refuse"))])
    note = forms.CharField(label=_("Note to the company"), required=False, max_length=2000)
