from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.accounts.models import User
from lodestar.accounts.time_zones import grouped_time_zone_choices


class SignupExtraForm(forms.Form):
    """Fields that allauth's sign-up form asks for beyond e-mail and password."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def signup(self, request: Any, user: User) -> None:
        """allauth's hook; the account adapter has already stored the name with the user."""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language", "time_zone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[Any] = grouped_time_zone_choices()
        current = self.instance.time_zone
        if current and all(current != zone for _group, zones in choices for zone, _label in zones):
            choices.append((_("Other"), [(current, current)]))  # a zone kept from before, still valid
        self.fields["time_zone"].choices = choices  # type: ignore[attr-defined]
