"""Partner science grants: partner nations and grant mechanisms as data, partner calls (a programmes
`Call` with its partner nations, mechanisms, eligibility rules and committee), proposals led by two
co-directors with their named end users, and the committee of nations' votes. A funded workshop,
institute or course is an engagement `Event` (agenda, registration, capacity, attendance, calendar
invitations), linked from its proposal.

A proposal's full stage is an `Application` of the call, so the first half's screening, review and
grants machinery runs it unchanged; the short stage lives here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.applications.models import Application
from lodestar.core.i18n import localized
from lodestar.core.nations import MEMBER_NATIONS, NATION_CHOICES
from lodestar.core.roles import PROGRAMME_TEAM, Role, Scope, ScopeKind, for_role
from lodestar.engagement.models import Event
from lodestar.organisations.models import Organisation, OrganisationType, is_member
from lodestar.partnerships import workflow as wf
from lodestar.programmes.models import Call, Challenge


def default_body_kinds() -> list[str]:
    """Only government, academic and non-profit bodies may lead a partner grant (shared/FACTS.md)."""
    return [
        OrganisationType.UNIVERSITY,
        OrganisationType.RESEARCH,
        OrganisationType.NONPROFIT,
        OrganisationType.GOVERNMENT,
    ]


def default_committee() -> list[str]:
    return list(MEMBER_NATIONS)


def committee_nations(user: Any) -> frozenset[str]:
    """The nations `user` sits for on a committee of nations (the committee-member role held for a
    nation); a committee member of the fund only sits for none."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(user.scopes_held(Role.COMMITTEE_MEMBER, kind=ScopeKind.NATION))


