"""Forms of the experts and conflicts pages: they parse and validate; the actions act."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import nation_choices_or_none
from lodestar.experts.actions import DocumentData, EmploymentData, too_many_documents_message
from lodestar.experts.models import MAX_DOCUMENTS, Expert, ExpertDocument

LANGUAGE_CHOICES = [("en", _("English")), ("fr", _("French"))]
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _year_field(label: Any, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1950, max_value=date.today().year + 1, required=required)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    nation = forms.ChoiceField(label=_("Nation"), choices=nation_choices_or_none)
    pool = forms.ChoiceField(label=_("Pool"), choices=Expert.Pool.choices)
    language = forms.ChoiceField(
        label=_("Language of the letter"), choices=LANGUAGE_CHOICES, initial="en", widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Personal message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the letter as you write it."),
    )


class ExpertProfileForm(forms.ModelForm):
    review_languages = forms.MultipleChoiceField(
        label=_("Languages I review in"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Expert
        fields = [
            "expertise",
            "keywords",
            "areas",
            "nation",
            "organisation_name",
            "max_load",
            "available",
        ]
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 6}),
            "areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "expertise": _("What you know and have done, in English or French: this is what matching reads."),
            "keywords": _("Separated by commas."),
            "max_load": _("The most applications you can review in one call."),
            "available": _("Untick when you cannot review for a while."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["review_languages"].initial = self.instance.review_languages
        self.fields["areas"].required = False
        self.fields["nation"].choices = nation_choices_or_none()  # type: ignore[attr-defined]

    def profile_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("expertise", "keywords", "nation", "organisation_name", "max_load", "available")
        } | {"review_languages": list(data["review_languages"])}


class EmploymentForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    start_year = _year_field(_("From"))
    end_year = _year_field(_("Until"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            raise ValidationError(_("The end year comes before the start year."))
        return data

    def as_data(self) -> EmploymentData:
        d = self.cleaned_data
        return EmploymentData(d["organisation_name"], d["start_year"], d.get("end_year"))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ExpertDocument.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    year = _year_field(_("Year"), required=False)
    authors = forms.CharField(
        label=_("Authors or partners"),
        max_length=500,
        required=False,
        help_text=_("Separated by semicolons."),
    )
    abstract = forms.CharField(label=_("Abstract"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def as_data(self) -> DocumentData:
        d = self.cleaned_data
        return DocumentData(
            title=d["title"],
            kind=d["kind"],
            abstract=d.get("abstract") or "",
            year=d.get("year"),
            authors=d.get("authors") or "",
        )


class _RowsFormSet(forms.BaseFormSet):
    def kept(self) -> list[forms.Form]:
        # An untouched extra row has empty cleaned_data; a row kept from before has its values.
        return [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


class BaseEmploymentFormSet(_RowsFormSet):
    def rows(self) -> list[EmploymentData]:
        return [f.as_data() for f in self.kept()]  # type: ignore[attr-defined]


class BaseDocumentFormSet(_RowsFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        if len(self.kept()) > MAX_DOCUMENTS:
            raise ValidationError(too_many_documents_message())

    def rows(self) -> list[DocumentData]:
        return [f.as_data() for f in self.kept()]  # type: ignore[attr-defined]


EmploymentFormSet = forms.formset_factory(
    EmploymentForm, formset=BaseEmploymentFormSet, extra=1, can_delete=True, max_num=30, absolute_max=40
)
# One more row than allowed is shown, so that a 21st entry meets a clear message, not a missing row.
DocumentFormSet = forms.formset_factory(
    DocumentForm,
    formset=BaseDocumentFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_DOCUMENTS + 1,
    absolute_max=MAX_DOCUMENTS + 10,
)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file (UTF-8)"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"})
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        return upload


# --- Conflicts ------------------------------------------------------------------------------------


class DismissForm(forms.Form):
    note = forms.CharField(
        label=_("Why is this not a conflict?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Internal: read by programme staff only."),
    )


class OrganisationDeclarationForm(forms.Form):
    name = forms.CharField(label=_("Organisation"), max_length=200)
    reason = forms.CharField(
        label=_("Tie (optional)"),
        required=False,
        max_length=1000,
        help_text=_(
            "For example: shareholder, adviser, family member works there. Read by programme staff only."
        ),
    )


class AssignmentDeclarationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you should not review it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Read by programme staff only; the applicant never sees it."),
    )


class ApplicantDeclarationForm(forms.Form):
    names = forms.CharField(
        label=_("People or organisations"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One name per line: competitors, former partners, anyone who should not review you."),
    )
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        help_text=_("Read by programme staff only; the experts you name never see it."),
    )

    def clean_names(self) -> list[str]:
        names = [line.strip()[:200] for line in self.cleaned_data["names"].splitlines() if line.strip()]
        if not names:
            raise ValidationError(_("Write at least one name."))
        if len(names) > 20:
            raise ValidationError(_("Declare at most 20 names at a time."))
        return list(dict.fromkeys(names))
