from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lodestar.radar import engine_adapter as adapter
from lodestar.radar.models import Blip, Document, Ring


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


class EditionForm(forms.Form):
    name = forms.CharField(label=_("Name of the edition"), max_length=120)


class BlipForm(forms.ModelForm):
    area = forms.ChoiceField(label=_("Sector (EDT area)"))
    ring = forms.ChoiceField(label=_("Ring"), choices=Ring.choices)
    documents = forms.ModelMultipleChoiceField(
        label=_("Evidence documents"),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("Documents that show why the blip is here."),
    )

    class Meta:
        model = Blip
        fields = ["name", "area", "ring", "rationale", "documents"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = "fr" if (get_language() or "en").startswith("fr") else "en"
        self.fields["area"].choices = [(c, adapter.area_name(c, language)) for c in adapter.AREA_CODES]  # type: ignore[attr-defined]
        self.fields["documents"].queryset = Document.objects.only("pk", "title", "published")  # type: ignore[attr-defined]
