"""The deep-tech fund: the fund and its rules, limited partners (one per nation) and their
commitments, capital calls and distributions with one notice per partner, deals on the pipeline
board, shareholdings for ownership screening, screening lists and the findings a person clears."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import NATION_CHOICES
from lodestar.core.roles import Scope, ScopeKind
from lodestar.fund import workflow as wf
from lodestar.organisations.models import Organisation


def default_rules() -> dict[str, Any]:
    """The fund's rules as data (shared/FACTS.md gives the real fund's): read by the actions."""
    return {
        "stages": ["pre_seed", "seed", "series_a", "series_b"],
        "max_first_cheque": "15000000.00",
        "excluded_sectors": ["weapons"],
        "concentration_limit": "0.10",  # at most 10 % of the fund in one company
        "outside_ownership_limit": "0.25",  # a finding above 25 % held from outside the partners
    }


class Fund(models.Model):
    name = models.CharField(_("name"), max_length=200)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    size = models.DecimalField(_("size"), max_digits=16, decimal_places=2)
    term_years = models.PositiveSmallIntegerField(_("term in years"), default=15)
    investment_period_years = models.PositiveSmallIntegerField(_("investment period in years"), default=5)
    first_close = models.DateField(_("first close"))
    rules = models.JSONField(_("rules"), default=default_rules)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")

    def __str__(self) -> str:
        return self.name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.pk)

    @property
    def participating_nations(self) -> frozenset[str]:
        return frozenset(self.partners.values_list("nation", flat=True))


class LimitedPartner(models.Model):
    """A nation's commitment to the fund. Its representatives hold the limited-partner role for the nation."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="partners")
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="en")
    commitment = models.DecimalField(
        _("commitment"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        ordering = ["nation"]
        verbose_name = _("limited partner")
        verbose_name_plural = _("limited partners")
        constraints = [models.UniqueConstraint(fields=["fund", "nation"], name="one_partner_per_nation")]

    def __str__(self) -> str:
        return self.name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.NATION, self.nation)


class CashEvent(models.Model):
    """A capital call (the partners pay in) or a distribution (the fund pays out), split pro rata."""

    class Kind(models.TextChoices):
        CALL = "call", _("Capital call")
        DISTRIBUTION = "distribution", _("Distribution")

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="cash_events")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    number = models.PositiveIntegerField(_("number"))
    on = models.DateField(_("date"))
    due = models.DateField(_("due date"))
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    management_fee = models.DecimalField(
        _("of which management fee"), max_digits=16, decimal_places=2, default=Decimal(0)
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-on", "-number"]
        verbose_name = _("capital call or distribution")
        verbose_name_plural = _("capital calls and distributions")
        constraints = [models.UniqueConstraint(fields=["fund", "kind", "number"], name="one_number_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class Notice(models.Model):
    """One partner's part of a call or distribution, and what of it has been paid."""

    event = models.ForeignKey(CashEvent, on_delete=models.CASCADE, related_name="notices")
    partner = models.ForeignKey(LimitedPartner, on_delete=models.PROTECT, related_name="notices")
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    paid = models.DecimalField(_("paid"), max_digits=16, decimal_places=2, default=Decimal(0))
    status = models.CharField(
        _("status"), max_length=16, choices=wf.NoticeStatus.choices, default=wf.NoticeStatus.DUE
    )

    workflow = wf.NOTICE_WORKFLOW

    class Meta:
        ordering = ["-event__on", "partner__nation"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [models.UniqueConstraint(fields=["event", "partner"], name="one_notice_per_partner")]

    def __str__(self) -> str:
        return f"{self.event} · {self.partner.nation}"

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.event.fund_id)

    @property
    def outstanding(self) -> Decimal:
        return self.amount - self.paid


class Deal(models.Model):
    """A company of the directory on the fund's board; never typed twice (one deal per organisation)."""

    class Stage(models.TextChoices):
        PRE_SEED = "pre_seed", _("Pre-seed")
        SEED = "seed", _("Seed")
        SERIES_A = "series_a", _("Series A")
        SERIES_B = "series_b", _("Series B")

    class Source(models.TextChoices):
        DIRECTORY = "directory", _("Directory")
        ACCELERATOR = "accelerator", _("Accelerator alumni")
        RADAR = "radar", _("Technology radar")
        REFERRAL = "referral", _("Referral")

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="deals")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="fund_deals")
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.DIRECTORY)
    stage = models.CharField(_("round"), max_length=16, choices=Stage.choices, default=Stage.SEED)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=wf.DealStatus.choices, default=wf.DealStatus.SOURCING
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set when this deal was a duplicate merged into another: everything it held moved there.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )

    workflow = wf.DEAL_WORKFLOW

    class Meta:
        ordering = ["organisation__legal_name"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        constraints = [models.UniqueConstraint(fields=["fund", "organisation"], name="one_deal_per_company")]

    def __str__(self) -> str:
        return self.organisation.legal_name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.fund_id)


