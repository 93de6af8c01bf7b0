"""Forms of assignment and reviewing: the rules of each stage, the choice of an expert, the review, a
decline."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lodestar.experts.models import Expert
from lodestar.reviews.actions import assignment, rubric
from lodestar.reviews.actions.reviewing import ReviewData
from lodestar.reviews.models import AssignmentRules, Review, ReviewRules


class AssignmentRulesForm(forms.ModelForm):
    class Meta:
        model = AssignmentRules
        fields = list(assignment.RULE_FIELDS)
        widgets = {"weak_match": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"})}
        help_texts = {
            "max_same_nation": _("Leave empty for no limit; 0 keeps experts of the applicant's nation away."),
        }


class ReviewRulesForm(forms.ModelForm):
    """The review rules besides the criteria (those are a formset of their own, `CriterionFormSet`)."""

    class Meta:
        model = ReviewRules
        fields = list(rubric.RULE_FIELDS)
        widgets = {
            "review_deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }
        help_texts = {
            "review_deadline": _("Experts see it and are reminded of it; later reviews are marked late."),
            "share_comments": _("Decision letters then quote the experts' comments, without their names."),
        }

    def __init__(self, *args: Any, may_share: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Shown to all staff, changed by the director only (the action refuses anyone else).
        self.fields["share_comments"].disabled = not may_share


class ExpertChoiceForm(forms.Form):
    expert = forms.ModelChoiceField(queryset=Expert.objects.none(), label=_("Expert"))

    def __init__(self, *args: Any, experts: QuerySet[Expert], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["expert"]).queryset = experts


SCORE_CHOICES = [("", "—"), *[(str(n), str(n)) for n in range(1, 6)]]


class ReviewForm(forms.Form):
    """One 1-5 score and one comment per criterion of the call's rubric, an overall comment and a
    recommendation. Nothing is required here: the submission checks completeness, so that a draft
    can be saved at any point."""

    overall = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), required=False, choices=[("", "—"), *Review.Recommendation.choices]
    )

    def __init__(self, *args: Any, setup: ReviewRules, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.codes = setup.criterion_codes
        # Who reads the comments, said next to each: the call decides whether letters quote them.
        audience = (
            _("Shared with the applicant in the decision letter, without your name.")
            if setup.share_comments
            else _("Internal: read by programme staff and the director; never sent to the applicant.")
        )
        self.fields["overall"].help_text = audience
        fields: dict[str, forms.Field] = {}
        for code in self.codes:
            label = setup.criterion_label(code, language)
            fields[f"score_{code}"] = forms.ChoiceField(
                label=label, required=False, choices=SCORE_CHOICES, widget=forms.RadioSelect
            )
            fields[f"comment_{code}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=audience,
            )
        # The criteria come first, in the rubric's order.
        self.fields = {**fields, **self.fields}

    @classmethod
    def initial_from(cls, review: Review | None) -> dict[str, Any]:
        if review is None:
            return {}
        initial: dict[str, Any] = {"overall": review.overall, "recommendation": review.recommendation}
        initial.update({f"score_{code}": str(value) for code, value in review.scores.items()})
        initial.update({f"comment_{code}": text for code, text in review.comments.items()})
        return initial

    def criteria(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"score_{code}"], self[f"comment_{code}"]) for code in self.codes]

    def review_data(self) -> ReviewData:
        data = self.cleaned_data
        return ReviewData(
            scores={
                code: int(data[f"score_{code}"]) if data.get(f"score_{code}") else None for code in self.codes
            },
            comments={code: data.get(f"comment_{code}", "") for code in self.codes},
            overall=data.get("overall", ""),
            recommendation=data.get("recommendation", ""),
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you decline?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example a link with the applicant, or no time before the deadline. "
            "Internal: read by programme staff only."
        ),
    )


class CriterionForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40, required=False)
    en = forms.CharField(label=_("Criterion (English)"), max_length=200)
    fr = forms.CharField(label=_("Criterion (French)"), max_length=200)
    weight = forms.FloatField(label=_("Weight"), min_value=0.1, max_value=10, initial=1.0)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=1, can_delete=True, max_num=12)
