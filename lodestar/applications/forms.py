from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.applications.actions import TeamMemberData
from lodestar.applications.models import Application
from lodestar.core.nations import nation_choices_or_none
from lodestar.organisations.models import Organisation


class ApplicationForm(forms.ModelForm):
    """The draft form. Only the title is needed to save; completeness is checked on submission."""

    class Meta:
        model = Application
        fields = ["title", "summary", "description", "trl", "requested_amount", "areas"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4, "maxlength": 1500}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "areas": forms.CheckboxSelectMultiple,
            "trl": forms.Select(choices=[("", "---------")] + [(i, str(i)) for i in range(1, 10)]),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("summary", "description", "areas"):
            self.fields[name].required = False
        self.fields["requested_amount"].widget.attrs.update({"min": 1, "step": "0.01"})

    def draft_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in ("title", "trl", "requested_amount")} | {
            "summary": data.get("summary") or "",
            "description": data.get("description") or "",
        }


class StartApplicationForm(ApplicationForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Applying organisation")
    )

    class Meta(ApplicationForm.Meta):
        fields = ["organisation", *ApplicationForm.Meta.fields]

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class TeamMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.CharField(label=_("Role"), max_length=150)
    nation = forms.ChoiceField(
        label=_("Nationality"), choices=nation_choices_or_none, required=False
    )
    expertise = forms.CharField(label=_("Expertise"), max_length=300, required=False)

    def as_data(self) -> TeamMemberData:
        d = self.cleaned_data
        return TeamMemberData(
            name=d["name"], role=d["role"], nation=d.get("nation", ""), expertise=d.get("expertise", "")
        )


class BaseTeamFormSet(forms.BaseFormSet):
    def members(self) -> list[TeamMemberData]:
        return [f.as_data() for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


TeamFormSet = forms.formset_factory(
    TeamMemberForm, formset=BaseTeamFormSet, extra=1, can_delete=True, max_num=20
)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("PDF document"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"})
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept the automatic result")),
            ("eligible", _("Eligible")),
            ("ineligible", _("Not eligible")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you override the automatic result."),
    )
