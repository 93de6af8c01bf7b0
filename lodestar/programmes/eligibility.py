"""Eligibility of an application: each rule of the call is checked by the function its code names.

A rule that is not met either refuses the application or flags it for staff review, as the rule
says; the report keeps the message in both languages so that it can be shown to anyone later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import TextChoices
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lodestar.core.money import format_money
from lodestar.core.nations import nation_name, sort_key
from lodestar.organisations.models import Organisation, OrganisationType
from lodestar.programmes.models import Call, EligibilityRule


class Verdict(TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    REVIEW = "review", _("Needs staff review")
    INELIGIBLE = "ineligible", _("Not eligible")


@dataclass(frozen=True)
class RuleOutcome:
    code: str
    met: bool
    outcome: str  # "pass", "refuse" or "flag"
    message_en: str
    message_fr: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    verdict: str
    outcomes: tuple[RuleOutcome, ...]

    def as_json(self) -> list[dict[str, Any]]:
        return [asdict(o) for o in self.outcomes]


Check = Callable[[Call, Organisation, Decimal | None], tuple[bool, dict[str, Any]]]


def _headquarters(call: Call, org: Organisation, amount: Decimal | None) -> tuple[bool, dict[str, Any]]:
    return org.headquarters_nation in call.eligible_nations, {"nation": org.headquarters_nation}


def _organisation_type(call: Call, org: Organisation, amount: Decimal | None) -> tuple[bool, dict[str, Any]]:
    return org.kind in call.eligible_org_types, {"type": org.kind}


def _foreign_ownership(call: Call, org: Organisation, amount: Decimal | None) -> tuple[bool, dict[str, Any]]:
    eligible = set(call.eligible_nations)
    foreign = {n: float(p) for n, p in org.ownership_by_nation().items() if n not in eligible}
    share = sum(foreign.values())
    return share <= float(call.foreign_ownership_threshold), {
        "share": round(share, 2),
        "threshold": float(call.foreign_ownership_threshold),
        "nations": sorted(foreign),
    }


def _requested_amount(call: Call, org: Organisation, amount: Decimal | None) -> tuple[bool, dict[str, Any]]:
    if amount is None:
        return True, {}
    return amount <= call.max_grant, {"requested": float(amount), "maximum": float(call.max_grant)}


def _invited(call: Call, org: Organisation, amount: Decimal | None) -> tuple[bool, dict[str, Any]]:
    return call.invited_organisations.filter(pk=org.pk).exists(), {}


CHECKS: dict[str, Check] = {
    EligibilityRule.Code.HEADQUARTERS: _headquarters,
    EligibilityRule.Code.ORGANISATION_TYPE: _organisation_type,
    EligibilityRule.Code.FOREIGN_OWNERSHIP: _foreign_ownership,
    EligibilityRule.Code.REQUESTED_AMOUNT: _requested_amount,
    EligibilityRule.Code.INVITED: _invited,
}


def evaluate(call: Call, organisation: Organisation, requested_amount: Decimal | None = None) -> Report:
    outcomes = []
    for rule in call.rules.all():
        met, detail = CHECKS[rule.code](call, organisation, requested_amount)
        outcomes.append(
            RuleOutcome(
                code=rule.code,
                met=met,
                outcome="pass" if met else rule.when_failed,
                message_en=rule.message_en,
                message_fr=rule.message_fr,
                detail=detail,
            )
        )
    if any(o.outcome == EligibilityRule.Outcome.REFUSE for o in outcomes):
        verdict = Verdict.INELIGIBLE
    elif any(o.outcome == EligibilityRule.Outcome.FLAG for o in outcomes):
        verdict = Verdict.REVIEW
    else:
        verdict = Verdict.ELIGIBLE
    return Report(verdict=verdict, outcomes=tuple(outcomes))


# The rules a new call starts with: the accelerator's published criteria (shared/FACTS.md).
DEFAULT_RULES: tuple[tuple[str, str, str, str], ...] = (
    (
        EligibilityRule.Code.HEADQUARTERS,
        EligibilityRule.Outcome.REFUSE,
        "The company must have its headquarters in one of the call's eligible nations.",
        "L'entreprise doit avoir son siège dans l'une des nations éligibles de l'appel.",
    ),
    (
        EligibilityRule.Code.ORGANISATION_TYPE,
        EligibilityRule.Outcome.REFUSE,
        "The call is open to start-ups and small or medium enterprises only.",
        "L'appel est réservé aux start-up et aux petites et moyennes entreprises.",
    ),
    (
        EligibilityRule.Code.FOREIGN_OWNERSHIP,
        EligibilityRule.Outcome.FLAG,
        "A significant share of the company is owned from non-eligible nations: "
        "staff will review its ownership.",
        "Une part importante de l'entreprise est détenue depuis des nations non éligibles : "
        "l'équipe examinera son actionnariat.",
    ),
    (
        EligibilityRule.Code.REQUESTED_AMOUNT,
        EligibilityRule.Outcome.REFUSE,
        "The requested amount exceeds the call's maximum grant.",
        "Le montant demandé dépasse la subvention maximale de l'appel.",
    ),
)


def describe(outcome: dict[str, Any]) -> str:
    """A one-line account of the detail behind a rule's outcome, for staff."""
    detail = outcome.get("detail", {})
    code = outcome.get("code")
    if code == EligibilityRule.Code.HEADQUARTERS and "nation" in detail:
        return str(nation_name(detail["nation"]))
    if code == EligibilityRule.Code.ORGANISATION_TYPE and "type" in detail:
        return str(OrganisationType(detail["type"]).label)
    if code == EligibilityRule.Code.FOREIGN_OWNERSHIP and "share" in detail:
        return _("%(share)s %% from non-eligible nations (threshold %(threshold)s %%)") % detail
    if code == EligibilityRule.Code.REQUESTED_AMOUNT and "requested" in detail:
        return _("EUR %(requested).0f requested, EUR %(maximum).0f at most") % detail
    return ""


