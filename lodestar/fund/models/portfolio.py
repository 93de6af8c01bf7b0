"""The fund's portfolio: investments in companies (from a deal) and commitments to other funds (fund of
funds), their rounds and follow-ons with the fund's ownership after each round, proceeds received, and
quarterly valuations (the net asset value of each position). Read by the fund team; partner nations see
only the figures of their statements."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lodestar.core.nations import NATION_CHOICES
from lodestar.core.roles import Scope, ScopeKind
from lodestar.fund.models.capital import Deal, Fund


class Investment(models.Model):
    """One position: a company the fund invested in (through its deal) or another fund it committed to."""

    class Kind(models.TextChoices):
        DIRECT = "direct", _("Direct investment")
        FUND = "fund", _("Commitment to another fund")

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="investments")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.DIRECT)
    deal = models.OneToOneField(
        Deal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="investment",
        verbose_name=_("deal"),
    )
    name = models.CharField(_("name"), max_length=200)
    nation = models.CharField(_("nation"), max_length=2, choices=NATION_CHOICES)
    commitment = models.DecimalField(
        _("commitment to the fund"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    reserve = models.DecimalField(
        _("reserve for follow-ons"), max_digits=16, decimal_places=2, default=Decimal(0)
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("investment")
        verbose_name_plural = _("investments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="direct", deal__isnull=False, commitment__isnull=True)
                | models.Q(kind="fund", deal__isnull=True, commitment__isnull=False),
                name="a_direct_investment_has_a_deal_a_fund_commitment_an_amount",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.fund_id)


class Round(models.Model):
    """Money the fund put in: a financing round of the company (the first or a follow-on), or a
    drawdown of a fund it committed to. `ownership_after` is the fund's share of the company once the
    round closed (equity rounds with a pre-money valuation); a note or SAFE leaves it as it was."""

    class Instrument(models.TextChoices):
        EQUITY = "equity", _("Equity")
        NOTE = "note", _("Convertible note")
        SAFE = "safe", _("SAFE")
        FUND_INTEREST = "fund_interest", _("Interest in a fund")

    investment = models.ForeignKey(Investment, on_delete=models.CASCADE, related_name="rounds")
    on = models.DateField(_("date"))
    label = models.CharField(_("round"), max_length=60)
    instrument = models.CharField(_("instrument"), max_length=16, choices=Instrument.choices)
    amount = models.DecimalField(
        _("amount invested"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    round_size = models.DecimalField(
        _("round size (all investors)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    pre_money = models.DecimalField(
        _("pre-money valuation"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    ownership_after = models.DecimalField(
        _("fund's ownership after the round"), max_digits=9, decimal_places=8, null=True, blank=True
    )
    follow_on = models.BooleanField(_("follow-on"), default=False)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return f"{self.investment} · {self.label}"


class Realisation(models.Model):
    """Money the fund received from a position: a sale of shares, a dividend, a fund's distribution."""

    investment = models.ForeignKey(Investment, on_delete=models.CASCADE, related_name="realisations")
    on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount received"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    description = models.CharField(_("description"), max_length=300)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("proceeds")
        verbose_name_plural = _("proceeds")

    def __str__(self) -> str:
        return f"{self.investment} · {self.on}"


class Valuation(models.Model):
    """The value of a position at a quarter's end (its net asset value), and how it was reached."""

    class Method(models.TextChoices):
        LAST_ROUND = "last_round", _("Price of the last round")
        COMPARABLES = "comparables", _("Comparable companies")
        MANAGER = "manager", _("Fund manager's report")
        WRITE_DOWN = "write_down", _("Written down")

    investment = models.ForeignKey(Investment, on_delete=models.CASCADE, related_name="valuations")
    on = models.DateField(_("quarter end"))
    value = models.DecimalField(
        _("value"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    note = models.CharField(_("note (read by the fund team)"), max_length=300, blank=True)

    class Meta:
        ordering = ["-on", "pk"]
        verbose_name = _("valuation")
        verbose_name_plural = _("valuations")
        constraints = [models.UniqueConstraint(fields=["investment", "on"], name="one_valuation_per_quarter")]

    def __str__(self) -> str:
        return f"{self.investment} · {self.on}: {self.value}"
