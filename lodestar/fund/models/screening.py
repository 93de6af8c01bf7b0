"""Re-screening when shareholders change: what changed, waiting for the job, and each screening run
of a deal with its verdict, its evidence and what it changed.

A change to a shareholder of a company on the board or in the portfolio, or of any company up its
chains, writes one `ScreeningCause` per affected deal in the same transaction as the change itself
(so a change that is rolled back leaves no cause, and a cause is never lost once the change is in).
The re-screening job takes the causes of one deal, screens it and deletes exactly those causes in one
transaction: a job that stops anywhere leaves them for the next run (fund/rescreen.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lodestar.core.roles import Scope, ScopeKind
from lodestar.fund.models.capital import Deal


class ScreeningCause(models.Model):
    """A change on one of the deal's ownership chains that the deal has not been screened for yet.
    `change` is plain data, worded when shown: {"change": "added" | "changed" | "removed", "company",
    "holder", "nation", "share", "before"} (shares in per cent as text, names as they were)."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="screening_causes")
    change = models.JSONField(_("change"))
    at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("change to screen")
        verbose_name_plural = _("changes to screen")

    def __str__(self) -> str:
        return f"{self.deal_id}: {self.change}"


class Screening(models.Model):
    """One screening of a deal: the effective ownership of its company by nation and the findings
    raised (the evidence), what the run opened and superseded, and why it ran."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="screenings")
    screened_at = models.DateTimeField(_("screened"), default=timezone.now)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The changes to the shareholders that set it off (ScreeningCause.change); empty when a person or a
    # new screening list asked for it.
    causes = models.JSONField(_("what changed"), default=list, blank=True)
    ownership = models.JSONField(_("effective ownership by nation"), default=dict)
    outside = models.FloatField(_("share held from outside the partners"), default=0.0)
    raised = models.JSONField(_("findings raised"), default=list)  # [[kind, explanation], ...]
    opened = models.JSONField(_("findings opened"), default=list)  # explanations
    superseded = models.JSONField(_("findings no longer raised"), default=list)  # explanations
    # Why the holdings could not be screened (more than 100 % of a company declared): the findings
    # stay as they were until the shareholders are corrected.
    refusal = models.TextField(_("why it could not be screened"), blank=True)

    class Meta:
        ordering = ["-screened_at", "-pk"]
        indexes = [models.Index(fields=["deal", "-screened_at"], name="fund_screening_latest")]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return f"{self.deal_id} @ {self.screened_at:%Y-%m-%d %H:%M}"

    @property
    def role_scope(self) -> Scope:
        return Scope.of(ScopeKind.FUND, self.deal.fund_id)

    def ownership_rows(self) -> list[tuple[str, float]]:
        """(nation, share) largest first."""
        return sorted(self.ownership.items(), key=lambda kv: (-kv[1], kv[0]))

    def changes_from(self, previous: Screening | None) -> list[tuple[str, float, float]]:
        """(nation, share before, share now) for each nation whose effective share moved by at least
        0.01 percentage point since `previous`."""
        before: dict[str, Any] = previous.ownership if previous is not None else {}
        nations = sorted(set(before) | set(self.ownership))
        rows = [(n, float(before.get(n, 0.0)), float(self.ownership.get(n, 0.0))) for n in nations]
        return [r for r in rows if abs(r[2] - r[1]) >= 5e-5]
