"""Set-up forms for programme staff: programmes, calls and their phases, challenges, eligibility
rules and the call's own application form (questions), all in both languages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.core.models import EdtArea
from lodestar.core.nations import nation_choices
from lodestar.organisations.models import OrganisationType
from lodestar.programmes.models import Call, Challenge, EligibilityRule, Phase, Programme, Question

BILINGUAL_TEXT = {"rows": 4}


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["slug", "name_en", "name_fr", "description_en", "description_fr"]
        widgets = {
            "description_en": forms.Textarea(attrs=BILINGUAL_TEXT),
            "description_fr": forms.Textarea(attrs=BILINGUAL_TEXT),
        }


class CallForm(forms.ModelForm):
    """A call's dates, texts and conditions. Dates are in the programme's time zone."""

    eligible_nations = forms.MultipleChoiceField(
        label=_("Eligible nations"), widget=forms.CheckboxSelectMultiple, choices=nation_choices
    )
    eligible_org_types = forms.MultipleChoiceField(
        label=_("Eligible organisation types"),
        widget=forms.CheckboxSelectMultiple,
        choices=OrganisationType.choices,
    )

    class Meta:
        model = Call
        fields = [
            "slug",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "opens_at",
            "closes_at",
            "is_published",
            "max_grant",
            "foreign_ownership_threshold",
            "eligible_nations",
            "eligible_org_types",
        ]
        widgets = {
            "description_en": forms.Textarea(attrs=BILINGUAL_TEXT),
            "description_fr": forms.Textarea(attrs=BILINGUAL_TEXT),
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["slug"].disabled = True  # links and letters already carry it
        self.fields["max_grant"].widget.attrs.update({"min": 1, "step": "1"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The call must close after it opens."))
        if data.get("max_grant") is not None and data["max_grant"] <= 0:
            self.add_error("max_grant", _("The maximum grant must be greater than zero."))
        return data


PhaseFormSet: Any = forms.inlineformset_factory(
    Call,
    Phase,
    fields=["position", "name_en", "name_fr", "duration_months", "grant", "description_en", "description_fr"],
    widgets={
        "description_en": forms.Textarea(attrs={"rows": 2}),
        "description_fr": forms.Textarea(attrs={"rows": 2}),
    },
    extra=1,
    can_delete=True,
)


class ChallengeForm(forms.ModelForm):
    areas = forms.ModelMultipleChoiceField(
        label=_("EDT areas"),
        queryset=EdtArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Challenge
        fields = [
            "slug",
            "position",
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "description_en",
            "description_fr",
            "areas",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3 if name.startswith("summary") else 8})
            for name in ("summary_en", "summary_fr", "description_en", "description_fr")
        }


class RuleForm(forms.ModelForm):
    """One eligibility rule: on or off, what happens when it is not met, and its message."""

    enabled = forms.BooleanField(label=_("Applied"), required=False)

    class Meta:
        model = EligibilityRule
        fields = ["when_failed", "message_en", "message_fr"]


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "kind",
            "label_en",
            "label_fr",
            "help_en",
            "help_fr",
            "required",
            "options_en",
            "options_fr",
            "max_length",
            "min_value",
            "max_value",
        ]
        widgets = {
            "options_en": forms.Textarea(attrs={"rows": 4}),
            "options_fr": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Question.Kind.CHOICE:
            english = [x for x in (data.get("options_en") or "").splitlines() if x.strip()]
            french = [x for x in (data.get("options_fr") or "").splitlines() if x.strip()]
            if len(english) < 2:
                self.add_error("options_en", _("A choice needs at least two options, one per line."))
            elif len(english) != len(french):
                self.add_error(
                    "options_fr", _("Give as many French options as English ones, in the same order.")
                )
        low, high = data.get("min_value"), data.get("max_value")
        if low is not None and high is not None and low > high:
            self.add_error("max_value", _("The maximum is below the minimum."))
        return data
