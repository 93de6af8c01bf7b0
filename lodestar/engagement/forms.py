from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.core.models import EdtArea
from lodestar.core.nations import NATION_CHOICES
from lodestar.engagement.models import (
    ConsentPurpose,
    Consultation,
    Contribution,
    Event,
    Person,
    RelationshipKind,
)
from lodestar.organisations.models import OrganisationType

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    nations_allowed = forms.MultipleChoiceField(
        label=_("nations allowed"),
        choices=NATION_CHOICES,
        required=False,
        help_text=_("None chosen: every nation."),
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "starts_at",
            "ends_at",
            "venue",
            "city",
            "nation",
            "online",
            "partner",
            "capacity",
            "needs_approval",
            "invitation_only",
            "nations_allowed",
        ]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # 20,000 organisations make no usable <select>: the partner is typed as its id (shown on
        # every directory row), and checked by the field.
        self.fields["partner"].widget = forms.NumberInput()
        self.fields["partner"].help_text = _("The organisation's number, as shown in the directory.")


class AgendaItemForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("ends"), widget=DATETIME)
    title_en = forms.CharField(label=_("title (English)"), max_length=200)
    title_fr = forms.CharField(label=_("title (French)"), max_length=200)
    speakers = forms.CharField(
        label=_("speakers"),
        required=False,
        help_text=_("Numbers of people in the directory, separated by commas."),
    )


class EnrolForm(forms.Form):
    person = forms.IntegerField(label=_("person"), min_value=1, help_text=_("Their number in the directory."))
    note = forms.CharField(label=_("note"), max_length=1000, required=False)


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, or separated by commas."),
    )


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["minutes_en", "minutes_fr"]


class RegisterForm(forms.Form):
    note = forms.CharField(
        label=_("note to the organisers"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Read by the engagement officers."),
    )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "email", "role", "nation", "languages"]


class ConsentForm(forms.Form):
    def __init__(self, *args: Any, current: dict[str, bool] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for purpose, label in ConsentPurpose.choices:
            self.fields[purpose] = forms.BooleanField(
                label=label, required=False, initial=(current or {}).get(purpose, False)
            )


class DirectoryFilter(forms.Form):
    q = forms.CharField(label=_("name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("type"), required=False, choices=[("", _("all"))] + list(OrganisationType.choices)
    )
    nation = forms.ChoiceField(label=_("nation"), required=False, choices=[("", _("all"))] + NATION_CHOICES)
    area = forms.ModelChoiceField(
        label=_("EDT area"), required=False, queryset=EdtArea.objects.all(), to_field_name="code"
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class RelationshipForm(forms.Form):
    kind = forms.ChoiceField(label=_("relationship"), choices=RelationshipKind.choices)
    target = forms.IntegerField(label=_("other organisation (number)"), min_value=1)
    since = forms.DateField(label=_("since"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["kind", "title", "body", "language", "show_author"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("publish", _("Publish")), ("hide", _("Hide"))])
    reason = forms.CharField(
        label=_("reason (read by the author)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("what became of it (public)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("action"), max_length=250)
    owner = forms.EmailField(label=_("owner (e-mail of a user)"))
    due_on = forms.DateField(label=_("due on"), widget=forms.DateInput(attrs={"type": "date"}))


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["title_en", "title_fr", "question_en", "question_fr", "closes_on", "matching_enabled"]
        widgets = {"closes_on": forms.DateInput(attrs={"type": "date"})}
