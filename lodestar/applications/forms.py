from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.applications.actions import TeamMemberData
from lodestar.applications.models import Application
from lodestar.core.models import Audience
from lodestar.core.nations import nation_choices_or_none
from lodestar.organisations.models import Organisation
from lodestar.programmes.models import Question


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

    def clean_requested_amount(self) -> Any:
        amount = self.cleaned_data.get("requested_amount")
        if amount is not None and amount <= 0:
            raise forms.ValidationError(_("Enter an amount greater than zero."), code="amount")
        return amount

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
    nation = forms.ChoiceField(label=_("Nationality"), choices=nation_choices_or_none, required=False)
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
        label=_("Reason (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Read by the programme team; it stays in your application's history."),
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
        help_text=_(
            "Required when you override the automatic result, and when you mark as not eligible an "
            "application that no rule refuses (then shared with the applicant)."
        ),
    )
    audience = forms.ChoiceField(
        label=_("Who reads the note"),
        choices=Audience.choices,
        initial=Audience.INTERNAL,
        required=False,  # internal when not chosen (a client that predates the field)
        widget=forms.RadioSelect,
        help_text=_(
            "Internal notes stay with programme staff. A shared note is shown to the applicant on "
            "its application's page and quoted in the “not eligible” letter."
        ),
    )


class AnswersForm(forms.Form):
    """The call's own questions (built by staff in programmes), in the reader's language. Nothing is
    required to save a draft; required questions are checked on submission like the fixed fields."""

    def __init__(
        self, *args: Any, questions: Any, application: Application | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answers = {a.question_id: a for a in application.answers.all()} if application else {}
        for question in self.questions:
            field = self._field(question)
            field.label = question.label
            field.help_text = question.help
            field.required = False
            answer = answers.get(question.pk)
            if answer is not None and question.kind != Question.Kind.FILE:
                field.initial = answer.value
            elif answer is not None and answer.attachment is not None:
                sent = str(_("Sent: %(name)s.") % {"name": answer.attachment.original_name})
                field.help_text = " ".join(filter(None, [question.help, sent]))
            field.widget.attrs["data-required"] = "1" if question.required else "0"
            self.fields[f"q{question.pk}"] = field

    @staticmethod
    def _field(question: Question) -> forms.Field:
        kind = question.kind
        if kind == Question.Kind.LONG_TEXT:
            return forms.CharField(
                max_length=question.max_length or 5000, widget=forms.Textarea(attrs={"rows": 5})
            )
        if kind == Question.Kind.NUMBER:
            return forms.DecimalField(
                max_digits=14, decimal_places=2, min_value=question.min_value, max_value=question.max_value
            )
        if kind == Question.Kind.CHOICE:
            options = [(str(n), label) for n, label in enumerate(question.options(), start=1)]
            return forms.ChoiceField(choices=[("", "---------"), *options])
        if kind == Question.Kind.DATE:
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        if kind == Question.Kind.FILE:
            return forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))
        return forms.CharField(max_length=question.max_length or 300)

    @property
    def has_files(self) -> bool:
        return any(q.kind == Question.Kind.FILE for q in self.questions)

    def values(self) -> dict[int, str]:
        """The written answers, as kept: text as typed, numbers with a dot, dates in ISO form."""
        out = {}
        for question in self.questions:
            if question.kind == Question.Kind.FILE:
                continue
            value = self.cleaned_data.get(f"q{question.pk}")
            if value is None or value == "":
                out[question.pk] = ""
            elif question.kind == Question.Kind.DATE:
                out[question.pk] = value.isoformat()
            else:
                out[question.pk] = str(value).strip()
        return out

    def uploads(self) -> dict[int, Any]:
        return {
            q.pk: self.cleaned_data[f"q{q.pk}"]
            for q in self.questions
            if q.kind == Question.Kind.FILE and self.cleaned_data.get(f"q{q.pk}")
        }