@dataclass(frozen=True)
class Criterion:
    """One condition of a call as an applicant reads it before applying ("Who can apply"), with the
    list it refers to when there is one (the eligible nations)."""

    text: str
    items: tuple[str, ...] = ()


def criteria(call: Call) -> list[Criterion]:
    """The call's rules stated as conditions, with the call's own figures, in the active language.
    The rules' messages say what went wrong; these say what is asked."""
    out = []
    for rule in call.rules.all():
        flagged = rule.when_failed == EligibilityRule.Outcome.FLAG
        if rule.code == EligibilityRule.Code.HEADQUARTERS:
            names = sorted((nation_name(code) for code in call.eligible_nations), key=sort_key)
            out.append(
                Criterion(
                    ngettext(
                        "Headquarters in the eligible nation:",
                        "Headquarters in one of the %(n)d eligible nations:",
                        len(names),
                    )
                    % {"n": len(names)},
                    tuple(names),
                )
            )
        elif rule.code == EligibilityRule.Code.ORGANISATION_TYPE:
            known = [k for k in call.eligible_org_types if k in OrganisationType.values]
            kinds = [str(OrganisationType(k).label) for k in known]
            out.append(Criterion(_("Open to: %(kinds)s.") % {"kinds": ", ".join(kinds)}))
        elif rule.code == EligibilityRule.Code.FOREIGN_OWNERSHIP:
            share = formats.number_format(call.foreign_ownership_threshold, 0)
            out.append(
                Criterion(
                    (
                        _(
                            "At most %(share)s %% of the company owned from outside the eligible nations; "
                            "above that, staff review its ownership before deciding."
                        )
                        if flagged
                        else _("At most %(share)s %% of the company owned from outside the eligible nations.")
                    )
                    % {"share": share}
                )
            )
        elif rule.code == EligibilityRule.Code.REQUESTED_AMOUNT:
            amount = format_money(call.max_grant)
            out.append(Criterion(_("A request of at most %(amount)s.") % {"amount": amount}))
    return out


def rule_label(code: str) -> str:
    """What a rule checks, in the active language (the code itself for a rule no longer known)."""
    return str(EligibilityRule.Code(code).label) if code in EligibilityRule.Code.values else code