class PartnerNation(models.Model):
    """A nation outside the alliance that cooperates on chosen topics (Japan on cyber defence)."""

    code = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES, unique=True)
    topics_en = models.TextField(_("topics of cooperation (English)"), blank=True)
    topics_fr = models.TextField(_("topics of cooperation (French)"), blank=True)
    since = models.PositiveSmallIntegerField(_("partner since"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("partner nation")
        verbose_name_plural = _("partner nations")

    def __str__(self) -> str:
        return str(self.get_code_display())

    @property
    def topics(self) -> str:
        return localized(self, "topics")


class Mechanism(models.Model):
    """A grant mechanism and its limits: a multi-year project (two stages, months and euros), or an
    activity held on working days (workshop, study institute, training course: one stage). A limit
    left empty is not checked."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Project")
        ACTIVITY = "activity", _("Event (workshop, institute, course)")

    code = models.SlugField(_("code"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    two_stage = models.BooleanField(
        _("two stages"), default=False, help_text=_("A short proposal first, then a full one by invitation.")
    )
    min_amount = models.DecimalField(
        _("minimum grant (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_amount = models.DecimalField(
        _("maximum grant (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    min_months = models.PositiveSmallIntegerField(_("shortest (months)"), null=True, blank=True)
    max_months = models.PositiveSmallIntegerField(_("longest (months)"), null=True, blank=True)
    min_days = models.PositiveSmallIntegerField(_("shortest (working days)"), null=True, blank=True)
    max_days = models.PositiveSmallIntegerField(_("longest (working days)"), null=True, blank=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("grant mechanism")
        verbose_name_plural = _("grant mechanisms")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def is_project(self) -> bool:
        return self.kind == self.Kind.PROJECT


class PartnerCallQuerySet(models.QuerySet["PartnerCall"]):
    def published(self) -> PartnerCallQuerySet:
        return self.filter(call__is_published=True)

    def for_role(self, user: Any, roles: Any) -> PartnerCallQuerySet:
        return for_role(self, user, roles, kind=ScopeKind.PROGRAMME, via="call__programme")


class PartnerCall(models.Model):
    """What makes a programmes `Call` a partner call. The call's own deadline is the full proposals';
    short proposals close at `short_closes_at`. The committee is one seat per nation of
    `committee_nations`; a decision needs votes from `quorum` nations."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="partnership")
    partner_nations = models.ManyToManyField(
        PartnerNation, verbose_name=_("partner nations"), related_name="calls"
    )
    mechanisms = models.ManyToManyField(Mechanism, verbose_name=_("mechanisms"), related_name="calls")
    short_closes_at = models.DateTimeField(_("short proposals close at"))
    eligible_body_kinds = models.JSONField(_("eligible bodies"), default=default_body_kinds)
    committee_nations = models.JSONField(_("nations on the committee"), default=default_committee)
    quorum = models.PositiveSmallIntegerField(
        _("quorum (nations voting)"), default=5, validators=[MinValueValidator(1)]
    )

    objects = PartnerCallQuerySet.as_manager()

    class Meta:
        ordering = ["-call__opens_at"]
        verbose_name = _("partner call")
        verbose_name_plural = _("partner calls")

    def __str__(self) -> str:
        return str(self.call)

    @property
    def role_scope(self) -> Scope:
        return self.call.role_scope

    def short_is_open(self, at: Any = None) -> bool:
        at = at or timezone.now()
        return self.call.opens_at <= at < self.short_closes_at


class PartnerRule(models.Model):
    """One eligibility rule of a partner call; its code names the check (partnerships/eligibility.py)
    and its message, in both languages, is what the co-directors and staff read when it is not met."""

    class Code(models.TextChoices):
        MEMBER_CO_DIRECTOR = "member_co_director", _("A co-director from a member nation")
        PARTNER_CO_DIRECTOR = "partner_co_director", _("A co-director from a partner nation")
        BODY = "body", _("Government, academic or non-profit bodies only")
        END_USER = "end_user", _("At least one end user named")
        AMOUNT = "amount", _("Grant within the mechanism's range")
        DURATION = "duration", _("Duration within the mechanism's range")

    partner_call = models.ForeignKey(PartnerCall, on_delete=models.CASCADE, related_name="rules")
    code = models.CharField(_("rule"), max_length=32, choices=Code.choices)
    message_en = models.CharField(_("message (English)"), max_length=300)
    message_fr = models.CharField(_("message (French)"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        ordering = ["partner_call", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["partner_call", "code"], name="one_partner_rule_per_code")
        ]
        verbose_name = _("partner eligibility rule")
        verbose_name_plural = _("partner eligibility rules")

    def __str__(self) -> str:
        return str(self.get_code_display())

    @property
    def message(self) -> str:
        return localized(self, "message")


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def visible_to(self, user: Any) -> ProposalQuerySet:
        """The proposing organisation's members see theirs; the programme team those of its
        programmes; committee members what is before the committee or was decided by it. Reviewers
        read the full proposals assigned to them through the review pages, not here."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.has_role(*PROGRAMME_TEAM):
            return self
        mine = models.Q(organisation__memberships__user=user)
        team = self.for_role(user, PROGRAMME_TEAM)
        mine |= models.Q(pk__in=team.values("pk"))
        if committee_nations(user):
            mine |= models.Q(status__in=wf.FOR_COMMITTEE)
        return self.filter(mine).distinct()

    def for_role(self, user: Any, roles: Any) -> ProposalQuerySet:
        return for_role(self, user, roles, kind=ScopeKind.PROGRAMME, via="partner_call__call__programme")


class Proposal(models.Model):
    """A proposal to a partner call, led by two co-directors. `organisation` is the member
    co-director's body, whose members edit and submit it. `application` carries the full proposal
    through screening, review and the award (created with the proposal, sent at the full stage)."""

    workflow = wf.PROPOSAL_WORKFLOW

    partner_call = models.ForeignKey(PartnerCall, on_delete=models.PROTECT, related_name="proposals")
    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="proposals")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partner_proposals")
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="partner_proposal")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outline = models.TextField(
        _("short proposal"),
        help_text=_("The problem, the approach and the partnership, in at most 3,000 characters."),
        max_length=3000,
    )
    months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    days = models.PositiveSmallIntegerField(_("duration (working days)"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=list(wf.STATES.items()), default=wf.DRAFT)
    eligibility_report = models.JSONField(_("eligibility report"), default=list, blank=True)
    short_submitted_at = models.DateTimeField(_("short proposal submitted"), null=True, blank=True)
    full_submitted_at = models.DateTimeField(_("full proposal submitted"), null=True, blank=True)
    # Read by the co-directors and the programme team.
    screening_note = models.TextField(_("screening note (read by the co-directors)"), blank=True)
    # The committee's minutes: read by the co-directors, the programme team and the committee.
    minutes = models.TextField(_("decision and minutes"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # The workshop, institute or course an approved activity grant holds: an engagement event.
    event = models.OneToOneField(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_proposal",
        verbose_name=_("event"),
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["partner_call", "status"])]
        verbose_name = _("partner proposal")
        verbose_name_plural = _("partner proposals")

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"P-{self.pk:05d}" if self.pk else "P-new"

    @property
    def title(self) -> str:
        return self.application.title

    @property
    def challenge(self) -> Challenge:
        return self.application.challenge

    @property
    def role_scope(self) -> Scope:
        return self.partner_call.call.role_scope

    def is_member(self, user: Any) -> bool:
        return is_member(self.organisation_id, user)

    @property
    def status_label(self) -> str:
        return wf.PROPOSAL_WORKFLOW.label(self.status)

    @property
    def is_editable(self) -> bool:
        return self.status in wf.EDITABLE

    @property
    def eligible(self) -> bool:
        """Whether every rule was met when the proposal was last sent."""
        return all(o.get("met") for o in self.eligibility_report)

    @property
    def full_stage(self) -> bool:
        """Whether the next submission is the full proposal (one-stage mechanisms start there)."""
        return self.status == wf.INVITED or (self.status == wf.DRAFT and not self.mechanism.two_stage)


class CoDirector(models.Model):
    """One of the two co-directors: who they are and where they are a national, live and work."""

    class Side(models.TextChoices):
        MEMBER = "member", _("Member-nation co-director")
        PARTNER = "partner", _("Partner-nation co-director")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="co_directors")
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    nationality = models.CharField(_("nationality"), max_length=2, choices=NATION_CHOICES)
    residence = models.CharField(_("country of residence"), max_length=2, choices=NATION_CHOICES)
    employer = models.CharField(_("employer"), max_length=200)
    employer_kind = models.CharField(_("type of employer"), max_length=16, choices=OrganisationType.choices)
    employer_nation = models.CharField(_("employer's nation"), max_length=2, choices=NATION_CHOICES)

    class Meta:
        ordering = ["proposal", "side"]
        constraints = [models.UniqueConstraint(fields=["proposal", "side"], name="one_co_director_per_side")]
        verbose_name = _("co-director")
        verbose_name_plural = _("co-directors")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_side_display()})"


class EndUser(models.Model):
    """An end user the proposal names: who will use its results (a national cyber command...)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="end_users")
    organisation = models.CharField(_("end-user organisation"), max_length=200)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    contact = models.CharField(_("contact"), max_length=150, blank=True)

    class Meta:
        ordering = ["proposal", "id"]
        verbose_name = _("end user")
        verbose_name_plural = _("end users")

    def __str__(self) -> str:
        return self.organisation


class NationVote(models.Model):
    """One nation's vote on a proposal before the committee: one per nation, cast by a committee
    member who holds the role for that nation, final once cast."""

    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        ABSTAIN = "abstain", _("Abstain")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    choice = models.CharField(_("vote"), max_length=8, choices=Choice.choices)
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(_("cast"), default=timezone.now)

    class Meta:
        ordering = ["proposal", "nation"]
        constraints = [models.UniqueConstraint(fields=["proposal", "nation"], name="one_vote_per_nation")]
        verbose_name = _("nation's vote")
        verbose_name_plural = _("nations' votes")

    def __str__(self) -> str:
        return f"{self.nation}: {self.get_choice_display()}"