class Shareholding(models.Model):
    """`share` of `company` held by another organisation of the directory: the chains through which
    ownership screening looks. People and states holding a company are the directory's own
    `organisations.Shareholder` rows (named, with a nation), never typed again here."""

    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="fund_held_by")
    holder = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="fund_holds")
    share = models.DecimalField(
        _("share"),
        max_digits=7,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001")), MaxValueValidator(Decimal(1))],
    )

    class Meta:
        verbose_name = _("shareholding")
        verbose_name_plural = _("shareholdings")
        constraints = [models.UniqueConstraint(fields=["company", "holder"], name="one_holding_per_pair")]

    def __str__(self) -> str:
        return f"{self.holder} → {self.company}: {self.share}"


class ListedName(models.Model):
    """One name of a screening list (imported from CSV or FollowTheMoney JSON lines)."""

    list_name = models.CharField(_("list"), max_length=100)
    entry_id = models.CharField(_("entry"), max_length=100)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        verbose_name = _("listed name")
        verbose_name_plural = _("listed names")
        indexes = [models.Index(fields=["list_name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.list_name})"


class Finding(models.Model):
    """Something ownership screening raised about a deal's company, open until a person clears it."""

    class Kind(models.TextChoices):
        OUTSIDE = "outside", _("Held from outside the partners")
        RING = "ring", _("Closed ownership ring")
        LISTED = "listed", _("Name on a screening list")

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    explanation = models.TextField(_("explanation"))
    status = models.CharField(
        _("status"), max_length=16, choices=wf.FindingStatus.choices, default=wf.FindingStatus.OPEN
    )
    note = models.TextField(_("note"), blank=True)
    found_at = models.DateTimeField(_("found"), auto_now_add=True)

    workflow = wf.FINDING_WORKFLOW

    class Meta:
        ordering = ["-found_at", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.explanation[:80]

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)


class Meeting(models.Model):
    """An investment committee meeting on one deal: its members (seats), quorum, votes and decision."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    quorum = models.PositiveSmallIntegerField(_("quorum"), default=3)
    status = models.CharField(
        _("status"), max_length=16, choices=wf.MeetingStatus.choices, default=wf.MeetingStatus.SCHEDULED
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    workflow = wf.MEETING_WORKFLOW

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")

    def __str__(self) -> str:
        return f"{self.deal} · {self.held_on}"

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)


class Seat(models.Model):
    """A member's seat at a meeting: recused when conflicted (declared or found), else a vote."""

    class Vote(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        ABSTAIN = "abstain", _("Abstain")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recused = models.BooleanField(_("recused"), default=False)
    conflict = models.CharField(_("conflict of interest"), max_length=300, blank=True)
    vote = models.CharField(_("vote"), max_length=8, choices=Vote.choices, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_seat_per_member"),
            models.CheckConstraint(
                condition=~models.Q(recused=True) | models.Q(vote=""), name="recused_do_not_vote"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.meeting}"
