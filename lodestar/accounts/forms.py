from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.accounts.models import User


class SignupExtraForm(forms.Form):
    """Fields that allauth's sign-up form asks for beyond e-mail and password."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def signup(self, request: Any, user: User) -> None:
        """allauth's hook; the account adapter has already stored the name with the user."""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language", "time_zone"]
