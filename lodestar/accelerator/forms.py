from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.accelerator.models import AdoptionCase, CentreKind, SharedResult
from lodestar.accelerator.workflow import AdoptionStatus
from lodestar.core.models import Audience, EdtArea
from lodestar.core.nations import NATION_CHOICES
from lodestar.grants.forms import NOTE_AUDIENCES
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


# --- Cohorts --------------------------------------------------------------------------------------------
DATE = forms.DateInput(attrs={"type": "date"})


class FormCohortForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    months = forms.IntegerField(label=_("Months"), min_value=1, max_value=36, initial=6)


class TrlForm(forms.Form):
    trl = forms.IntegerField(label=_("Technology readiness level"), min_value=1, max_value=9)
    measured_on = forms.DateField(label=_("On"), widget=DATE)
    note = forms.CharField(
        label=_("Evidence (read by the programme team and the company)"), max_length=300, required=False
    )


class MentorForm(forms.Form):
    expert = forms.IntegerField(label=_("Expert"), min_value=1)
    focus = forms.CharField(
        label=_("Focus (read by the company and the mentor)"), max_length=300, required=False
    )


class ResultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SharedResult.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    language = forms.ChoiceField(label=_("Written in"), choices=[("en", _("English")), ("fr", _("French"))])
    shared = forms.BooleanField(label=_("Share it with the nations' end users"), required=False)


class PhaseTwoForm(forms.Form):
    opens_at = forms.DateTimeField(
        label=_("Opens at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("Closes at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    max_grant = forms.DecimalField(
        label=_("Maximum grant (EUR)"), max_digits=12, decimal_places=2, min_value=Decimal("1")
    )


class TargetForm(forms.Form):
    min_days = forms.IntegerField(label=_("From (days)"), min_value=1, max_value=730)
    max_days = forms.IntegerField(label=_("Up to (days)"), min_value=1, max_value=730)


# --- The road to adoption -------------------------------------------------------------------------------


class InterestForm(forms.Form):
    nation = forms.ChoiceField(label=_("For the nation"))
    need = forms.CharField(
        label=_("The need (read by the company and the programme team)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args: Any, nations: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(NATION_CHOICES)
        cast(forms.ChoiceField, self.fields["nation"]).choices = [(n, names.get(n, n)) for n in nations]


class AdvanceForm(forms.Form):
    to = forms.ChoiceField(choices=AdoptionStatus.choices)
    on = forms.DateField(label=_("On"), widget=DATE)
    route = forms.ChoiceField(
        label=_("Procurement route"), choices=[("", "—"), *AdoptionCase.Route.choices], required=False
    )
    contract_value = forms.DecimalField(
        label=_("Contract value (EUR)"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)
    # Internal by default (the nation's end users and the programme team); shared: the company too.
    audience = forms.ChoiceField(
        label=_("Who reads the note"),
        choices=NOTE_AUDIENCES,
        initial=Audience.INTERNAL,
        required=False,
        widget=forms.RadioSelect,
    )


class DemoDayForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200)
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200)
    description_en = forms.CharField(
        label=_("Programme (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_fr = forms.CharField(
        label=_("Programme (French)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class InviteForm(forms.Form):
    nations = forms.MultipleChoiceField(label=_("Invite the end users of"), choices=NATION_CHOICES)
