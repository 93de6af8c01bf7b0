from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lodestar.radar import engine_adapter as adapter
from lodestar.radar.models import Blip, Document, Radar


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label=_("Files"),
        help_text=_("Plain text, HTML pages, PDF reports, or an RSS or Atom feed file; up to 20 MB each."),
    )


class FeedForm(forms.Form):
    url = forms.URLField(
        label=_("Feed address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("The address of an RSS or Atom feed (https://...); it is read now, then at each fetch."),
    )
    name = forms.CharField(label=_("Name of the source"), max_length=120, required=False)


class EditionForm(forms.Form):
    name = forms.CharField(label=_("Name of the edition"), max_length=120)
    radar = forms.ModelChoiceField(
        label=_("Radar"), queryset=Radar.objects.none(), required=False, empty_label=_("The first radar")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["radar"].queryset = Radar.objects.all()  # type: ignore[attr-defined]


class RadarForm(forms.Form):
    name = forms.CharField(label=_("Name of the radar"), max_length=120)
    rings = forms.CharField(
        label=_("Rings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "From the centre outwards, one ring a line, the English name then the French after a bar "
            "(for example: Field | Déployer). Leave empty for adopt, trial, assess, hold."
        ),
    )


class BlipForm(forms.ModelForm):
    area = forms.ChoiceField(label=_("Sector (EDT area)"))
    ring = forms.ChoiceField(label=_("Ring"))
    documents = forms.ModelMultipleChoiceField(
        label=_("Evidence documents"),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("Documents that show why the blip is here."),
    )

    class Meta:
        model = Blip
        fields = ["name", "name_fr", "area", "ring", "rationale", "rationale_fr", "documents"]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "rationale_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, radar: Radar, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = "fr" if (get_language() or "en").startswith("fr") else "en"
        self.fields["ring"].choices = radar.ring_choices(language)  # type: ignore[attr-defined]
        self.fields["area"].choices = [(c, adapter.area_name(c, language)) for c in adapter.AREA_CODES]  # type: ignore[attr-defined]
        self.fields["documents"].queryset = Document.objects.only("pk", "title", "published")  # type: ignore[attr-defined]
