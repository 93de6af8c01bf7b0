from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import nation_choices_or_none
from lodestar.organisations.actions import ShareholderData, check_shareholders
from lodestar.organisations.models import Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "legal_name",
            "headquarters_nation",
            "kind",
            "year_founded",
            "employees",
            "website",
            "description",
            "areas",
        ]
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["headquarters_nation"].choices = nation_choices_or_none()  # type: ignore[attr-defined]

    def clean_year_founded(self) -> int:
        year = self.cleaned_data["year_founded"]
        if year > timezone.now().year:
            raise forms.ValidationError(_("The year founded cannot be in the future."))
        return year


class ShareholderForm(forms.Form):
    name = forms.CharField(label=_("Shareholder"), max_length=200)
    nation = forms.ChoiceField(label=_("Nation"), choices=nation_choices_or_none)
    percentage = forms.DecimalField(
        label=_("Percentage"), min_value=Decimal("0.01"), max_value=Decimal(100), decimal_places=2
    )

    def as_data(self) -> ShareholderData:
        return ShareholderData(
            name=self.cleaned_data["name"],
            nation=self.cleaned_data["nation"],
            percentage=self.cleaned_data["percentage"],
        )


class BaseShareholderFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        try:
            check_shareholders(self.shareholders())
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc

    def shareholders(self) -> list[ShareholderData]:
        return [f.as_data() for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


ShareholderFormSet = forms.formset_factory(
    ShareholderForm, formset=BaseShareholderFormSet, extra=2, can_delete=True
)


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial="en",
        required=False,
        help_text=_("Used when the address has no account yet; otherwise the person's own language."),
    )
