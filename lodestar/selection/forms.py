"""Forms of cohort selection: the call's selection rules, and a director's override."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.organisations.models import OrganisationType
from lodestar.selection.models import SelectionEntry, SelectionRules

TYPE_PREFIX = "type_"
CLEAR = "clear"


class SelectionRulesForm(forms.ModelForm):
    """The call's selection rules, with one small field per organisation type for its minimum."""

    class Meta:
        model = SelectionRules
        fields = [
            "budget",
            "min_per_challenge",
            "max_per_challenge",
            "max_nation_share",
            "min_nations",
        ]
        help_texts = {
            "max_per_challenge": _("Leave empty for no maximum."),
            "max_nation_share": _("Of those selected, in per cent. Leave empty for no limit."),
        }

    def __init__(self, *args: Any, types: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        minimums = self.instance.min_per_type or {}
        for code in types or []:
            label = OrganisationType(code).label if code in OrganisationType.values else code
            self.fields[TYPE_PREFIX + code] = forms.IntegerField(
                label=_("Minimum of type “%(type)s”") % {"type": label},
                min_value=0,
                max_value=10_000,
                initial=minimums.get(code, 0),
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_per_challenge"), data.get("max_per_challenge")
        if low is not None and high is not None and high < low:
            self.add_error(
                "max_per_challenge", _("The maximum per challenge cannot be below the minimum per challenge.")
            )
        budget = data.get("budget")
        if budget is not None and budget <= 0:
            self.add_error("budget", _("The budget must be greater than zero."))
        return data

    def rule_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}

    def type_minimums(self) -> dict[str, int]:
        return {
            name.removeprefix(TYPE_PREFIX): int(value or 0)
            for name, value in self.cleaned_data.items()
            if name.startswith(TYPE_PREFIX)
        }

    def type_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(TYPE_PREFIX)]

    def rule_bound_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith(TYPE_PREFIX)]


class OverrideForm(forms.Form):
    override = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (SelectionEntry.Override.FORCE_IN, _("Take it into the cohort")),
            (SelectionEntry.Override.FORCE_OUT, _("Leave it out of the cohort")),
            (CLEAR, _("Withdraw the override: let the rules decide")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "Required. Internal: recorded with your name in the history of the application and read "
            "by programme staff only; the applicant never sees it."
        ),
    )

    def chosen_override(self) -> str:
        """The override as stored on an entry ("" to withdraw one)."""
        value = self.cleaned_data["override"]
        return "" if value == CLEAR else str(value)
