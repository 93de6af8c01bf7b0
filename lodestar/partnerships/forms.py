"""Forms of partner proposals: they parse and validate input; the actions check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import NATION_CHOICES
from lodestar.organisations.models import OrganisationType
from lodestar.partnerships.actions import CoDirectorData, EndUserData, ProposalData
from lodestar.partnerships.models import Mechanism, NationVote, Proposal

END_USER_ROWS = 3
CO_DIRECTOR_FIELDS = (
    "full_name",
    "email",
    "nationality",
    "residence",
    "employer",
    "employer_kind",
    "employer_nation",
)


def _co_director_fields(prefix: str) -> dict[str, forms.Field]:
    return {
        f"{prefix}_full_name": forms.CharField(label=_("Full name"), max_length=150),
        f"{prefix}_email": forms.EmailField(label=_("E-mail")),
        f"{prefix}_nationality": forms.ChoiceField(label=_("Nationality"), choices=NATION_CHOICES),
        f"{prefix}_residence": forms.ChoiceField(label=_("Country of residence"), choices=NATION_CHOICES),
        f"{prefix}_employer": forms.CharField(label=_("Employer"), max_length=200),
        f"{prefix}_employer_kind": forms.ChoiceField(
            label=_("Type of employer"), choices=OrganisationType.choices
        ),
        f"{prefix}_employer_nation": forms.ChoiceField(label=_("Employer's nation"), choices=NATION_CHOICES),
    }


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=1500, widget=forms.Textarea(attrs={"rows": 3}))
    outline = forms.CharField(
        label=_("Short proposal"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The problem, the approach and the partnership, in at most 3,000 characters."),
    )
    description = forms.CharField(
        label=_("Full proposal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Objectives, work plan, budget and the end user's part, in at least 200 characters: due with "
            "the first submission of a workshop, institute or course, and once invited for a project."
        ),
    )
    requested_amount = forms.DecimalField(
        label=_("Requested grant (EUR)"), max_digits=12, decimal_places=2, min_value=1
    )
    months = forms.IntegerField(
        label=_("Duration (months)"), required=False, min_value=1, max_value=60, help_text=_("For a project.")
    )
    days = forms.IntegerField(
        label=_("Duration (working days)"),
        required=False,
        min_value=1,
        max_value=60,
        help_text=_("For a workshop, institute or course."),
    )
    starts_on = forms.DateField(
        label=_("Starts on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_co_director_fields("member"))
        self.fields.update(_co_director_fields("partner"))
        for i in range(1, END_USER_ROWS + 1):
            self.fields[f"end_user_{i}_organisation"] = forms.CharField(
                label=_("End-user organisation"), max_length=200, required=False
            )
            self.fields[f"end_user_{i}_nation"] = forms.ChoiceField(
                label=_("Nation"), choices=[("", "—"), *NATION_CHOICES], required=False
            )
            self.fields[f"end_user_{i}_contact"] = forms.CharField(
                label=_("Contact"), max_length=150, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, END_USER_ROWS + 1):
            if data.get(f"end_user_{i}_organisation") and not data.get(f"end_user_{i}_nation"):
                self.add_error(f"end_user_{i}_nation", _("Give the end user's nation."))
        return data

    def layout(self) -> dict[str, Any]:
        """The bound fields in the order of the page."""
        names = [
            "title",
            "summary",
            "outline",
            "description",
            "requested_amount",
            "months",
            "days",
            "starts_on",
            "venue",
        ]
        return {
            "main_fields": [self[name] for name in names],
            "member_rows": self.co_director_rows("member"),
            "partner_rows": self.co_director_rows("partner"),
        }

    def co_director_rows(self, prefix: str) -> list[Any]:
        return [self[f"{prefix}_{name}"] for name in CO_DIRECTOR_FIELDS]

    def end_user_rows(self) -> list[list[Any]]:
        return [
            [self[f"end_user_{i}_{name}"] for name in ("organisation", "nation", "contact")]
            for i in range(1, END_USER_ROWS + 1)
        ]

    def data_for_action(self) -> ProposalData:
        d = self.cleaned_data

        def person(prefix: str) -> CoDirectorData:
            return CoDirectorData(**{name: d[f"{prefix}_{name}"] for name in CO_DIRECTOR_FIELDS})

        users = tuple(
            EndUserData(
                d[f"end_user_{i}_organisation"], d[f"end_user_{i}_nation"], d[f"end_user_{i}_contact"]
            )
            for i in range(1, END_USER_ROWS + 1)
            if d.get(f"end_user_{i}_organisation")
        )
        return ProposalData(
            title=d["title"],
            summary=d["summary"],
            outline=d["outline"],
            description=d["description"],
            requested_amount=d["requested_amount"],
            months=d["months"],
            days=d["days"],
            starts_on=d["starts_on"],
            venue=d["venue"],
            member=person("member"),
            partner=person("partner"),
            end_users=users,
        )

    @classmethod
    def initial_for(cls, proposal: Proposal) -> dict[str, Any]:
        application = proposal.application
        initial: dict[str, Any] = {
            "title": application.title,
            "summary": application.summary,
            "outline": proposal.outline,
            "description": application.description,
            "requested_amount": application.requested_amount,
            "months": proposal.months,
            "days": proposal.days,
            "starts_on": proposal.starts_on,
            "venue": proposal.venue,
        }
        for person in proposal.co_directors.all():
            for name in CO_DIRECTOR_FIELDS:
                initial[f"{person.side}_{name}"] = getattr(person, name)
        for i, user in enumerate(proposal.end_users.all()[:END_USER_ROWS], start=1):
            initial |= {
                f"end_user_{i}_organisation": user.organisation,
                f"end_user_{i}_nation": user.nation,
                f"end_user_{i}_contact": user.contact,
            }
        return initial


class StartForm(forms.Form):
    """What a new proposal answers: the topic, the mechanism and the member co-director's body."""

    challenge = forms.ChoiceField(label=_("Topic"))
    mechanism = forms.ModelChoiceField(label=_("Mechanism"), queryset=Mechanism.objects.none())
    organisation = forms.ChoiceField(label=_("Proposing body (the member co-director's)"))

    def __init__(self, *args: Any, topics: Any, mechanisms: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Typed as Field in the stubs; these are a ChoiceField and a ModelChoiceField.
        self.fields["challenge"].choices = [(str(c.pk), c.title) for c in topics]  # type: ignore[attr-defined]
        self.fields["mechanism"].queryset = mechanisms  # type: ignore[attr-defined]
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            (str(o.pk), o.legal_name) for o in organisations
        ]


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("invite", _("Invite a full proposal")),
            ("not_invited", _("Do not invite")),
            ("ineligible", _("Not eligible")),
        ],
    )
    note = forms.CharField(
        label=_("Note (read by the co-directors)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VoteForm(forms.Form):
    nation = forms.ChoiceField(label=_("For the nation"))
    choice = forms.ChoiceField(label=_("Vote"), choices=NationVote.Choice.choices)

    def __init__(self, *args: Any, nations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = nations  # type: ignore[attr-defined]  # a ChoiceField


DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class OpenEventForm(forms.Form):
    """The event of an approved workshop or course: when, how many places, and whether the
    organisers approve each registration."""

    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10_000)
    needs_approval = forms.BooleanField(label=_("Registrations need approval"), required=False)
    # The proposal's title fills both; the organisers put it in each language for the event's readers.
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    summary_en = forms.CharField(
        label=_("Summary (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    summary_fr = forms.CharField(
        label=_("Summary (French)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
